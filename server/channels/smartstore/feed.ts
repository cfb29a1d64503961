import { z } from 'zod';
import { ChannelError } from '../connector';
import type { FeedQuery, NaverCommerceClient } from './client';
import { formatKst, parseWireDate } from './dates';
import type { LastChangedStatus } from './wire';

/**
 * Reads Naver's change feed (`last-changed-statuses`, channels.md §1.2 and §1.7) from a cursor.
 *
 * - A window spans at most 24 hours; a longer gap (the server was down) is read as consecutive 24 h windows,
 *   each with an explicit lastChangedTo. The last window is left open, so it reaches the gateway's "now".
 * - Inside a window, pages follow `more{moreFrom, moreSequence}` until Naver stops sending `more`.
 * - When the open window is done, the next poll starts `overlapMs` before now, because a change can become
 *   visible after a later one was read. Rows seen in that overlap are skipped by their
 *   (productOrderId, lastChangedType, lastChangedDate), which the cursor carries.
 */

export interface FeedOptions {
  overlapMs: number;
  windowMs: number;
  /** limitCount per page (Naver: ≤ 300). */
  pageSize: number;
  /** Pages read per poll before handing back with more=true, so one poll stays short. */
  maxPagesPerPoll: number;
  /** The overlap's seen-keys are capped; dropping the oldest can only repeat a row, never lose one. */
  maxSeenKeys: number;
}

export const DEFAULT_FEED: FeedOptions = {
  overlapMs: 3 * 60 * 1000,
  windowMs: 24 * 60 * 60 * 1000,
  pageSize: 300,
  maxPagesPerPoll: 10,
  maxSeenKeys: 20_000,
};

const CursorSchema = z.object({
  v: z.literal(1),
  /** Start of the window being read (KST ISO). */
  from: z.string(),
  /** The window's explicit end, when it is one of the 24 h slices of a longer gap. */
  to: z.string().optional(),
  /** Naver's page position inside the window. */
  more: z.object({ moreFrom: z.string(), moreSequence: z.string() }).optional(),
  seen: z.array(z.string()),
});
type Cursor = z.infer<typeof CursorSchema>;

interface WindowState {
  from: number;
  to: number | undefined;
  more: Cursor['more'];
}

export interface FeedPage {
  rows: LastChangedStatus[];
  cursor: string;
  more: boolean;
}

export function encodeFeedCursor(state: WindowState, seen: Iterable<string>): string {
  const cursor: Cursor = {
    v: 1,
    from: formatKst(state.from),
    ...(state.to === undefined ? {} : { to: formatKst(state.to) }),
    ...(state.more ? { more: state.more } : {}),
    seen: [...seen],
  };
  return JSON.stringify(cursor);
}

function decodeCursor(cursor: string): { state: WindowState; seen: string[] } {
  let parsed: Cursor;
  try {
    parsed = CursorSchema.parse(JSON.parse(cursor));
  } catch {
    throw new ChannelError('rejected', 'smartstore cursor: not a cursor this connector wrote');
  }
  const from = parseWireDate(parsed.from);
  const to = parsed.to === undefined ? undefined : parseWireDate(parsed.to);
  if (from === null || to === null) throw new ChannelError('rejected', 'smartstore cursor: unreadable window dates');
  return { state: { from, to, more: parsed.more }, seen: parsed.seen };
}

/** The dedupe key of one feed row: (productOrderId, lastChangedType, lastChangedDate as an instant). */
export function rowKey(row: LastChangedStatus): string {
  return `${row.productOrderId}|${row.lastChangedType}|${parseWireDate(row.lastChangedDate) ?? row.lastChangedDate}`;
}

function keyTime(key: string): number {
  const time = Number(key.slice(key.lastIndexOf('|') + 1));
  return Number.isFinite(time) ? time : Number.POSITIVE_INFINITY;
}

export async function readFeed(client: NaverCommerceClient, cursor: string | null, since: Date, now: number, options: FeedOptions): Promise<FeedPage> {
  const decoded = cursor === null ? { state: { from: since.getTime(), to: undefined, more: undefined }, seen: [] } : decodeCursor(cursor);
  const state: WindowState = decoded.state;
  const seen = new Set(decoded.seen);
  const rows: LastChangedStatus[] = [];
  let pages = 0;
  let gatewayNow: number | null = null;
  for (;;) {
    if (!state.more && state.to === undefined && now - state.from > options.windowMs) state.to = state.from + options.windowMs;
    const query: FeedQuery = { lastChangedFrom: state.from, limitCount: options.pageSize };
    if (state.to !== undefined) query.lastChangedTo = state.to;
    if (state.more) query.more = state.more;
    const response = await client.lastChangedStatuses(query);
    pages += 1;
    gatewayNow = parseWireDate(response.timestamp) ?? gatewayNow;
    for (const row of response.data?.lastChangeStatuses ?? []) {
      const key = rowKey(row);
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push(row);
    }
    const more = response.data?.more;
    if (more) {
      if (more.moreFrom === state.more?.moreFrom && more.moreSequence === state.more.moreSequence) {
        throw new ChannelError('bad_response', `last-changed-statuses: the page after ${more.moreFrom}/${more.moreSequence} points at itself`);
      }
      state.more = { moreFrom: more.moreFrom, moreSequence: more.moreSequence };
      if (pages >= options.maxPagesPerPoll) return finish(state, seen, rows, true, options);
      continue;
    }
    state.more = undefined;
    if (state.to !== undefined) {
      // A 24 h slice of a longer gap is done; the next slice starts where it ended (rows on the edge are in `seen`).
      state.from = state.to;
      state.to = undefined;
      if (pages >= options.maxPagesPerPoll) return finish(state, seen, rows, true, options);
      continue;
    }
    const reference = Math.min(now, gatewayNow ?? now);
    state.from = Math.max(state.from, reference - options.overlapMs);
    return finish(state, seen, rows, false, options);
  }
}

function finish(state: WindowState, seen: Set<string>, rows: LastChangedStatus[], more: boolean, options: FeedOptions): FeedPage {
  // Only keys that a later read can meet again are kept: those at or after the next window's start.
  const kept = [...seen].filter((key) => keyTime(key) >= state.from).sort((a, b) => keyTime(a) - keyTime(b));
  const trimmed = kept.length > options.maxSeenKeys ? kept.slice(kept.length - options.maxSeenKeys) : kept;
  return { rows, cursor: encodeFeedCursor(state, trimmed), more };
}
