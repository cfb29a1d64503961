import type { CarrierId } from '../../shared/carriers';
import type { Holiday } from '../../shared/settings';

/** Korea has kept one offset (UTC+9) without daylight saving since 1988. */
const KST_OFFSET_MS = 9 * 3_600_000;

/** The KST calendar day of an instant, as YYYY-MM-DD. */
export function kstDate(ms: number): string {
  return new Date(ms + KST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of `HH:mm` KST on a KST day. */
export function kstInstant(date: string, hourMinute: string): number {
  return Date.parse(`${date}T${hourMinute}:00+09:00`);
}

/** A carrier takes no pickups on a day the seller's calendar closes for it (or for every carrier). */
export function carrierClosed(holidays: readonly Holiday[], date: string, carrier: CarrierId): boolean {
  return holidays.some((holiday) => holiday.date === date && (!holiday.carriers || holiday.carriers.includes(carrier)));
}
