import { code128, drawBarcode, QUIET_ZONE_MODULES, type BarPattern } from './code128';
import type { FontFace } from './fonts';
import type { LabelView } from './view';

/**
 * One 123 × 100 mm label, laid out after the CJ standard label (carriers.md §3): header with the number,
 * date, box count and reprint marker; sort code large beside the barcode; receiver; sender; goods and the
 * delivery message; delivery branch and driver alias in the footer beside a second barcode.
 * Positions are in millimetres from the top left.
 */
export const LABEL_WIDTH_MM = 123;
export const LABEL_HEIGHT_MM = 100;

const PT_PER_MM = 72 / 25.4;
export const mm = (value: number): number => value * PT_PER_MM;

/** 0.375 mm is exactly 3 dots on a 203 dpi thermal head, the common label printer, so bars do not wobble. */
const MAIN_MODULE_MM = 0.375;
const FOOTER_MODULE_MM = 0.25;

export interface LabelInk {
  /** Registered pdfkit font names per face. */
  fonts: Readonly<Record<FontFace, string>>;
  /** Off only for the benchmark's text-only baseline. */
  barcodes: boolean;
}

const LEFT = 2.5;
const RIGHT = 120.5;
const CAPTION_RIGHT = 8.5;
const CONTENT_LEFT = 10;
const ROWS = { top: 2.5, sortBand: 10, receiver: 31, sender: 61, goods: 72, message: 85, footer: 90.5, bottom: 97.5 } as const;
const SORT_SPLIT = 61;

type Doc = PDFKit.PDFDocument;

interface TextBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The largest size from max down to min at which the text fits the box; at min it is cut with an ellipsis. */
function fitText(doc: Doc, text: string, font: string, box: TextBox, max: number, min: number, align: 'left' | 'right' | 'center' = 'left'): void {
  const width = mm(box.width);
  let size = max;
  doc.font(font);
  for (; size > min; size -= 0.5) {
    doc.fontSize(size);
    if (doc.heightOfString(text, { width, lineGap: 0 }) <= mm(box.height)) break;
  }
  doc.fontSize(Math.max(size, min)).text(text, mm(box.x), mm(box.y), { width, height: mm(box.height), ellipsis: true, lineGap: 0, align });
}

/** One line, shrunk to fit the width down to min, then cut with an ellipsis. */
function fitLine(doc: Doc, text: string, font: string, box: Omit<TextBox, 'height'>, max: number, min: number, align: 'left' | 'right' | 'center' = 'left'): number {
  doc.font(font).fontSize(max);
  const natural = doc.widthOfString(text);
  const size = natural <= mm(box.width) ? max : Math.max(min, (max * mm(box.width)) / natural);
  doc.fontSize(size).text(text, mm(box.x), mm(box.y), { width: mm(box.width), height: size * 1.3, lineBreak: false, ellipsis: true, align });
  return Math.min(natural * (size / max), mm(box.width));
}

function rule(doc: Doc, x1: number, y1: number, x2: number, y2: number, width = 0.6): void {
  doc.moveTo(mm(x1), mm(y1)).lineTo(mm(x2), mm(y2)).lineWidth(width).strokeColor('black').stroke();
}

/** Korean captions stack one syllable per line, as on paper labels; Latin ones run upwards. */
function caption(doc: Doc, text: string, font: string, top: number, bottom: number): void {
  const height = bottom - top;
  const chars = Array.from(text);
  doc.font(font);
  if (/^[\uac00-\ud7a3]+$/.test(text)) {
    const size = Math.min(7.5, mm(height - 1.5) / chars.length / 1.15);
    const blockHeight = (chars.length * size * 1.15) / PT_PER_MM;
    let y = top + (height - blockHeight) / 2;
    for (const char of chars) {
      doc.fontSize(size).text(char, mm(LEFT), mm(y), { width: mm(CAPTION_RIGHT - LEFT), align: 'center', lineBreak: false });
      y += (size * 1.15) / PT_PER_MM;
    }
    return;
  }
  doc.save().rotate(-90, { origin: [mm(LEFT), mm(bottom)] });
  doc.fontSize(6.5).text(text, mm(LEFT), mm(bottom + 1), { width: mm(height), align: 'center', lineBreak: false });
  doc.restore();
}

function centredBarcode(doc: Doc, pattern: BarPattern, left: number, right: number, y: number, height: number, moduleMm: number): void {
  // Shrink the module when a long number would not fit with its quiet zones; never below 0.25 mm.
  const available = right - left;
  const module = Math.max(0.25, Math.min(moduleMm, available / (pattern.modules + 2 * QUIET_ZONE_MODULES)));
  const width = pattern.modules * module;
  drawBarcode(doc, pattern, { x: mm(left + (available - width) / 2), y: mm(y), moduleWidth: mm(module), height: mm(height) });
}

function header(doc: Doc, view: LabelView, ink: LabelInk): void {
  const y = ROWS.top + 1.6;
  fitLine(doc, view.carrierName, ink.fonts.heavy, { x: LEFT + 1.5, y, width: 23 }, 11, 7);
  rule(doc, 26.5, ROWS.top, 26.5, ROWS.sortBand);
  // Right to left: box count, date, reprint marker; the number takes what is left.
  let right = RIGHT - 1.5;
  doc.font(ink.fonts.heavy).fontSize(11);
  const packageWidth = doc.widthOfString(view.packageText) / PT_PER_MM;
  doc.text(view.packageText, mm(right - packageWidth), mm(y), { lineBreak: false });
  right -= packageWidth + 2;
  const date = `${view.captions.receiptDate} ${view.receiptDate}`;
  doc.font(ink.fonts.regular).fontSize(6.5);
  const dateWidth = doc.widthOfString(date) / PT_PER_MM;
  doc.text(date, mm(right - dateWidth), mm(y + 1.1), { lineBreak: false });
  right -= dateWidth + 1.5;
  if (view.reprint) {
    // Inverted so a packer cannot miss that this number was printed before.
    doc.font(ink.fonts.heavy).fontSize(8);
    const width = doc.widthOfString(view.reprint) / PT_PER_MM + 2;
    doc.rect(mm(right - width), mm(ROWS.top + 1.2), mm(width), mm(5)).fillColor('black').fill();
    doc.fillColor('white').text(view.reprint, mm(right - width + 1), mm(ROWS.top + 2), { lineBreak: false });
    doc.fillColor('black');
    right -= width + 1.5;
  }
  doc.font(ink.fonts.regular).fontSize(6);
  const captionWidth = doc.widthOfString(view.captions.trackingNumber) / PT_PER_MM;
  doc.text(view.captions.trackingNumber, mm(28), mm(y + 1.3), { lineBreak: false });
  fitLine(doc, view.numberText, ink.fonts.heavy, { x: 29 + captionWidth, y, width: right - 29 - captionWidth }, 11, 7);
  rule(doc, LEFT, ROWS.sortBand, RIGHT, ROWS.sortBand);
}

function sortBand(doc: Doc, view: LabelView, ink: LabelInk, pattern: BarPattern | null): void {
  const top = ROWS.sortBand;
  const baseline = top + 16.5;
  if (view.sort) {
    // Nominal sizes, scaled down together when a long code would run into the barcode.
    const pieces = [
      { text: view.sort.lead, size: 30 },
      { text: view.sort.main, size: 54 },
      { text: view.sort.sub, size: 30 },
    ].filter((piece) => piece.text);
    doc.font(ink.fonts.heavy);
    const gap = 1;
    const natural = pieces.reduce((sum, piece) => sum + doc.fontSize(piece.size).widthOfString(piece.text) / PT_PER_MM + gap, -gap);
    const scale = Math.min(1, (SORT_SPLIT - LEFT - 4) / natural);
    let x = LEFT + 2;
    for (const piece of pieces) {
      doc.fontSize(piece.size * scale).text(piece.text, mm(x), mm(baseline), { lineBreak: false, baseline: 'alphabetic' });
      x += doc.widthOfString(piece.text) / PT_PER_MM + gap * scale;
    }
  } else {
    // No sort code (range-issued numbers, or refinement not run): sorting falls back on the zip, else the carrier.
    const fallback = view.receiver.zip || view.carrierName;
    doc.font(ink.fonts.heavy).fontSize(40);
    const size = Math.min(40, (40 * mm(SORT_SPLIT - LEFT - 4)) / doc.widthOfString(fallback));
    doc.fontSize(size).text(fallback, mm(LEFT + 2), mm(baseline), { lineBreak: false, baseline: 'alphabetic' });
  }
  rule(doc, SORT_SPLIT, top, SORT_SPLIT, ROWS.receiver);
  if (pattern) centredBarcode(doc, pattern, SORT_SPLIT + 1, RIGHT - 1, top + 1.8, 12, MAIN_MODULE_MM);
  fitLine(doc, view.numberText, ink.fonts.heavy, { x: SORT_SPLIT + 1, y: top + 15.4, width: RIGHT - SORT_SPLIT - 2 }, 13, 9, 'center');
  rule(doc, LEFT, ROWS.receiver, RIGHT, ROWS.receiver, 1);
}

function receiver(doc: Doc, view: LabelView, ink: LabelInk): void {
  const top = ROWS.receiver;
  caption(doc, view.captions.receiver, ink.fonts.bold, top, ROWS.sender);
  rule(doc, CAPTION_RIGHT, top, CAPTION_RIGHT, ROWS.footer);
  const width = RIGHT - CONTENT_LEFT - 1;
  const nameWidth = fitLine(doc, view.receiver.name, ink.fonts.heavy, { x: CONTENT_LEFT, y: top + 1.6, width: 40 }, 15, 9) / PT_PER_MM;
  fitLine(doc, view.receiver.phone, ink.fonts.bold, { x: CONTENT_LEFT + nameWidth + 4, y: top + 2.3, width: 45 }, 12, 8);
  if (view.receiver.zip) {
    doc.font(ink.fonts.regular).fontSize(8).text(`(${view.receiver.zip})`, mm(CONTENT_LEFT), mm(top + 3), { width: mm(width), align: 'right', lineBreak: false });
  }
  const shortAddressHeight = view.shortAddress ? 7 : 0;
  fitText(doc, view.receiver.address, ink.fonts.bold, { x: CONTENT_LEFT, y: top + 8.8, width, height: ROWS.sender - top - 10 - shortAddressHeight }, 12, 8);
  if (view.shortAddress) fitLine(doc, view.shortAddress, ink.fonts.heavy, { x: CONTENT_LEFT, y: ROWS.sender - 7.5, width }, 17, 10);
  rule(doc, LEFT, ROWS.sender, RIGHT, ROWS.sender);
}

function sender(doc: Doc, view: LabelView, ink: LabelInk): void {
  const top = ROWS.sender;
  caption(doc, view.captions.sender, ink.fonts.bold, top, ROWS.goods);
  const nameWidth = fitLine(doc, view.sender.name, ink.fonts.bold, { x: CONTENT_LEFT, y: top + 1, width: 60 }, 8, 6.5) / PT_PER_MM;
  doc.font(ink.fonts.regular).fontSize(8).text(view.sender.phone, mm(CONTENT_LEFT + nameWidth + 3), mm(top + 1), { lineBreak: false });
  fitText(doc, view.sender.address, ink.fonts.regular, { x: CONTENT_LEFT, y: top + 4.8, width: RIGHT - CONTENT_LEFT - 1, height: 4.6 }, 7, 6);
  rule(doc, LEFT, ROWS.goods, RIGHT, ROWS.goods);
}

const ITEM_LINE_MM = 2.95;
const GOODS_SPLIT = 101;

function goods(doc: Doc, view: LabelView, ink: LabelInk): void {
  const top = ROWS.goods;
  const bottom = view.message ? ROWS.message : ROWS.footer;
  caption(doc, view.captions.items, ink.fonts.bold, top, bottom);
  const lines = Math.floor((bottom - top - 0.8) / ITEM_LINE_MM);
  const shown = view.items.length <= lines ? view.items : view.items.slice(0, lines - 1);
  const nameWidth = GOODS_SPLIT - CONTENT_LEFT - 12;
  shown.forEach((item, index) => {
    const y = top + 0.8 + index * ITEM_LINE_MM;
    fitLine(doc, item.text, ink.fonts.regular, { x: CONTENT_LEFT, y, width: nameWidth }, 7.5, 6.5);
    fitLine(doc, item.quantity, ink.fonts.bold, { x: GOODS_SPLIT - 11.5, y, width: 10.5 }, 7.5, 5, 'right');
  });
  if (shown.length < view.items.length) {
    const y = top + 0.8 + shown.length * ITEM_LINE_MM;
    doc.font(ink.fonts.bold).fontSize(7.5).text(view.captions.moreItems(view.items.length - shown.length), mm(CONTENT_LEFT), mm(y), { lineBreak: false });
  }
  rule(doc, GOODS_SPLIT, top, GOODS_SPLIT, bottom);
  const boxCenter = { x: GOODS_SPLIT + 0.5, width: RIGHT - GOODS_SPLIT - 1 };
  fitLine(doc, view.totalQuantity, ink.fonts.heavy, { ...boxCenter, y: top + 2 }, 10, 7, 'center');
  if (view.fare) fitLine(doc, view.fare, ink.fonts.bold, { ...boxCenter, y: top + 7.5 }, 9, 7, 'center');
  if (view.message) rule(doc, CAPTION_RIGHT, ROWS.message, RIGHT, ROWS.message, 0.4);
}

function deliveryMessage(doc: Doc, view: LabelView, ink: LabelInk): void {
  if (!view.message) return;
  const top = ROWS.message + 0.6;
  doc.font(ink.fonts.bold).fontSize(7);
  const label = `${view.captions.message}  `;
  const labelWidth = doc.widthOfString(label) / PT_PER_MM;
  doc.text(label, mm(CONTENT_LEFT), mm(top + 0.2), { lineBreak: false });
  fitText(doc, view.message, ink.fonts.bold, { x: CONTENT_LEFT + labelWidth, y: top, width: RIGHT - CONTENT_LEFT - labelWidth - 1, height: ROWS.footer - top - 0.4 }, 7.5, 6);
}

function footer(doc: Doc, view: LabelView, ink: LabelInk, pattern: BarPattern | null): void {
  const top = ROWS.footer;
  rule(doc, LEFT, top, RIGHT, top, 1);
  const barcodeLeft = 80;
  if (view.deliveryPoint) fitLine(doc, view.deliveryPoint, ink.fonts.heavy, { x: LEFT + 2, y: top + 1.2, width: barcodeLeft - LEFT - 4 }, 15, 9);
  if (pattern) centredBarcode(doc, pattern, barcodeLeft, RIGHT - 1, top + 1, ROWS.bottom - top - 2, FOOTER_MODULE_MM);
}

export function drawLabel(doc: Doc, view: LabelView, ink: LabelInk): void {
  // Computed once and drawn twice, as CJ prints the number's barcode top right and bottom right.
  const pattern = ink.barcodes ? code128(view.number) : null;
  doc.rect(mm(LEFT), mm(ROWS.top), mm(RIGHT - LEFT), mm(ROWS.bottom - ROWS.top)).lineWidth(1).strokeColor('black').stroke();
  header(doc, view, ink);
  sortBand(doc, view, ink, pattern);
  receiver(doc, view, ink);
  sender(doc, view, ink);
  goods(doc, view, ink);
  deliveryMessage(doc, view, ink);
  footer(doc, view, ink, pattern);
}
