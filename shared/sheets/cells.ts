/**
 * What one cell holds when we write it. Strings are written into plain-text ('@') columns, numbers into
 * number-formatted ones, booleans only into the checkbox column. No Date objects: dates are KST strings,
 * so nothing a sheet returns can break google.script.run, and both writers (Apps Script setValues and the
 * Sheets API) store the same thing.
 */
export type CellValue = string | number | boolean;

/** First characters that make Sheets (or Excel, after a CSV download) read text as a formula. */
const FORMULA_LEADS = new Set(['=', '+', '-', '@']);
/** The apostrophe is the spreadsheet convention for "this is text"; it is also our escape character. */
const ESCAPE = "'";

/**
 * Makes buyer- or channel-originated text inert: text starting with =, +, - or @ gets a leading apostrophe.
 * Text that already starts with an apostrophe gets one too, so restoreNeutralized is its exact inverse.
 */
export function neutralize(text: string): string {
  const first = text.charAt(0);
  return FORMULA_LEADS.has(first) || first === ESCAPE ? ESCAPE + text : text;
}

/** The inverse of neutralize, for values read back from a sheet (keys, edited cells). */
export function restoreNeutralized(text: string): string {
  if (text.charAt(0) !== ESCAPE) return text;
  const next = text.charAt(1);
  return FORMULA_LEADS.has(next) || next === ESCAPE ? text.slice(1) : text;
}

/** True when a cell value would be taken for a formula if the column lost its plain-text format. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_LEADS.has(text.charAt(0));
}

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/**
 * An ISO-8601 instant as KST `yyyy-MM-dd HH:mm`. Korea has had no daylight saving since 1988, so a fixed
 * +09:00 is exact, and no time zone database is needed (Apps Script and Node agree by construction).
 * Missing or unparseable input gives '' rather than a wrong date.
 */
export function formatKst(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const kst = new Date(ms + KST_OFFSET_MS);
  return `${kst.getUTCFullYear()}-${pad(kst.getUTCMonth() + 1)}-${pad(kst.getUTCDate())} ${pad(kst.getUTCHours())}:${pad(kst.getUTCMinutes())}`;
}

/** Cell text as people typed or we wrote it: numbers and booleans as strings, our escape removed. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return restoreNeutralized(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return String(value);
}
