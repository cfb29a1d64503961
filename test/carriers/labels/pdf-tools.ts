import { execFileSync } from 'node:child_process';
import { BitArray, Code128Reader } from '@zxing/library';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PNG } from 'pngjs';

/**
 * Reads label PDFs back with tools that share no code with the renderer: pdf.js for text, poppler
 * (pdftoppm, pdffonts) for pixels and fonts, zxing for barcodes.
 */
export interface PdfPageText {
  /** Every text run of the page, as pdf.js extracted it. */
  runs: string[];
  /** The runs joined with nothing between them: a match across runs still counts, which suits "must be absent" checks. */
  joined: string;
  widthPt: number;
  heightPt: number;
}

export async function pdfText(pdf: Buffer): Promise<PdfPageText[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true }).promise;
  try {
    const pages: PdfPageText[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const runs = content.items.flatMap((item) => ('str' in item && item.str.length > 0 ? [item.str] : []));
      const [, , width = 0, height = 0] = page.view;
      pages.push({ runs, joined: runs.join(''), widthPt: width, heightPt: height });
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicodeMap: boolean;
}

/** `pdffonts` (poppler) lists every font the document uses. */
export function pdfFonts(pdf: Buffer): FontRow[] {
  const output = execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' });
  return output
    .split('\n')
    .slice(2)
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      // Columns: name, type (may hold spaces), encoding, emb, sub, uni, object, generation.
      const fields = line.trim().split(/\s+/);
      const [emb, sub, uni] = fields.slice(-5, -2);
      return { name: fields[0] ?? '', type: fields.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicodeMap: uni === 'yes' };
    });
}

export interface GrayImage {
  width: number;
  height: number;
  /** 0 black to 255 white, row by row. */
  pixels: Uint8Array;
}

/** Rasterises one page with pdftoppm at a thermal printer's 203 dpi. */
export function renderPage(pdf: Buffer, page: number, dpi = 203): GrayImage {
  const png = PNG.sync.read(execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-png', '-'], { input: pdf }));
  const pixels = new Uint8Array(png.width * png.height);
  for (let index = 0; index < pixels.length; index += 1) pixels[index] = png.data[index * 4] ?? 255;
  return { width: png.width, height: png.height, pixels };
}

export interface DecodedBarcode {
  text: string;
  /** Scan rows (pixel y) that decoded to this text. */
  rows: number[];
}

/**
 * Every Code 128 symbol zxing finds on the page, scanning each row from every dark run that follows a quiet
 * zone. zxing-js 0.21's Code128Reader.findStartPattern only finds a start pattern at the row's first dark pixel
 * (it shortens its counters with slice() where Java shifts them), so each candidate start is handed to it as
 * the beginning of its own row.
 */
export function decodeCode128(image: GrayImage, quietPixels = 20): DecodedBarcode[] {
  const found = new Map<string, number[]>();
  const reader = new Code128Reader();
  for (let y = 0; y < image.height; y += 2) {
    const offset = y * image.width;
    const dark = (x: number): boolean => (image.pixels[offset + x] ?? 255) < 128;
    let white = 0;
    for (let x = 0; x < image.width; x += 1) {
      if (!dark(x)) {
        white += 1;
        continue;
      }
      if (white >= quietPixels) {
        const row = new BitArray(image.width - x + quietPixels);
        for (let from = x; from < image.width; from += 1) if (dark(from)) row.set(from - x + quietPixels);
        try {
          const text = reader.decodeRow(y, row, new Map()).getText();
          found.set(text, [...(found.get(text) ?? []), y]);
        } catch {
          // Not a barcode start; keep scanning.
        }
      }
      white = 0;
    }
  }
  return [...found].map(([text, rows]) => ({ text, rows }));
}

/** Groups scan rows into separate symbols: rows more than `gap` pixels apart belong to different barcodes. */
export function symbolCount(rows: readonly number[], gap = 10): number {
  return rows.reduce((count, row, index) => (index === 0 || row - (rows[index - 1] ?? row) > gap ? count + 1 : count), 0);
}
