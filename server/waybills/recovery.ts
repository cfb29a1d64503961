import type { Logger } from 'pino';
import { isRefusal } from './refusal';
import type { ShippingRuntime } from './runtime';

/**
 * Settles one seller's CJ issuances whose lease ran out: a server that crashed between recording a carrier call
 * and saving its result left them. Every booking they may hold is cancelled at CJ and the issuance dropped, so
 * the orders can be issued again and no box keeps a second live booking. Returns how many were settled.
 */
export async function recoverIssuances(runtime: ShippingRuntime, sellerId: string, logger: Logger): Promise<number> {
  const waybills = runtime.waybills(sellerId, 'cj-recovery');
  const expired = await waybills.expiredIssuances(runtime.now());
  if (expired.length === 0) return 0;
  const seller = runtime.store.forSeller(sellerId, 'cj-recovery');
  const contract = (await seller.settings.get()).carrierContracts.cj;
  let issuer;
  try {
    issuer = runtime.cjIssuer(seller, waybills, contract);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    logger.warn({ sellerId, issuances: expired.length }, 'CJ issuances wait for recovery, but the seller has no CJ contract to cancel them with');
    return 0;
  }
  let settled = 0;
  for (const id of expired) {
    const outcome = await issuer.recover(id);
    if (outcome === 'settled') settled += 1;
    if (outcome === 'kept') logger.warn({ sellerId, issuance: id }, 'a CJ booking of an abandoned issuance could not be cancelled yet; retrying later');
  }
  if (settled > 0) logger.info({ sellerId, settled }, 'settled abandoned CJ issuances');
  return settled;
}
