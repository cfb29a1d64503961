import { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { Masking } from '../../../shared/masking';
import type { Language } from '../../../shared/messages';
import { MaskingSchema } from '../../../shared/settings';
import { LabelInputError, parseLabels, type LabelData, type ParsedLabel } from './label-data';
import { drawLabel, LABEL_HEIGHT_MM, LABEL_WIDTH_MM, type LabelInk } from './layout';
import { loadLabelFonts, type FontFace } from './fonts';
import { mm } from './text';
import { labelView, type LabelView } from './view';

export interface RenderLabelsOptions {
  /** The seller's masking settings; the full name and phone never reach the PDF. */
  masking: Masking;
  /** Language of the printed captions; Korean unless asked, since couriers read the label. */
  language?: Language;
  /**
   * The benchmark's baseline: pdfkit's built-in Helvetica, no embedded font and no barcode. Helvetica has no
   * Hangul, so every text field must then be ASCII.
   */
  textOnly?: boolean;
}

/** Pages rendered between yields to the event loop, so a 1,000-label batch does not stall the server. */
const PAGES_PER_TURN = 20;

const EMBEDDED: Readonly<Record<FontFace, string>> = { regular: 'label-regular', bold: 'label-bold', heavy: 'label-heavy' };
const BUILT_IN: Readonly<Record<FontFace, string>> = { regular: 'Helvetica', bold: 'Helvetica-Bold', heavy: 'Helvetica-Bold' };

/**
 * The PDF as a stream that renders on demand: a page is laid out only when the reader wants more bytes, so a
 * slow reader (a phone on a weak network) holds back rendering instead of the whole batch piling up in memory.
 */
class LabelPdfStream extends Readable {
  readonly #doc: PDFKit.PDFDocument;
  readonly #views: readonly LabelView[];
  readonly #ink: LabelInk;
  #next = 0;
  #sinceYield = 0;
  #bytesSeen = 0;
  #yielding = false;
  #ended = false;

  constructor(views: readonly LabelView[], ink: LabelInk, fonts: Readonly<Record<FontFace, Buffer>> | null) {
    super();
    this.#views = views;
    this.#ink = ink;
    this.#doc = new PDFDocument({
      size: [mm(LABEL_WIDTH_MM), mm(LABEL_HEIGHT_MM)],
      margin: 0,
      autoFirstPage: false,
      info: { Title: 'Shipping labels', Creator: 'Sheetship' },
    });
    if (fonts) for (const [face, name] of Object.entries(EMBEDDED) as Array<[FontFace, string]>) this.#doc.registerFont(name, fonts[face]);
    this.#doc.on('data', (chunk: Buffer) => {
      this.#bytesSeen += chunk.length;
      this.push(chunk);
    });
    this.#doc.on('end', () => this.push(null));
    this.#doc.on('error', (error: Error) => this.destroy(error));
  }

  /** Bytes pdfkit has produced so far, whether or not it has emitted them yet. */
  #produced(): number {
    return this.#bytesSeen + this.#doc.readableLength;
  }

  override _read(): void {
    if (this.#yielding || this.#ended) return;
    if (this.#sinceYield >= PAGES_PER_TURN) {
      this.#yielding = true;
      this.#sinceYield = 0;
      setImmediate(() => {
        this.#yielding = false;
        this.#renderSome();
      });
      return;
    }
    this.#renderSome();
  }

  /**
   * Adds pages until pdfkit has written something (it writes a page out when the next one starts), so every
   * read call leads to a push and the stream never stalls; ends the document after the last label.
   */
  #renderSome(): void {
    try {
      const before = this.#produced();
      while (this.#next < this.#views.length && this.#produced() === before) {
        const view = this.#views[this.#next];
        if (!view) break;
        this.#doc.addPage();
        drawLabel(this.#doc, view, this.#ink);
        this.#next += 1;
        this.#sinceYield += 1;
      }
      if (this.#next >= this.#views.length && this.#produced() === before) {
        this.#ended = true;
        this.#doc.end();
      }
    } catch (error) {
      this.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

/** Walks the label data and names the first field Helvetica could not print. */
function assertAscii(value: unknown, field: string): void {
  if (typeof value === 'string') {
    if (!ASCII_PRINTABLE.test(value)) throw new LabelInputError(field, 'must be printable ASCII when textOnly is set');
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => assertAscii(item, `${field}[${index}]`));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) assertAscii(item, `${field}.${key}`);
  }
}

function labelViews(labels: readonly ParsedLabel[], options: RenderLabelsOptions): LabelView[] {
  const masking = MaskingSchema.safeParse(options.masking);
  if (!masking.success) throw new LabelInputError('options.masking', masking.error.issues[0]?.message ?? 'is invalid');
  const language = options.language ?? 'ko';
  return labels.map((label) => labelView(label, masking.data, language));
}

/**
 * Validates the batch (a LabelInputError names the label and field; nothing is rendered), then returns the
 * PDF as a stream: one 123 × 100 mm page per label, in order.
 */
export async function openLabelPdf(labels: readonly LabelData[], options: RenderLabelsOptions): Promise<Readable> {
  const parsed = parseLabels(labels);
  if (options.textOnly) {
    if (options.language === 'ko') throw new LabelInputError('options.language', 'must be "en" when textOnly is set');
    parsed.forEach((label, index) => assertAscii(label, `labels[${index}]`));
    return new LabelPdfStream(labelViews(parsed, { ...options, language: 'en' }), { fonts: BUILT_IN, barcodes: false }, null);
  }
  const fonts = await loadLabelFonts();
  return new LabelPdfStream(labelViews(parsed, options), { fonts: EMBEDDED, barcodes: true }, fonts);
}

/** The whole PDF in memory; for large batches served over HTTP prefer openLabelPdf and pipe it. */
export async function renderLabels(labels: readonly LabelData[], options: RenderLabelsOptions): Promise<Buffer> {
  const stream = await openLabelPdf(labels, options);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
