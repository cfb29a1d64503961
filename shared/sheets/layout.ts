import { message, type Language } from '../messages';
import type { CellValue } from './cells';

/**
 * Column layouts of the add-on's sheets. They are data plus pure functions, so the add-on (setValues) and a
 * later server-side writer (Sheets API values.batchUpdate) produce exactly the same sheet.
 *
 * Every sheet starts with three structural columns: A a checkbox to select rows, B the hidden row key, C the
 * hidden "rendered" snapshot of the row's editable cells. Rows are found by key, never by row number.
 */
export const LAYOUT_IDS = ['orders', 'stock', 'skus', 'mappings', 'alerts'] as const;
export type LayoutId = (typeof LAYOUT_IDS)[number];

/** Bump when columns change: sheets stamped with an older version are set up again and fully rewritten. */
export const LAYOUT_VERSION = 1;

export const CHECKBOX_COLUMN = 1;
export const KEY_COLUMN = 2;
export const RENDERED_COLUMN = 3;
export const FIRST_DATA_COLUMN = 4;

/**
 * text: free text; id: an identifier that must stay text (order ids, tracking numbers, phones, zips);
 * date: a KST `yyyy-MM-dd HH:mm` string; number: a count; label: a text from the message table.
 */
export type ColumnKind = 'text' | 'id' | 'date' | 'number' | 'label';

/** Plain text for everything but counts: '@' keeps "00123" and "2024-05-01 10:00" as typed, and formulas inert. */
export const TEXT_FORMAT = '@';
export const COUNT_FORMAT = '#,##0';

export function numberFormatOf(kind: ColumnKind): string {
  return kind === 'number' ? COUNT_FORMAT : TEXT_FORMAT;
}

/**
 * Data validation of an editable column. `strict` rejects other input; otherwise Sheets only marks the cell,
 * because the server has the last word (the onEdit handler checks again and explains a refusal in a note).
 */
export type ValidationSpec =
  | { type: 'list'; values: (language: Language) => readonly string[]; strict: boolean; help: string }
  | { type: 'number'; min: number; strict: boolean; help: string }
  /** A regular expression for REGEXMATCH, checked on the cell's text; blank always passes. */
  | { type: 'pattern'; pattern: string; help: string }
  /** Free text up to a length (a name, a barcode, a components list). */
  | { type: 'text'; maxLength: number; help: string };

/** A status colour: conditional formatting on cells whose text is (or starts with) this label's text. */
export interface StatusColor {
  /** Message code of the label; the rule is built for the sheet's language at setup. */
  code: string;
  match: 'equals' | 'startsWith';
  background: string;
  fontColor: string;
}

/** A column without its value function: what formatting, setup and the onEdit side need. */
export interface ColumnShape {
  /** Stable id: snapshots and edit handlers refer to columns by id, never by letter. */
  id: string;
  /** Message code of the header; the table has Korean and English. */
  header: string;
  kind: ColumnKind;
  /** Width in pixels. */
  width: number;
  /** Buyer- or channel-originated text: neutralised against formula injection. */
  external?: boolean;
  /** Present when people may edit the column; the server-owned rest is protected (warning only). */
  editable?: ValidationSpec;
  statusColors?: readonly StatusColor[];
}

export interface RenderContext {
  language: Language;
  /** A message-table text; param-less texts are cached, since every row asks for the same labels. */
  label(code: string, params?: Record<string, string | number | boolean | null | undefined>): string;
}

export interface Column<T> extends ColumnShape {
  value(item: T, context: RenderContext): CellValue;
}

/** How a row people typed by hand (no key yet) is named by its visible cells, so a refresh adopts it. */
export interface RowIdentity {
  columns: readonly string[];
  key(texts: readonly string[]): string | null;
}

/**
 * A visible column whose text follows from the row key (the order id of an order key). When the key, the
 * rendered snapshot and this cell disagree, the row's cells were sorted apart (a sort of some columns
 * only) and an edit handler must not trust the row.
 */
export interface RowAnchor {
  column: string;
  fromKey(key: string): string | null;
}

export interface LayoutShape {
  id: LayoutId;
  anchor: RowAnchor;
  /** Sheet names stay Korean in both languages: edit handlers and people find sheets by them. */
  sheetName: string;
  /** The alerts sheet shows the sync status in row 1, above its header. */
  statusRow: boolean;
  columns: readonly ColumnShape[];
  identity?: RowIdentity;
}

export interface Layout<T> extends LayoutShape {
  columns: readonly Column<T>[];
  keyOf(item: T): string;
}

export function headerRowOf(layout: LayoutShape): number {
  return layout.statusRow ? 2 : 1;
}

export function firstDataRowOf(layout: LayoutShape): number {
  return headerRowOf(layout) + 1;
}

export function totalColumnsOf(layout: LayoutShape): number {
  return FIRST_DATA_COLUMN - 1 + layout.columns.length;
}

/** 1-based sheet column of a data column. */
export function columnPosition(layout: LayoutShape, columnId: string): number {
  const index = layout.columns.findIndex((column) => column.id === columnId);
  if (index < 0) throw new Error(`layout ${layout.id} has no column ${columnId}`);
  return FIRST_DATA_COLUMN + index;
}

export function columnAt(layout: LayoutShape, position: number): ColumnShape | null {
  return layout.columns[position - FIRST_DATA_COLUMN] ?? null;
}

/** Header texts for the whole header row, checkbox column first. */
export function headerCells(layout: LayoutShape, language: Language): string[] {
  return [
    message('sheet.col.select', language),
    message('sheet.col.key', language),
    message('sheet.col.rendered', language),
    ...layout.columns.map((column) => message(column.header, language)),
  ];
}

export function renderContext(language: Language): RenderContext {
  const cache = new Map<string, string>();
  return {
    language,
    label(code, params) {
      if (params) return message(code, language, params);
      let text = cache.get(code);
      if (text === undefined) {
        text = message(code, language);
        cache.set(code, text);
      }
      return text;
    },
  };
}

/** What identifies a layout's setup: a sheet stamped with another signature is set up again. */
export function layoutSignature(layout: LayoutShape, language: Language): string {
  return `v${LAYOUT_VERSION}:${language}:${layout.columns.map((column) => column.id).join(',')}`;
}
