/**
 * Text primitives for the label, in millimetres. Single lines are drawn without a width whenever they fit,
 * which keeps pdfkit's line wrapper (a UAX #14 pass per call) for the few texts that really wrap.
 */
type Doc = PDFKit.PDFDocument;
type Align = 'left' | 'right' | 'center';

const PT_PER_MM = 72 / 25.4;
export const mm = (value: number): number => value * PT_PER_MM;

export interface Box {
  x: number;
  y: number;
  width: number;
}

export interface TextBox extends Box {
  height: number;
}

export function widthMm(doc: Doc, text: string): number {
  return doc.widthOfString(text) / PT_PER_MM;
}

/** One line at (x, y), never wrapped. */
export function put(doc: Doc, text: string, x: number, y: number, baseline?: 'alphabetic'): void {
  doc.text(text, mm(x), mm(y), { lineBreak: false, ...(baseline ? { baseline } : {}) });
}

/** One line in the box: shrunk from max towards min to fit the width, and cut with an ellipsis below min. Returns the width used. */
export function fitLine(doc: Doc, text: string, font: string, box: Box, max: number, min: number, align: Align = 'left'): number {
  doc.font(font).fontSize(max);
  const natural = widthMm(doc, text);
  if (natural * (min / max) > box.width) {
    doc.fontSize(min).text(text, mm(box.x), mm(box.y), { width: mm(box.width), height: min * 1.3, lineBreak: false, ellipsis: true, align });
    return box.width;
  }
  const size = natural <= box.width ? max : (max * box.width) / natural;
  const used = natural * (size / max);
  const x = align === 'left' ? box.x : align === 'right' ? box.x + box.width - used : box.x + (box.width - used) / 2;
  doc.fontSize(size);
  put(doc, text, x, box.y);
  return used;
}

/** Wrapped text in the box, at the largest size from max down to min that fits; at min, cut with an ellipsis. */
export function fitText(doc: Doc, text: string, font: string, box: TextBox, max: number, min: number): void {
  const width = mm(box.width);
  const options = { width, lineGap: 0 };
  doc.font(font);
  let size = max;
  for (; size > min; size -= 0.5) {
    if (doc.fontSize(size).heightOfString(text, options) <= mm(box.height)) break;
  }
  doc.fontSize(Math.max(size, min)).text(text, mm(box.x), mm(box.y), { ...options, height: mm(box.height), ellipsis: true });
}
