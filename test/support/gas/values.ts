import { formatDatePattern, instantOf } from './time';

/** What a fake cell holds, as getValues returns it: '' for empty, Date for dates. */
export type CellContent = string | number | boolean | Date;

/** The number format of a cell nobody formatted, as Apps Script reports it. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
export const PLAIN_TEXT_FORMAT = '@';

export interface Entered {
  value: CellContent;
  formula: string;
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?\d+(?:\.\d+)?)%$/;
const DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * setValues semantics: Apps Script treats strings as if a person typed them, unless the cell is formatted
 * as plain text ('@'), where everything is kept literally. So "00123" becomes 123, "2024-05-01 10:00" a
 * date, "=1+2" a formula and "'=1+2" the text "=1+2" — in a general cell; in '@' all four stay as written.
 */
export function enterValue(input: unknown, numberFormat: string, timeZone: string): Entered {
  if (input === null || input === undefined) return { value: '', formula: '' };
  if (input instanceof Date) return { value: new Date(input.getTime()), formula: '' };
  if (typeof input === 'boolean') return { value: input, formula: '' };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new Error(`Cannot write ${String(input)} to a cell.`);
    return { value: input, formula: '' };
  }
  const text = typeof input === 'string' ? input : String(input);
  if (numberFormat === PLAIN_TEXT_FORMAT || text === '') return { value: text, formula: '' };
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  const trimmed = text.trim();
  if (trimmed !== '' && /\d/.test(trimmed) && NUMBER.test(trimmed)) return { value: Number(trimmed.replace(/,/g, '')), formula: '' };
  const percent = PERCENT.exec(trimmed);
  if (percent?.[1]) return { value: Number(percent[1]) / 100, formula: '' };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true', formula: '' };
  const date = DATE.exec(trimmed);
  if (date) {
    const [, year, month, day, hour, minute, second] = date;
    const monthNumber = Number(month);
    const dayNumber = Number(day);
    if (monthNumber >= 1 && monthNumber <= 12 && dayNumber >= 1 && dayNumber <= 31) {
      return { value: instantOf(timeZone, Number(year), monthNumber, dayNumber, Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0)), formula: '' };
    }
  }
  return { value: text, formula: '' };
}

function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatNumber(value: number, numberFormat: string): string {
  const percent = numberFormat.endsWith('%');
  const pattern = percent ? numberFormat.slice(0, -1) : numberFormat;
  const scaled = percent ? value * 100 : value;
  const decimalsMatch = /\.(0+)/.exec(pattern);
  const decimals = decimalsMatch?.[1]?.length ?? 0;
  if (!/^[#,0.]+$/.test(pattern) || pattern === DEFAULT_NUMBER_FORMAT || pattern.includes('#.#')) return String(value);
  const fixed = Math.abs(scaled).toFixed(decimals);
  const [integer = '0', fraction] = fixed.split('.');
  const body = (pattern.includes(',') ? groupThousands(integer) : integer) + (fraction ? `.${fraction}` : '');
  return `${scaled < 0 && Number(fixed) !== 0 ? '-' : ''}${body}${percent ? '%' : ''}`;
}

/** getDisplayValues: the text a person sees, by the cell's number format. */
export function displayValue(value: CellContent, numberFormat: string, timeZone: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (/[yMdHms]/.test(numberFormat) && numberFormat !== DEFAULT_NUMBER_FORMAT) return formatDatePattern(value, timeZone, numberFormat.replace(/h/g, 'H'));
    const hasTime = formatDatePattern(value, timeZone, 'HH:mm:ss') !== '00:00:00';
    return formatDatePattern(value, timeZone, hasTime ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd');
  }
  if (typeof value === 'number') return numberFormat === PLAIN_TEXT_FORMAT ? String(value) : formatNumber(value, numberFormat);
  return value;
}

function typeRank(value: CellContent): number {
  if (typeof value === 'number' || value instanceof Date) return 0;
  if (typeof value === 'string') return 1;
  return 2;
}

/** Sort order of Sheets: numbers and dates, then text (case-insensitive), then booleans; empty cells always last. */
export function compareCells(a: CellContent, b: CellContent, ascending: boolean): number {
  const aEmpty = a === '';
  const bEmpty = b === '';
  if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
  const rank = typeRank(a) - typeRank(b);
  let order: number;
  if (rank !== 0) order = rank;
  else if (typeof a === 'string' && typeof b === 'string') order = a.localeCompare(b, 'ko', { sensitivity: 'base' });
  else order = Number(a instanceof Date ? a.getTime() : a) - Number(b instanceof Date ? b.getTime() : b);
  return ascending ? order : -order;
}
