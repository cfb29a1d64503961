import { applyCellStyle, applyNumberFormat, applyNumberFormats, type CellStyle } from './cell-format';
import { mapCells } from './grid';
import { RangeContent } from './range-content';

/** How a range's cells look: number formats, colours and font weight. */
export class RangeFormatting extends RangeContent {
  getNumberFormat(): string {
    this.call('getNumberFormat', 'read');
    return this.topLeftCell().numberFormat;
  }
  getNumberFormats(): string[][] {
    this.call('getNumberFormats', 'read');
    return mapCells(this.cells(), (cell) => cell.numberFormat);
  }
  setNumberFormat(numberFormat: string): this {
    this.call('setNumberFormat', 'write');
    this.applyNumberFormat(numberFormat);
    return this;
  }
  /** RangeList and setNumberFormat, without counting a call. */
  applyNumberFormat(numberFormat: string): void {
    applyNumberFormat(this.cells(), numberFormat);
  }
  setNumberFormats(numberFormats: readonly (readonly string[])[]): this {
    this.call('setNumberFormats', 'write');
    applyNumberFormats(this.cells(), numberFormats);
    return this;
  }

  // A null colour or weight resets it to the Sheets default, as Apps Script does.

  getBackground(): string {
    this.call('getBackground', 'read');
    return this.topLeftCell().background;
  }
  getBackgrounds(): string[][] {
    this.call('getBackgrounds', 'read');
    return mapCells(this.cells(), (cell) => cell.background);
  }
  setBackground(color: string | null): this {
    this.call('setBackground', 'write');
    this.applyStyle({ background: color ?? '#ffffff' });
    return this;
  }
  setFontWeight(fontWeight: string | null): this {
    this.call('setFontWeight', 'write');
    this.applyStyle({ fontWeight: fontWeight ?? 'normal' });
    return this;
  }
  getFontWeight(): string {
    this.call('getFontWeight', 'read');
    return this.topLeftCell().fontWeight;
  }
  setFontColor(color: string | null): this {
    this.call('setFontColor', 'write');
    this.applyStyle({ fontColor: color ?? '#000000' });
    return this;
  }
  getFontColor(): string {
    this.call('getFontColor', 'read');
    return this.topLeftCell().fontColor;
  }
  /** RangeList and the style setters, without counting a call. */
  applyStyle(style: CellStyle): void {
    applyCellStyle(this.cells(), style);
  }

  // Alignment and wrapping are not kept: nothing reads them back, only the call is counted.

  setHorizontalAlignment(alignment: string | null): this {
    void alignment;
    this.call('setHorizontalAlignment', 'write');
    return this;
  }
  setWrap(wrap: boolean): this {
    void wrap;
    this.call('setWrap', 'write');
    return this;
  }
}
