import { code128, drawBarcode, QUIET_ZONE_MODULES, type BarPattern } from './code128';
import type { FontFace } from './fonts';
import { fitLine, fitText, mm, put, widthMm } from './text';
import type { LabelView } from './view';

/**
 * One 123 × 100 mm label, laid out after the CJ standard label (carriers.md §3): header with the number,
 * date, box count and reprint marker; sort code large beside the barcode; receiver; sender; goods and the
 * delivery message; delivery branch and driver alias in the footer beside a second barcode.
 * Positions are in millimetres from the top left.
 */
export const LABEL_WIDTH_MM = 123;
export const LABEL_HEIGHT_MM = 100;

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
const GOODS_SPLIT = 101;
const ITEM_LINE_MM = 2.95;

type Doc = PDFKit.PDFDocument;

function rule(doc: Doc, x1: number, y1: number, x2: number, y2: number, width = 0.6): void {
  doc.moveTo(mm(x1), mm(y1)).lineTo(mm(x2), mm(y2)).lineWidth(width).strokeColor('black').stroke();
}

/** Korean captions stack one syllable per line, as on paper labels; Latin ones run upwards. */
function caption(doc: Doc, text: string, font: string, top: number, bottom: number): void {
  const height = bottom - top;
  const columnCentre = (LEFT + CAPTION_RIGHT) / 2;
  doc.font(font);
  if (/^[\uac00-\ud7a3]+$/.test(text)) {
    const chars = Array.from(text);
    const size = Math.min(7.5, mm(height - 1.5) / chars.length / 1.15);
    const step = (size * 1.15) / mm(1);
    let y = top + (height - chars.length * step) / 2;
    doc.fontSize(size);
    for (const char of chars) {
      put(doc, char, columnCentre - widthMm(doc, char) / 2, y);
      y += step;
    }
    return;
  }
  doc.fontSize(6.5);
  doc.save().rotate(-90, { origin: [mm(LEFT), mm(bottom)] });
  put(doc, text, LEFT + (height - widthMm(doc, text)) / 2, bottom + 1);
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
  right -= fitLine(doc, view.packageText, ink.fonts.heavy, { x: right - 20, y, width: 20 }, 11, 7, 'right') + 2;
  right -= fitLine(doc, `${view.captions.receiptDate} ${view.receiptDate}`, ink.fonts.regular, { x: right - 30, y: y + 1.1, width: 30 }, 6.5, 5, 'right') + 1.5;
  if (view.reprint) {
    // Inverted so a packer cannot miss that this number was printed before.
    doc.font(ink.fonts.heavy).fontSize(8);
    const width = widthMm(doc, view.reprint) + 2;
    doc.rect(mm(right - width), mm(ROWS.top + 1.2), mm(width), mm(5)).fillColor('black').fill();
    doc.fillColor('white');
    put(doc, view.reprint, right - width + 1, ROWS.top + 2);
    doc.fillColor('black');
    right -= width + 1.5;
  }
  const captionWidth = fitLine(doc, view.captions.trackingNumber, ink.fonts.regular, { x: 28, y: y + 1.3, width: 15 }, 6, 5);
  fitLine(doc, view.numberText, ink.fonts.heavy, { x: 29 + captionWidth, y, width: right - 29 - captionWidth }, 11, 7);
  rule(doc, LEFT, ROWS.sortBand, RIGHT, ROWS.sortBand);
}

function sortBand(doc: Doc, view: LabelView, ink: LabelInk, pattern: BarPattern | null): void {
  const top = ROWS.sortBand;
  const baseline = top + 16.5;
  const room = SORT_SPLIT - LEFT - 4;
  doc.font(ink.fonts.heavy);
  if (view.sort) {
    // Nominal sizes, scaled down together when a long code would run into the barcode.
    const gap = 1;
    const pieces = [
      { text: view.sort.lead, size: 30 },
      { text: view.sort.main, size: 54 },
      { text: view.sort.sub, size: 30 },
    ].filter((piece) => piece.text);
    const natural = pieces.reduce((sum, piece) => sum + widthMm(doc.fontSize(piece.size), piece.text) + gap, -gap);
    const scale = Math.min(1, room / natural);
    let x = LEFT + 2;
    for (const piece of pieces) {
      doc.fontSize(piece.size * scale);
      put(doc, piece.text, x, baseline, 'alphabetic');
      x += widthMm(doc, piece.text) + gap * scale;
    }
  } else {
    // No sort code (range-issued numbers, or refinement not run): sorting falls back on the zip, else the carrier.
    const fallback = view.receiver.zip || view.carrierName;
    doc.fontSize(Math.min(40, (40 * room) / widthMm(doc.fontSize(40), fallback)));
    put(doc, fallback, LEFT + 2, baseline, 'alphabetic');
  }
  rule(doc, SORT_SPLIT, top, SORT_SPLIT, ROWS.receiver);
  if (pattern) centredBarcode(doc, pattern, SORT_SPLIT + 1, RIGHT - 1, top + 1.8, 12, MAIN_MODULE_MM);
  fitLine(doc, view.numberText, ink.fonts.heavy, { x: SORT_SPLIT + 1, y: top + 15.4, width: RIGHT - SORT_SPLIT - 2 }, 13, 9, 'center');
  rule(doc, LEFT, ROWS.receiver, RIGHT, ROWS.receiver, 1);
}

function receiver(doc: Doc, view: LabelView, ink: LabelInk): void {
  const top = ROWS.receiver;
  const width = RIGHT - CONTENT_LEFT - 1;
  caption(doc, view.captions.receiver, ink.fonts.bold, top, ROWS.sender);
  rule(doc, CAPTION_RIGHT, top, CAPTION_RIGHT, ROWS.footer);
  const nameWidth = fitLine(doc, view.receiver.name, ink.fonts.heavy, { x: CONTENT_LEFT, y: top + 1.6, width: 40 }, 15, 9);
  fitLine(doc, view.receiver.phone, ink.fonts.bold, { x: CONTENT_LEFT + nameWidth + 4, y: top + 2.3, width: 45 }, 12, 8);
  if (view.receiver.zip) fitLine(doc, `(${view.receiver.zip})`, ink.fonts.regular, { x: RIGHT - 21, y: top + 3, width: 20 }, 8, 6, 'right');
  const shortAddressHeight = view.shortAddress ? 7 : 0;
  fitText(doc, view.receiver.address, ink.fonts.bold, { x: CONTENT_LEFT, y: top + 8.8, width, height: ROWS.sender - top - 10 - shortAddressHeight }, 12, 8);
  if (view.shortAddress) fitLine(doc, view.shortAddress, ink.fonts.heavy, { x: CONTENT_LEFT, y: ROWS.sender - 7.5, width }, 17, 10);
  rule(doc, LEFT, ROWS.sender, RIGHT, ROWS.sender);
}

function sender(doc: Doc, view: LabelView, ink: LabelInk): void {
  const top = ROWS.sender;
  caption(doc, view.captions.sender, ink.fonts.bold, top, ROWS.goods);
  const nameWidth = fitLine(doc, view.sender.name, ink.fonts.bold, { x: CONTENT_LEFT, y: top + 1, width: 60 }, 8, 6.5);
  fitLine(doc, view.sender.phone, ink.fonts.regular, { x: CONTENT_LEFT + nameWidth + 3, y: top + 1, width: 40 }, 8, 6.5);
  fitText(doc, view.sender.address, ink.fonts.regular, { x: CONTENT_LEFT, y: top + 4.8, width: RIGHT - CONTENT_LEFT - 1, height: 4.6 }, 7, 6);
  rule(doc, LEFT, ROWS.goods, RIGHT, ROWS.goods);
}

function goods(doc: Doc, view: LabelView, ink: LabelInk): void {
  const top = ROWS.goods;
  // Without a delivery message the goods take its row too.
  const bottom = view.message ? ROWS.message : ROWS.footer;
  caption(doc, view.captions.items, ink.fonts.bold, top, bottom);
  const lines = Math.floor((bottom - top - 0.8) / ITEM_LINE_MM);
  const shown = view.items.length <= lines ? view.items : view.items.slice(0, lines - 1);
  shown.forEach((item, index) => {
    const y = top + 0.8 + index * ITEM_LINE_MM;
    fitLine(doc, item.text, ink.fonts.regular, { x: CONTENT_LEFT, y, width: GOODS_SPLIT - CONTENT_LEFT - 12 }, 7.5, 6.5);
    fitLine(doc, item.quantity, ink.fonts.bold, { x: GOODS_SPLIT - 11.5, y, width: 10.5 }, 7.5, 5, 'right');
  });
  if (shown.length < view.items.length) {
    const y = top + 0.8 + shown.length * ITEM_LINE_MM;
    fitLine(doc, view.captions.moreItems(view.items.length - shown.length), ink.fonts.bold, { x: CONTENT_LEFT, y, width: 40 }, 7.5, 6.5);
  }
  rule(doc, GOODS_SPLIT, top, GOODS_SPLIT, bottom);
  const box = { x: GOODS_SPLIT + 0.5, width: RIGHT - GOODS_SPLIT - 1 };
  fitLine(doc, view.totalQuantity, ink.fonts.heavy, { ...box, y: top + 2 }, 10, 7, 'center');
  if (view.fare) fitLine(doc, view.fare, ink.fonts.bold, { ...box, y: top + 7.5 }, 9, 7, 'center');
  if (view.message) rule(doc, CAPTION_RIGHT, ROWS.message, RIGHT, ROWS.message, 0.4);
}

function deliveryMessage(doc: Doc, view: LabelView, ink: LabelInk): void {
  if (!view.message) return;
  const top = ROWS.message + 0.6;
  const labelWidth = fitLine(doc, view.captions.message, ink.fonts.bold, { x: CONTENT_LEFT, y: top + 0.2, width: 20 }, 7, 6) + 2;
  const box = { x: CONTENT_LEFT + labelWidth, y: top, width: RIGHT - CONTENT_LEFT - labelWidth - 1, height: ROWS.footer - top - 0.4 };
  fitText(doc, view.message, ink.fonts.bold, box, 7.5, 6);
}

function footer(doc: Doc, view: LabelView, ink: LabelInk, pattern: BarPattern | null): void {
  const top = ROWS.footer;
  const barcodeLeft = 80;
  rule(doc, LEFT, top, RIGHT, top, 1);
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
