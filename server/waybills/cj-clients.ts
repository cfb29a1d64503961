import type { CarrierContract } from '../../shared/settings';
import { createCjClient, type CjClient, type CjTokenStore } from '../carriers/cj';
import type { CjContractIdentity } from './cj-token-store';
import { Refusal } from './refusal';

/**
 * One CJ client per contract, kept for the life of the process: the client caches the one-day token and spaces
 * token requests, which only works if every call for a contract goes through the same client. With
 * `tokenStoreFor`, the token and the spacing are shared with the other server instances too.
 */
export class CjClients {
  private readonly clients = new Map<string, CjClient>();

  constructor(
    private readonly baseUrl: string,
    private readonly tokenStoreFor?: (contract: CjContractIdentity) => CjTokenStore,
  ) {}

  /** The contract's client; a contract without the billing business number cannot get a token (NO_CONTRACT). */
  for(contract: CarrierContract | undefined): CjClient {
    if (!contract?.businessNumber) throw new Refusal('NO_CONTRACT', { carrier: 'cj' }, 422);
    const id = `${contract.customerCode}\u0001${contract.businessNumber}`;
    let client = this.clients.get(id);
    if (!client) {
      const identity = { customerCode: contract.customerCode, businessNumber: contract.businessNumber };
      client = createCjClient({
        baseUrl: this.baseUrl,
        customerId: contract.customerCode,
        businessNumber: contract.businessNumber,
        ...(this.tokenStoreFor ? { tokenStore: this.tokenStoreFor(identity) } : {}),
      });
      this.clients.set(id, client);
    }
    return client;
  }
}
