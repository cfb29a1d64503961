/** CJ speaks Korean local time: dates as YYYYMMDD and stamps as YYYYMMDDHHMMSS, both KST (UTC+9, no DST). */
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function kstParts(ms: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const at = new Date(ms + KST_OFFSET_MS);
  return { y: at.getUTCFullYear(), mo: at.getUTCMonth() + 1, d: at.getUTCDate(), h: at.getUTCHours(), mi: at.getUTCMinutes(), s: at.getUTCSeconds() };
}

/** RCPT_YMD and MPCK_KEY dates. */
export function kstYmd(ms: number): string {
  const p = kstParts(ms);
  return `${pad(p.y, 4)}${pad(p.mo)}${pad(p.d)}`;
}

/** TOKEN_EXPRTN_DTM. */
export function kstStamp(ms: number): string {
  const p = kstParts(ms);
  return `${kstYmd(ms)}${pad(p.h)}${pad(p.mi)}${pad(p.s)}`;
}

/** Epoch ms of a YYYYMMDDHHMMSS KST stamp, or null when it is not a real date and time. */
export function parseKstStamp(stamp: string): number | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - KST_OFFSET_MS;
  return kstStamp(ms) === stamp ? ms : null;
}
