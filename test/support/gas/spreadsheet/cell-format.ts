import { eachCell, eachCellWith, type Cell } from './grid';

/** The style attributes the fake keeps per cell; an absent one is left as it is. */
export interface CellStyle {
  background?: string;
  fontWeight?: string;
  fontColor?: string;
}

export function applyCellStyle(block: readonly (readonly Cell[])[], style: CellStyle): void {
  eachCell(block, (cell) => {
    if (style.background !== undefined) cell.background = style.background;
    if (style.fontWeight !== undefined) cell.fontWeight = style.fontWeight;
    if (style.fontColor !== undefined) cell.fontColor = style.fontColor;
  });
}

export function applyNumberFormat(block: readonly (readonly Cell[])[], numberFormat: string): void {
  eachCell(block, (cell) => {
    cell.numberFormat = numberFormat;
  });
}

/** A formats grid smaller than the range is refused with Apps Script's message rather than leaving cells as they were. */
export function applyNumberFormats(block: readonly (readonly Cell[])[], numberFormats: readonly (readonly string[])[]): void {
  eachCellWith(block, numberFormats, (cell, format) => {
    if (format === undefined) throw new Error('The number of rows or columns in the data does not match the range.');
    cell.numberFormat = format;
  });
}
