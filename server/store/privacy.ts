import { z } from 'zod';
import type { SellerContext } from './context';
import { EraseInputSchema } from './inputs';
import { validated } from './validate';

const EraseReply = z.object({ erased: z.int(), more: z.boolean() });
const IndexReply = z.object({ indexed: z.int(), more: z.boolean() });

/**
 * Buyer data retention (DESIGN "Redis rules"): closed orders lose the receiver and the delivery message a
 * retention period after they closed, copies included (erase_pii.lua). Each call of a script is one atomic
 * batch, so several server instances may run this at once.
 */
export class PrivacyStore {
  constructor(private readonly ctx: SellerContext) {}

  /**
   * Puts closed orders stored before the closed-orders index existed into it (index_closed_orders.lua); once
   * finished for a seller, a call costs one read. Returns how many orders it added.
   */
  async indexClosedOrders(batch = 500): Promise<number> {
    validated(EraseInputSchema.shape.batch, batch);
    let indexed = 0;
    for (;;) {
      const reply = await this.ctx.callParsed('index_closed_orders', [], [String(batch)], IndexReply);
      indexed += reply.indexed;
      if (!reply.more) return indexed;
    }
  }

  /** Erases the buyer data of orders that closed before `closedBefore`. Returns how many orders it erased. */
  async erase(closedBefore: Date, batch = 200): Promise<number> {
    validated(EraseInputSchema, { closedBefore, batch });
    let erased = 0;
    for (;;) {
      const reply = await this.ctx.callParsed('erase_pii', [], [String(closedBefore.getTime()), String(batch)], EraseReply);
      erased += reply.erased;
      if (!reply.more) return erased;
    }
  }

  /** Erasure by age against the store's clock. */
  async eraseOlderThan(retentionMs: number, batch = 200): Promise<number> {
    return this.erase(new Date(this.ctx.clock().getTime() - retentionMs), batch);
  }
}
