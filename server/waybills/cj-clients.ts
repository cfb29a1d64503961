import type { CarrierContract } from '../../shared/settings';
import { createCjClient, type CjClient } from '../carriers/cj';
import { Refusal } from './refusal';

/**
 * One CJ client per contract, kept for the life of the process: the client caches the one-day token and spaces
 * token requests, which only works if every call for a contract goes through the same client.
 */
export class CjClients {
  private readonly clients = new Map<string, CjClient>();

  constructor(private readonly baseUrl: string) {}

  /** The contract's client; a contract without the billing business number cannot get a token (NO_CONTRACT). */
  for(contract: CarrierContract | undefined): CjClient {
    if (!contract?.businessNumber) throw new Refusal('NO_CONTRACT', { carrier: 'cj' }, 422);
    const id = `${contract.customerCode}\u0001${contract.businessNumber}`;
    let client = this.clients.get(id);
    if (!client) {
      client = createCjClient({ baseUrl: this.baseUrl, customerId: contract.customerCode, businessNumber: contract.businessNumber });
      this.clients.set(id, client);
    }
    return client;
  }
}
