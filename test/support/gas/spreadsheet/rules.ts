import type { GasRuntime } from '../runtime';
import type { CellContent } from '../values';
import type { GridArea } from './grid';

/** SpreadsheetApp.DataValidationCriteria, the members the builder below produces. */
export const DataValidationCriteria = {
  CHECKBOX: 'CHECKBOX',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
} as const;
export type DataValidationCriteriaName = keyof typeof DataValidationCriteria;

export class FakeDataValidation {
  constructor(
    readonly criteria: DataValidationCriteriaName,
    readonly values: readonly unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}

  getCriteriaType(): DataValidationCriteriaName {
    return this.criteria;
  }

  getCriteriaValues(): unknown[] {
    return [...this.values];
  }

  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }

  getHelpText(): string {
    return this.helpText;
  }

  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.criteria, this.values, this.allowInvalid, this.helpText);
  }

  /**
   * Whether a value written by a script breaks a rejecting rule. Apps Script refuses such a write with an
   * exception; rules that allow invalid data only mark the cell. Custom formulas are not evaluated here.
   */
  rejects(value: CellContent): boolean {
    if (this.allowInvalid || value === '') return false;
    switch (this.criteria) {
      case 'CHECKBOX': {
        if (this.values.length === 0) return typeof value !== 'boolean';
        return !this.values.some((allowed) => allowed === value);
      }
      case 'VALUE_IN_LIST': {
        const list = this.values[0];
        return !Array.isArray(list) || !list.some((allowed) => String(allowed) === String(value));
      }
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return typeof value !== 'number' || value < Number(this.values[0]);
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return typeof value !== 'number' || value > Number(this.values[0]);
      case 'NUMBER_BETWEEN':
        return typeof value !== 'number' || value < Number(this.values[0]) || value > Number(this.values[1]);
      case 'TEXT_CONTAINS':
        return !String(value).includes(String(this.values[0]));
      case 'TEXT_EQUAL_TO':
        return String(value) !== String(this.values[0]);
      default:
        return false;
    }
  }
}

export class FakeDataValidationBuilder {
  constructor(
    private criteria: DataValidationCriteriaName | null = null,
    private values: readonly unknown[] = [],
    private allowInvalid = true,
    private helpText = '',
  ) {}

  private set(criteria: DataValidationCriteriaName, values: readonly unknown[]): this {
    this.criteria = criteria;
    this.values = values;
    return this;
  }

  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    return this.set('CHECKBOX', checked === undefined ? [] : [checked, unchecked ?? '']);
  }
  requireValueInList(values: readonly string[], showDropdown = true): this {
    return this.set('VALUE_IN_LIST', [[...values], showDropdown]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): this {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberLessThanOrEqualTo(number: number): this {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberBetween(start: number, end: number): this {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }
  requireFormulaSatisfied(formula: string): this {
    if (!formula.startsWith('=')) throw new Error('The formula must start with "=".');
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  requireTextContains(text: string): this {
    return this.set('TEXT_CONTAINS', [text]);
  }
  requireTextEqualTo(text: string): this {
    return this.set('TEXT_EQUAL_TO', [text]);
  }
  requireTextIsEmail(): this {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  setAllowInvalid(allowInvalidData: boolean): this {
    this.allowInvalid = allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): this {
    this.helpText = helpText;
    return this;
  }
  build(): FakeDataValidation {
    if (!this.criteria) throw new Error('You must set a criteria type before building a data validation rule.');
    return new FakeDataValidation(this.criteria, this.values, this.allowInvalid, this.helpText);
  }
}

/** SpreadsheetApp.BooleanCriteria, the members conditional formatting uses here. */
export const BooleanCriteria = {
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_STARTS_WITH: 'TEXT_STARTS_WITH',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_ENDS_WITH: 'TEXT_ENDS_WITH',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  CELL_EMPTY: 'CELL_EMPTY',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
} as const;
export type BooleanCriteriaName = keyof typeof BooleanCriteria;

/** A sheet-bound area that a rule or protection keeps; the sheet adjusts it when rows or columns move. */
export interface AreaOwner {
  sheetName(): string;
  track(area: GridArea): void;
  rangeOf(area: GridArea): unknown;
}

export interface AreaLike {
  toArea(): { owner: AreaOwner; area: GridArea };
}

export class FakeBooleanCondition {
  constructor(
    readonly criteria: BooleanCriteriaName,
    readonly values: readonly unknown[],
    readonly background: string | null,
    readonly fontColor: string | null,
    readonly bold: boolean | null,
  ) {}
  getCriteriaType(): BooleanCriteriaName {
    return this.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.values];
  }
  getBackground(): string | null {
    return this.background;
  }
  getFontColor(): string | null {
    return this.fontColor;
  }
  getBold(): boolean | null {
    return this.bold;
  }

  /** Whether a cell's display text satisfies the condition (formulas are not evaluated). */
  matches(text: string): boolean {
    const wanted = String(this.values[0] ?? '');
    switch (this.criteria) {
      case 'TEXT_EQUAL_TO':
        return text.toLowerCase() === wanted.toLowerCase();
      case 'TEXT_STARTS_WITH':
        return text.toLowerCase().startsWith(wanted.toLowerCase());
      case 'TEXT_CONTAINS':
        return text.toLowerCase().includes(wanted.toLowerCase());
      case 'TEXT_ENDS_WITH':
        return text.toLowerCase().endsWith(wanted.toLowerCase());
      case 'NUMBER_EQUAL_TO':
        return text !== '' && Number(text) === Number(wanted);
      case 'NUMBER_LESS_THAN':
        return text !== '' && Number(text) < Number(wanted);
      case 'CELL_EMPTY':
        return text === '';
      default:
        return false;
    }
  }
}

export class FakeConditionalFormatRule {
  constructor(
    readonly areas: readonly { owner: AreaOwner; area: GridArea }[],
    readonly condition: FakeBooleanCondition,
  ) {}
  getRanges(): unknown[] {
    return this.areas.map(({ owner, area }) => owner.rangeOf(area));
  }
  getBooleanCondition(): FakeBooleanCondition {
    return this.condition;
  }
  copy(): FakeConditionalFormatRuleBuilder {
    const builder = new FakeConditionalFormatRuleBuilder();
    builder.from(this);
    return builder;
  }
}

export class FakeConditionalFormatRuleBuilder {
  private criteria: BooleanCriteriaName | null = null;
  private values: readonly unknown[] = [];
  private background: string | null = null;
  private fontColor: string | null = null;
  private bold: boolean | null = null;
  private ranges: AreaLike[] = [];
  private copiedAreas: { owner: AreaOwner; area: GridArea }[] | null = null;

  from(rule: FakeConditionalFormatRule): void {
    const condition = rule.condition;
    this.criteria = condition.criteria;
    this.values = condition.values;
    this.background = condition.background;
    this.fontColor = condition.fontColor;
    this.bold = condition.bold;
    this.copiedAreas = rule.areas.map(({ owner, area }) => ({ owner, area: { ...area } }));
  }

  private when(criteria: BooleanCriteriaName, values: readonly unknown[]): this {
    this.criteria = criteria;
    this.values = values;
    return this;
  }
  whenTextEqualTo(text: string): this {
    return this.when('TEXT_EQUAL_TO', [text]);
  }
  whenTextStartsWith(text: string): this {
    return this.when('TEXT_STARTS_WITH', [text]);
  }
  whenTextContains(text: string): this {
    return this.when('TEXT_CONTAINS', [text]);
  }
  whenTextEndsWith(text: string): this {
    return this.when('TEXT_ENDS_WITH', [text]);
  }
  whenNumberEqualTo(number: number): this {
    return this.when('NUMBER_EQUAL_TO', [number]);
  }
  whenNumberLessThan(number: number): this {
    return this.when('NUMBER_LESS_THAN', [number]);
  }
  whenCellEmpty(): this {
    return this.when('CELL_EMPTY', []);
  }
  whenFormulaSatisfied(formula: string): this {
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  setBackground(color: string | null): this {
    this.background = color;
    return this;
  }
  setFontColor(color: string | null): this {
    this.fontColor = color;
    return this;
  }
  setBold(bold: boolean | null): this {
    this.bold = bold;
    return this;
  }
  setRanges(ranges: readonly AreaLike[]): this {
    this.ranges = [...ranges];
    this.copiedAreas = null;
    return this;
  }
  build(): FakeConditionalFormatRule {
    if (!this.criteria) throw new Error('A conditional format rule needs a condition.');
    const areas = this.copiedAreas ?? this.ranges.map((range) => range.toArea());
    if (areas.length === 0) throw new Error('A conditional format rule needs at least one range.');
    return new FakeConditionalFormatRule(areas, new FakeBooleanCondition(this.criteria, this.values, this.background, this.fontColor, this.bold));
  }
}

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;
export type ProtectionTypeName = keyof typeof ProtectionType;

/**
 * A protected range or sheet. Script writes are not blocked (the owner's script may edit); the fake keeps
 * the settings so tests can assert them: warning-only, description, unprotected ranges.
 */
export class FakeProtection {
  private description = '';
  private warningOnly = false;
  private unprotected: { owner: AreaOwner; area: GridArea }[] = [];
  removed = false;

  constructor(
    private readonly runtime: GasRuntime,
    readonly type: ProtectionTypeName,
    private readonly target: { owner: AreaOwner; area: GridArea },
    private readonly onRemove: (protection: FakeProtection) => void,
  ) {}

  private call(method: string, kind: 'read' | 'write'): void {
    this.runtime.call('Spreadsheet', `Protection.${method}`, kind, ['LIMITED', 'CUSTOM_FUNCTION', 'FULL'], 'https://www.googleapis.com/auth/spreadsheets.currentonly', {
      sheet: this.target.owner.sheetName(),
    });
  }

  getProtectionType(): ProtectionTypeName {
    this.call('getProtectionType', 'read');
    return this.type;
  }
  getRange(): unknown {
    this.call('getRange', 'read');
    return this.target.owner.rangeOf(this.target.area);
  }
  getDescription(): string {
    this.call('getDescription', 'read');
    return this.description;
  }
  setDescription(description: string): this {
    this.call('setDescription', 'write');
    this.description = description;
    return this;
  }
  isWarningOnly(): boolean {
    this.call('isWarningOnly', 'read');
    return this.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    this.call('setWarningOnly', 'write');
    this.warningOnly = warningOnly;
    return this;
  }
  getUnprotectedRanges(): unknown[] {
    this.call('getUnprotectedRanges', 'read');
    return this.unprotected.map(({ owner, area }) => owner.rangeOf(area));
  }
  setUnprotectedRanges(ranges: readonly AreaLike[]): this {
    this.call('setUnprotectedRanges', 'write');
    if (this.type !== 'SHEET') throw new Error('Unprotected ranges can only be set on a sheet protection.');
    this.unprotected = ranges.map((range) => range.toArea());
    for (const { owner, area } of this.unprotected) owner.track(area);
    return this;
  }
  canEdit(): boolean {
    this.call('canEdit', 'read');
    return true;
  }
  remove(): void {
    this.call('remove', 'write');
    this.removed = true;
    this.onRemove(this);
  }

  /** Test inspection without counting a call. */
  inspect(): { type: ProtectionTypeName; description: string; warningOnly: boolean; area: GridArea; unprotected: GridArea[] } {
    return { type: this.type, description: this.description, warningOnly: this.warningOnly, area: { ...this.target.area }, unprotected: this.unprotected.map(({ area }) => ({ ...area })) };
  }
}
