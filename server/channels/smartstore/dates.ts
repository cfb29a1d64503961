/**
 * Naver sends and expects ISO-8601 with milliseconds and the +09:00 offset (channels.md §1.7). Instants are
 * kept as epoch milliseconds inside the client and turned into wire strings only here.
 */

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** `2024-06-07T19:00:00.000+09:00` */
export function formatKst(epochMs: number): string {
  return new Date(epochMs + KST_OFFSET_MS).toISOString().replace('Z', '+09:00');
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of a wire timestamp, or null for anything that is not an ISO date-time with a zone. */
export function parseWireDate(value: string | null | undefined): number | null {
  if (typeof value !== 'string' || !ISO_WITH_ZONE.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** A wire timestamp normalised to the KST form, or undefined when it is missing or unreadable. */
export function normalizeWireDate(value: string | null | undefined): string | undefined {
  const ms = parseWireDate(value);
  return ms === null ? undefined : formatKst(ms);
}
