import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Pretendard (OFL-1.1), from its npm package's whole TrueType files. TrueType rather than the OTF (CFF)
 * files because pdfkit embeds TrueType subsets as CIDFontType2, the form label printer drivers and old
 * viewers handle best. pdfkit writes only the glyphs a document uses, with a ToUnicode map so the Hangul
 * stays extractable.
 */
const FACES = {
  regular: 'Pretendard-Regular.ttf',
  bold: 'Pretendard-Bold.ttf',
  heavy: 'Pretendard-ExtraBold.ttf',
} as const;

export type FontFace = keyof typeof FACES;
export type LabelFontFiles = Readonly<Record<FontFace, Buffer>>;

let loading: Promise<LabelFontFiles> | null = null;

function fontDirectory(): string {
  try {
    const packageJson = createRequire(import.meta.url).resolve('pretendard/package.json');
    return join(dirname(packageJson), 'dist', 'public', 'static', 'alternative');
  } catch {
    throw new Error('the Korean label font is missing: the "pretendard" npm package is not installed (npm ci)');
  }
}

/**
 * fontkit runs Pretendard's OpenType layout tables (GSUB contextual alternates, GPOS kerning) on every word
 * it has not seen in the document, about half a millisecond each; a batch of unique names, addresses and
 * numbers spent most of its time there. A label needs neither: the text is NFC, so Hangul syllables map
 * straight through cmap, and plain Latin reads fine unkerned. So the in-memory copy has those two tables'
 * tags renamed in the table directory, and fontkit lays text out from cmap and hmtx alone. The embedded
 * subset is rebuilt by fontkit from glyf, loca and hmtx and never carried them.
 */
export function withoutLayoutTables(font: Buffer): Buffer {
  const copy = Buffer.from(font);
  if (copy.readUInt32BE(0) !== 0x00010000) throw new Error('the label font is not a TrueType font');
  const tables = copy.readUInt16BE(4);
  for (let index = 0; index < tables; index += 1) {
    const at = 12 + index * 16;
    const tag = copy.toString('latin1', at, at + 4);
    if (tag === 'GSUB' || tag === 'GPOS') copy.write(tag.toLowerCase(), at, 'latin1');
  }
  return copy;
}

async function readFaces(): Promise<LabelFontFiles> {
  const directory = fontDirectory();
  const entries = await Promise.all(
    Object.entries(FACES).map(async ([face, file]) => [face, withoutLayoutTables(await readFile(join(directory, file)))] as const),
  );
  return Object.fromEntries(entries) as Record<FontFace, Buffer>;
}

/** Read once per process and shared by every document; each document still embeds only its own subset. */
export function loadLabelFonts(): Promise<LabelFontFiles> {
  loading ??= readFaces().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
