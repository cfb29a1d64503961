import { sellerPrefix } from '../store/keys';

/**
 * Keys outside any seller's data. The registry is global on purpose (workers list sellers from it) and no
 * Lua script touches it, so scripts stay single-slot. An API key's record and its rate counter share the
 * hash tag of the key id, so one script may read one and charge the other on Redis Cluster too.
 */
export const tenancyKeys = {
  sellerRegistry: 'sheetship:sellers',
  apiKey: (keyId: string) => `sheetship:apikey:{${keyId}}`,
  rateLimit: (keyId: string) => `sheetship:ratelimit:{${keyId}}`,
  /** The seller's own record and its active key labels live under the seller's hash tag. */
  seller: (sellerId: string) => `${sellerPrefix(sellerId)}tenant`,
  keyLabels: (sellerId: string) => `${sellerPrefix(sellerId)}key-labels`,
};
