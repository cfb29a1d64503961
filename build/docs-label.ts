// `npm run docs:label`: renders one sample label to docs/label.png for the README, with poppler's pdftoppm
// (Debian's poppler-utils), at 203 dpi like a thermal label printer.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderLabels } from '../server/carriers/labels';
import { sampleLabel } from '../server/carriers/labels/sample';
import { DEFAULT_SETTINGS } from '../shared/settings';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pdf = await renderLabels([sampleLabel(0)], { masking: DEFAULT_SETTINGS.masking });
try {
  execFileSync('pdftoppm', ['-r', '203', '-png', '-singlefile', '-', join(root, 'docs', 'label')], { input: pdf });
} catch (error) {
  const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
  throw missing ? new Error('pdftoppm is missing: install poppler-utils (apt-get install poppler-utils)') : error;
}
console.log('wrote docs/label.png');
