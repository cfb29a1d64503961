/**
 * Naver-looking numeric ids, unique across every account of one sandbox. Each kind has a fixed width, so
 * the string order of productOrderIds is their numeric order, as the change feed's tie-break needs.
 */

const BASES = {
  order: 2_026_000_000_000,
  productOrder: 2_026_100_000_000,
  originProduct: 10_000_000_000,
  channelProduct: 11_000_000_000,
  option: 40_000_000_000,
  claim: 50_000_000_000,
  trace: 90_000_000_000,
} as const;

export type IdKind = keyof typeof BASES;

export class IdSource {
  private readonly counters = new Map<IdKind, number>();

  next(kind: IdKind): string {
    const count = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, count);
    return String(BASES[kind] + count);
  }
}
