/**
 * `npm run bench:labels`: renders a 1,000-label PDF and reports time and peak RSS.
 *
 * Each case runs in its own child process, so the peak RSS (process.resourceUsage().maxRSS, the kernel's
 * high-water mark) belongs to that case alone. In the child, a 5-label warm-up loads the fonts and warms the
 * JIT, as in a running server; then the 1,000 labels are timed. The labels vary like a real batch (every
 * receiver, address and number differs), so text layout is paid for as it would be. The machine is shared, so
 * the cases run interleaved for several rounds and the medians are reported, with CPU time beside wall time.
 *
 * Baseline, same run: the same pages laid out by the same code with text only, in pdfkit's built-in
 * Helvetica (no embedded font, no barcode), from ASCII versions of the same labels.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { openLabelPdf, renderLabels, type LabelData } from '../server/carriers/labels';
import { sampleLabel } from '../server/carriers/labels/sample';
import { DEFAULT_SETTINGS } from '../shared/settings';

const LABELS = 1000;
const ROUNDS = 3;
const TARGET_MS = 5000;
const TARGET_RSS_MB = 300;

const CASES = {
  /** The product: embedded Pretendard subset and two vector barcodes per page, the PDF collected in memory. */
  embedded: 'Pretendard + barcodes, in memory',
  /** The same, piped to a file as the HTTP route would pipe it to the socket. */
  'embedded-stream': 'Pretendard + barcodes, streamed to a file',
  baseline: 'baseline: Helvetica, ASCII, no barcode',
} as const;
type CaseName = keyof typeof CASES;

interface CaseResult {
  name: CaseName;
  ms: number;
  /** CPU time of the render; unlike wall time, it barely moves when other processes load the machine. */
  cpuMs: number;
  peakRssMb: number;
  bytes: number;
}

/** Two Latin letters per Hangul syllable (about its width), derived from it, so distinct words stay distinct. */
function latin(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (char) => {
    const code = char.charCodeAt(0);
    return String.fromCharCode(97 + (code % 26), 97 + (Math.floor(code / 26) % 26));
  });
}

/** The sample label with each Hangul text replaced by Latin text of similar length, so the pages stay alike. */
function asciiLabel(index: number): LabelData {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return latin(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
    return value;
  };
  return walk(sampleLabel(index)) as LabelData;
}

async function runCase(name: CaseName): Promise<CaseResult> {
  const textOnly = name === 'baseline';
  const options = { masking: DEFAULT_SETTINGS.masking, ...(textOnly ? { textOnly: true, language: 'en' as const } : {}) };
  const make = (count: number): LabelData[] => Array.from({ length: count }, (_, index) => (textOnly ? asciiLabel(index) : sampleLabel(index)));
  await renderLabels(make(5), options);
  const labels = make(LABELS);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let bytes: number;
  if (name === 'embedded-stream') {
    const directory = await mkdtemp(join(tmpdir(), 'labels-bench-'));
    const file = join(directory, 'labels.pdf');
    const output = createWriteStream(file);
    await pipeline(await openLabelPdf(labels, options), output);
    bytes = output.bytesWritten;
    await rm(directory, { recursive: true, force: true });
  } else {
    bytes = (await renderLabels(labels, options)).length;
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { name, ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024, bytes };
}

function inChild(name: CaseName): CaseResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--case', name], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`bench case ${name} failed with status ${child.status}`);
  const line = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as CaseResult;
}

const pad = (text: string, width: number): string => text.padEnd(width);
const num = (value: number, digits = 0): string => value.toFixed(digits).padStart(9);

async function main(): Promise<void> {
  const caseIndex = process.argv.indexOf('--case');
  if (caseIndex >= 0) {
    const name = process.argv[caseIndex + 1] as CaseName;
    if (!(name in CASES)) throw new Error(`unknown case ${name}`);
    process.stdout.write(`${JSON.stringify(await runCase(name))}\n`);
    return;
  }
  // Rounds interleave the cases so load from other processes on this shared machine hits them alike;
  // time is the median over rounds, peak RSS the highest.
  const runs = Array.from({ length: ROUNDS }, () => (Object.keys(CASES) as CaseName[]).map(inChild)).flat();
  const results = (Object.keys(CASES) as CaseName[]).map((name): CaseResult => {
    const mine = runs.filter((run) => run.name === name);
    const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
    return { name, ms: median(mine.map((run) => run.ms)), cpuMs: median(mine.map((run) => run.cpuMs)), peakRssMb: Math.max(...mine.map((run) => run.peakRssMb)), bytes: mine[0]?.bytes ?? 0 };
  });
  const byName = (name: CaseName): CaseResult => results.find((result) => result.name === name) as CaseResult;
  const product = byName('embedded');
  const baseline = byName('baseline');
  console.log(`labels: ${LABELS} pages of 123 x 100 mm, one child process per case and round, median of ${ROUNDS} rounds`);
  console.log(`${pad('case', 44)}${'ms'.padStart(9)}${'CPU ms'.padStart(9)}${'peak RSS MB'.padStart(13)}${'PDF KB'.padStart(9)}${'vs base'.padStart(9)}`);
  for (const result of results) {
    const row = [num(result.ms), num(result.cpuMs), num(result.peakRssMb, 1).padStart(13), num(result.bytes / 1024), num(result.ms / baseline.ms, 2)];
    console.log(`${pad(CASES[result.name], 44)}${row.join('')}`);
  }
  const ratio = product.ms / baseline.ms;
  const peak = Math.max(product.peakRssMb, byName('embedded-stream').peakRssMb);
  console.log(`ratio to baseline: ${ratio.toFixed(2)} wall, ${(product.cpuMs / baseline.cpuMs).toFixed(2)} CPU`);
  console.log(`targets: < ${TARGET_MS} ms (${product.ms < TARGET_MS ? 'met' : 'MISSED'}), < ${TARGET_RSS_MB} MB peak RSS (${peak < TARGET_RSS_MB ? 'met' : 'MISSED'})`);
  console.log(
    JSON.stringify({ bench: 'labels', labels: LABELS, ms: Math.round(product.ms), peakRssMb: Math.round(peak * 10) / 10, baselineMs: Math.round(baseline.ms), ratio: Math.round(ratio * 100) / 100 }),
  );
}

await main();
