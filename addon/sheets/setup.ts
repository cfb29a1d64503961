import { message, type Language } from '../../shared/messages';
import { a1OpenColumns, a1Range } from '../../shared/sheets/a1';
import {
  CHECKBOX_COLUMN,
  KEY_COLUMN,
  LAYOUT_VERSION,
  RENDERED_COLUMN,
  TEXT_FORMAT,
  firstDataRowOf,
  headerCells,
  headerRowOf,
  numberFormatOf,
  totalColumnsOf,
  type ColumnShape,
  type LayoutShape,
  type ValidationSpec,
} from '../../shared/sheets/layout';
import { syncErrorPrefix } from '../../shared/sheets/status';
import type { LayoutStamp } from '../lib/document-state';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HEADER_BACKGROUND = '#f3f3f3';
const STRUCTURAL_WIDTHS = [32, 140, 140];

export function layoutStamp(layout: LayoutShape, language: Language): LayoutStamp {
  return { version: LAYOUT_VERSION, language, columns: layout.columns.map((column) => column.id) };
}

/** Same columns in the same places: the data can stay, only labels and formats are redone. */
function sameColumns(stamp: LayoutStamp | undefined, layout: LayoutShape): boolean {
  return !!stamp && stamp.version === LAYOUT_VERSION && stamp.columns.join(',') === layout.columns.map((column) => column.id).join(',');
}

export function isSetUp(stamp: LayoutStamp | undefined, layout: LayoutShape, language: Language): boolean {
  return sameColumns(stamp, layout) && stamp?.language === language;
}

/** A sheet of that name that is not ours (someone's own 주문 tab) is kept under another name, never overwritten. */
function headerIsOurs(sheet: Sheet, layout: LayoutShape): boolean {
  const width = Math.min(totalColumnsOf(layout), sheet.getMaxColumns());
  const header = sheet.getRange(headerRowOf(layout), 1, 1, width).getDisplayValues()[0] ?? [];
  return (['ko', 'en'] as const).some((language) => headerCells(layout, language).slice(0, width).every((text, index) => header[index] === text));
}

function moveAside(spreadsheet: Spreadsheet, sheet: Sheet, name: string): void {
  for (let attempt = 1; ; attempt += 1) {
    const candidate = attempt === 1 ? `${name} (이전)` : `${name} (이전 ${attempt})`;
    if (!spreadsheet.getSheetByName(candidate)) {
      sheet.setName(candidate);
      return;
    }
  }
}

function validationRule(spec: ValidationSpec, topLeft: string, language: Language): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation().setHelpText(message(spec.help, language));
  switch (spec.type) {
    case 'list':
      return builder.requireValueInList([...spec.values(language)], true).setAllowInvalid(!spec.strict).build();
    case 'number':
      return builder.requireNumberGreaterThanOrEqualTo(spec.min).setAllowInvalid(!spec.strict).build();
    case 'pattern':
      return builder.requireFormulaSatisfied(`=OR(ISBLANK(${topLeft}),REGEXMATCH(TO_TEXT(${topLeft}),"${spec.pattern.replace(/"/g, '""')}"))`).setAllowInvalid(true).build();
    case 'text':
      return builder.requireFormulaSatisfied(`=LEN(TO_TEXT(${topLeft}))<=${spec.maxLength}`).setAllowInvalid(true).build();
  }
}

function applyWidths(sheet: Sheet, layout: LayoutShape): void {
  const widths = [...STRUCTURAL_WIDTHS, ...layout.columns.map((column) => column.width)];
  let start = 0;
  while (start < widths.length) {
    let end = start;
    while (end + 1 < widths.length && widths[end + 1] === widths[start]) end += 1;
    sheet.setColumnWidths(start + 1, end - start + 1, widths[start] ?? 100);
    start = end + 1;
  }
}

/** One call per distinct number format, over whole columns from the first data row down. */
function applyNumberFormats(sheet: Sheet, layout: LayoutShape): void {
  const first = firstDataRowOf(layout);
  const byFormat = new Map<string, string[]>();
  const add = (format: string, a1: string): void => {
    byFormat.set(format, [...(byFormat.get(format) ?? []), a1]);
  };
  add(TEXT_FORMAT, a1OpenColumns(first, KEY_COLUMN, 2));
  layout.columns.forEach((column, index) => add(numberFormatOf(column.kind), a1OpenColumns(first, RENDERED_COLUMN + 1 + index)));
  if (layout.statusRow) add(TEXT_FORMAT, 'A1');
  for (const [format, ranges] of byFormat) sheet.getRangeList(ranges).setNumberFormat(format);
}

function applyValidations(sheet: Sheet, layout: LayoutShape, language: Language): void {
  const first = firstDataRowOf(layout);
  sheet
    .getRange(a1OpenColumns(first, CHECKBOX_COLUMN))
    .setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().setHelpText(message('sheet.help.select', language)).build());
  layout.columns.forEach((column, index) => {
    if (!column.editable) return;
    const position = RENDERED_COLUMN + 1 + index;
    sheet.getRange(a1OpenColumns(first, position)).setDataValidation(validationRule(column.editable, a1Range(first, position), language));
  });
}

function statusColumns(layout: LayoutShape): { column: ColumnShape; position: number }[] {
  return layout.columns.flatMap((column, index) => (column.statusColors ? [{ column, position: RENDERED_COLUMN + 1 + index }] : []));
}

/**
 * Status colours, set once for the sheet's language. setConditionalFormatRules replaces every rule, so
 * rules people added elsewhere are read and kept; only rules on our status columns are replaced.
 */
function applyConditionalFormats(sheet: Sheet, layout: LayoutShape, language: Language): void {
  const first = firstDataRowOf(layout);
  const ours = new Set(statusColumns(layout).map(({ position }) => position));
  const isOurRange = (range: GoogleAppsScript.Spreadsheet.Range): boolean =>
    range.getNumColumns() === 1 && (ours.has(range.getColumn()) || (layout.statusRow && range.getColumn() === 1 && range.getRow() === 1 && range.getNumRows() === 1));
  const kept = sheet.getConditionalFormatRules().filter((rule) => !rule.getRanges().every(isOurRange));
  const rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  for (const { column, position } of statusColumns(layout)) {
    const range = sheet.getRange(a1OpenColumns(first, position));
    for (const colour of column.statusColors ?? []) {
      const label = message(colour.code, language);
      const builder = SpreadsheetApp.newConditionalFormatRule();
      (colour.match === 'equals' ? builder.whenTextEqualTo(label) : builder.whenTextStartsWith(label)).setBackground(colour.background).setFontColor(colour.fontColor).setRanges([range]);
      rules.push(builder.build());
    }
  }
  if (layout.statusRow) {
    rules.push(SpreadsheetApp.newConditionalFormatRule().whenTextStartsWith(syncErrorPrefix(language)).setBackground('#f4cccc').setFontColor('#990000').setRanges([sheet.getRange('A1')]).build());
  }
  sheet.setConditionalFormatRules([...kept, ...rules]);
}

/**
 * Warning-only protection of the whole sheet with the checkbox and editable columns left open: people are
 * warned before overwriting server-owned cells, and the owner can still sort and filter.
 */
function applyProtection(sheet: Sheet, layout: LayoutShape, language: Language): void {
  const first = firstDataRowOf(layout);
  const open = [sheet.getRange(a1OpenColumns(first, CHECKBOX_COLUMN))];
  layout.columns.forEach((column, index) => {
    if (column.editable) open.push(sheet.getRange(a1OpenColumns(first, RENDERED_COLUMN + 1 + index)));
  });
  sheet.protect().setWarningOnly(true).setDescription(message('sheet.protection', language)).setUnprotectedRanges(open);
}

/**
 * Creates or repairs one sheet: header, frozen rows, widths, formats ('@' for identifiers and dates),
 * validation, status colours, protection, hidden key columns. Runs when the layout, its version or the
 * language changed, never on an ordinary refresh. Returns the sheet and whether its old rows must be
 * rewritten from scratch (new or different columns).
 */
export function setUpSheet(spreadsheet: Spreadsheet, layout: LayoutShape, language: Language, stamp: LayoutStamp | undefined): { sheet: Sheet; cleared: boolean } {
  let sheet = spreadsheet.getSheetByName(layout.sheetName);
  // Without a stamp (a first setup, or document properties lost), a header matching ours means our columns.
  let headerMatches = false;
  if (sheet && !stamp && sheet.getLastRow() > 0) {
    headerMatches = headerIsOurs(sheet, layout);
    if (!headerMatches) {
      moveAside(spreadsheet, sheet, layout.sheetName);
      sheet = null;
    }
  }
  const created = !sheet;
  sheet ??= spreadsheet.insertSheet(layout.sheetName);
  const total = totalColumnsOf(layout);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < total) sheet.insertColumnsAfter(maxColumns, total - maxColumns);
  const first = firstDataRowOf(layout);
  const maxRows = sheet.getMaxRows();
  if (maxRows < first) sheet.insertRowsAfter(maxRows, first - maxRows);

  // Old rows in other columns cannot be reused; they are cleared and the refresh rewrites them.
  const cleared = !created && !headerMatches && !sameColumns(stamp, layout);
  if (cleared) sheet.getRange(a1Range(first, 1, Math.max(1, sheet.getMaxRows() - first + 1), sheet.getMaxColumns())).clearContent();

  const header = sheet.getRange(headerRowOf(layout), 1, 1, total);
  header.setValues([headerCells(layout, language)]);
  header.setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  sheet.setFrozenRows(headerRowOf(layout));
  applyWidths(sheet, layout);
  applyNumberFormats(sheet, layout);
  applyValidations(sheet, layout, language);
  applyConditionalFormats(sheet, layout, language);
  applyProtection(sheet, layout, language);
  sheet.hideColumns(KEY_COLUMN, RENDERED_COLUMN - KEY_COLUMN + 1);
  return { sheet, cleared };
}
