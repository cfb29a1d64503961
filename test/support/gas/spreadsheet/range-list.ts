import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';

/** Several ranges of one sheet changed by one call (one round trip in Apps Script). */
export class FakeRangeList {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly ranges: readonly FakeRange[],
  ) {}

  private call(method: string): void {
    this.sheet.callOnSheet(`RangeList.${method}`, 'write', this.ranges.map((range) => range.address()).join(','));
  }

  getRanges(): FakeRange[] {
    this.sheet.callOnSheet('RangeList.getRanges', 'other');
    return [...this.ranges];
  }
  setNumberFormat(format: string): this {
    this.call('setNumberFormat');
    for (const range of this.ranges) range.applyNumberFormat(format);
    return this;
  }
  setValue(value: unknown): this {
    this.call('setValue');
    for (const range of this.ranges) range.writeSame(value);
    return this;
  }
  clearContent(): this {
    this.call('clearContent');
    for (const range of this.ranges) range.clearCells({ contentsOnly: true });
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    this.call('clear');
    for (const range of this.ranges) range.clearCells(options);
    return this;
  }
  setBackground(color: string | null): this {
    this.call('setBackground');
    for (const range of this.ranges) range.applyStyle({ background: color ?? '#ffffff' });
    return this;
  }
  setFontWeight(fontWeight: string | null): this {
    this.call('setFontWeight');
    for (const range of this.ranges) range.applyStyle({ fontWeight: fontWeight ?? 'normal' });
    return this;
  }
  setFontColor(color: string | null): this {
    this.call('setFontColor');
    for (const range of this.ranges) range.applyStyle({ fontColor: color ?? '#000000' });
    return this;
  }
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): this {
    this.call('insertCheckboxes');
    for (const range of this.ranges) range.applyCheckboxes(checkedValue, uncheckedValue);
    return this;
  }
  check(): this {
    this.call('check');
    for (const range of this.ranges) range.setChecks(true);
    return this;
  }
  uncheck(): this {
    this.call('uncheck');
    for (const range of this.ranges) range.setChecks(false);
    return this;
  }
}
