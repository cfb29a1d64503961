import { z } from 'zod';

/** Every stock change appends one entry per SKU it touches. Each delta column sums to its counter. */
export const LEDGER_KINDS = ['reserve', 'release', 'ship', 'return', 'quarantine', 'inbound', 'count', 'safety'] as const;
export const LedgerKindSchema = z.enum(LEDGER_KINDS);
export type LedgerKind = z.infer<typeof LedgerKindSchema>;

export const LedgerEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: LedgerKindSchema,
  sku: z.string(),
  dOnHand: z.int(),
  dReserved: z.int(),
  dSafety: z.int(),
  dQuarantine: z.int(),
  reason: z.string(),
  /** What caused it: an order key, an adjustment id, a scan. */
  ref: z.string(),
  /** Who: an API key label, or a worker name. */
  actor: z.string(),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

export const LEDGER_COUNTERS = { dOnHand: 'onHand', dReserved: 'reserved', dSafety: 'safety', dQuarantine: 'quarantine' } as const;
