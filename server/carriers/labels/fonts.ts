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

async function readFaces(): Promise<LabelFontFiles> {
  const directory = fontDirectory();
  const entries = await Promise.all(
    Object.entries(FACES).map(async ([face, file]) => [face, await readFile(join(directory, file))] as const),
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
