import type { CallKind } from '../calls';
import { MODES, SCOPES, type GasRuntime } from '../runtime';
import type { FakeUi } from '../ui';
import { FakeRange } from './range';
import {
  BooleanCriteria,
  DataValidationCriteria,
  FakeConditionalFormatRuleBuilder,
  FakeDataValidationBuilder,
  ProtectionType,
  type FakeProtection,
  type ProtectionTypeName,
} from './rules';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, FakeSheet } from './sheet';

let nextSpreadsheet = 1;

export class FakeSpreadsheet {
  private sheets: FakeSheet[] = [];
  private nextSheetId = 0;
  private timeZoneName: string;
  private readonly toasts: { message: string; title: string }[] = [];
  activeSheetRef: FakeSheet | null = null;
  readonly id: string;

  constructor(
    readonly runtime: GasRuntime,
    private name = 'Sheetship test',
    options: { firstSheetName?: string; timeZone?: string } = {},
  ) {
    this.id = `fake-spreadsheet-${nextSpreadsheet}`;
    nextSpreadsheet += 1;
    this.timeZoneName = options.timeZone ?? runtime.timeZone;
    this.addSheet(options.firstSheetName ?? 'Sheet1', 0);
  }

  private call(method: string, kind: CallKind): void {
    this.runtime.call('Spreadsheet', `Spreadsheet.${method}`, kind, MODES.document, SCOPES.spreadsheet);
  }

  timeZoneValue(): string {
    return this.timeZoneName;
  }

  indexOf(sheet: FakeSheet): number {
    return this.sheets.indexOf(sheet);
  }

  renameSheet(sheet: FakeSheet, name: string): void {
    if (this.sheets.some((other) => other !== sheet && other.sheetName() === name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  private addSheet(name: string, index: number, rows = DEFAULT_ROWS, columns = DEFAULT_COLUMNS): FakeSheet {
    if (this.sheets.some((sheet) => sheet.sheetName() === name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(this, name, this.nextSheetId, rows, columns);
    this.nextSheetId += 1;
    this.sheets.splice(index, 0, sheet);
    this.activeSheetRef ??= sheet;
    return sheet;
  }

  getId(): string {
    this.call('getId', 'other');
    return this.id;
  }
  getName(): string {
    this.call('getName', 'other');
    return this.name;
  }
  rename(name: string): void {
    this.call('rename', 'write');
    this.name = name;
  }
  getUrl(): string {
    this.call('getUrl', 'other');
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSheets(): FakeSheet[] {
    this.call('getSheets', 'other');
    return [...this.sheets];
  }
  getNumSheets(): number {
    this.call('getNumSheets', 'other');
    return this.sheets.length;
  }
  getSheetByName(name: string): FakeSheet | null {
    this.call('getSheetByName', 'other');
    return this.sheets.find((sheet) => sheet.sheetName() === name) ?? null;
  }
  getSheetById(id: number): FakeSheet | null {
    this.call('getSheetById', 'other');
    return this.sheets.find((sheet) => sheet.id === id) ?? null;
  }
  /** insertSheet(), insertSheet(name), insertSheet(name, index) or insertSheet(index). */
  insertSheet(nameOrIndex?: string | number, index?: number): FakeSheet {
    this.call('insertSheet', 'write');
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : `Sheet${this.nextSheetId + 1}`;
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : index ?? this.sheets.length;
    const sheet = this.addSheet(name, Math.min(Math.max(at, 0), this.sheets.length));
    this.activeSheetRef = sheet;
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    this.call('deleteSheet', 'write');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((candidate) => candidate !== sheet);
    sheet.deleted = true;
    if (this.activeSheetRef === sheet) this.activeSheetRef = this.sheets[0] ?? null;
  }
  getActiveSheet(): FakeSheet | null {
    this.call('getActiveSheet', 'other');
    return this.activeSheetRef;
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.call('setActiveSheet', 'other');
    this.activeSheetRef = sheet;
    return sheet;
  }
  getSpreadsheetTimeZone(): string {
    this.call('getSpreadsheetTimeZone', 'read');
    return this.timeZoneName;
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    this.call('setSpreadsheetTimeZone', 'write');
    this.timeZoneName = timeZone;
  }
  getSpreadsheetLocale(): string {
    this.call('getSpreadsheetLocale', 'read');
    return 'ko_KR';
  }
  /** A1 with a sheet name (`'주문'!A1:B2`), or on the active sheet. */
  getRange(a1: string): FakeRange {
    this.call('getRange', 'other');
    const bang = a1.lastIndexOf('!');
    let sheet = this.activeSheetRef;
    if (bang >= 0) {
      let sheetName = a1.slice(0, bang);
      if (sheetName.startsWith("'") && sheetName.endsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
      sheet = this.sheets.find((candidate) => candidate.sheetName() === sheetName) ?? null;
    }
    if (!sheet) throw new Error('Range not found');
    return sheet.rangeFromA1(bang >= 0 ? a1.slice(bang + 1) : a1);
  }
  getProtections(type: ProtectionTypeName): FakeProtection[] {
    this.call('getProtections', 'read');
    return this.sheets.flatMap((sheet) => sheet.inspect().protections.filter((protection) => protection.type === type));
  }
  toast(message: string, title = '', timeoutSeconds = 5): void {
    void timeoutSeconds;
    this.call('toast', 'other');
    this.toasts.push({ message, title });
  }

  /** Test inspection, never counted. */
  shownToasts(): readonly { message: string; title: string }[] {
    return this.toasts;
  }
  sheet(name: string): FakeSheet {
    const sheet = this.sheets.find((candidate) => candidate.sheetName() === name);
    if (!sheet) throw new Error(`the fake spreadsheet has no sheet named ${name}`);
    return sheet;
  }
  sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.sheetName());
  }
}

/** SpreadsheetApp: the active spreadsheet (null outside a document context), builders, enums, getUi, flush. */
export class FakeSpreadsheetApp {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly ProtectionType = ProtectionType;
  private flushes = 0;

  constructor(
    private readonly runtime: GasRuntime,
    private readonly active: FakeSpreadsheet | null,
    private readonly ui: FakeUi,
  ) {}

  private call(method: string, kind: CallKind, modes: readonly ('NONE' | 'LIMITED' | 'CUSTOM_FUNCTION' | 'FULL')[] = MODES.document): void {
    this.runtime.call('Spreadsheet', `SpreadsheetApp.${method}`, kind, modes, SCOPES.spreadsheet);
  }

  getActiveSpreadsheet(): FakeSpreadsheet | null {
    this.call('getActiveSpreadsheet', 'other');
    return this.active;
  }
  getActive(): FakeSpreadsheet | null {
    this.call('getActive', 'other');
    return this.active;
  }
  getActiveSheet(): FakeSheet | null {
    this.call('getActiveSheet', 'other');
    return this.active?.activeSheetRef ?? null;
  }
  /** Writes are applied at once in the fake; flush is counted so tests can see it happen before a lock release. */
  flush(): void {
    this.call('flush', 'other');
    this.flushes += 1;
  }
  /** Menus may be built in every auth mode, so getUi itself is always allowed. */
  getUi(): FakeUi {
    this.call('getUi', 'other', MODES.any);
    return this.ui;
  }
  newDataValidation(): FakeDataValidationBuilder {
    this.call('newDataValidation', 'other', MODES.any);
    return new FakeDataValidationBuilder();
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    this.call('newConditionalFormatRule', 'other', MODES.any);
    return new FakeConditionalFormatRuleBuilder();
  }
  flushCount(): number {
    return this.flushes;
  }
}
