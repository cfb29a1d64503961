const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** `yyyy-MM-dd HH:mm` in KST, whatever the browser's zone (Korea keeps no daylight saving). */
export function formatKst(iso: string): string {
  const millis = Date.parse(iso);
  if (Number.isNaN(millis)) return iso;
  const kst = new Date(millis + KST_OFFSET_MS);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${kst.getUTCFullYear()}-${pad(kst.getUTCMonth() + 1)}-${pad(kst.getUTCDate())} ${pad(kst.getUTCHours())}:${pad(kst.getUTCMinutes())}`;
}
