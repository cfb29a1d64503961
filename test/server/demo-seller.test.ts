import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_SELLER_ID, demoSellerFile, ensureDemoSeller } from '../../server/tenancy/demo-seller';
import { Tenants } from '../../server/tenancy/tenants';
import { openTestStore } from '../support/store';

const store = await openTestStore();
const varDir = mkdtempSync(join(tmpdir(), 'sheetship-demo-'));
afterAll(() => rmSync(varDir, { recursive: true, force: true }));

describe('demo seller', () => {
  it('is created once, its key printed again at every start, and made anew when the kept key no longer works', async () => {
    const tenants = new Tenants(store.pool, randomBytes(32), { limit: 100, windowSeconds: 60 });
    const first = await ensureDemoSeller(tenants, varDir);
    expect(first).toMatchObject({ sellerId: DEMO_SELLER_ID, created: true });
    expect(await tenants.authenticate(first.apiKey)).toMatchObject({ outcome: 'ok', principal: { sellerId: DEMO_SELLER_ID, label: 'demo' } });

    const again = await ensureDemoSeller(tenants, varDir);
    expect(again).toEqual({ ...first, created: false });

    writeFileSync(demoSellerFile(varDir), '{not json');
    const remade = await ensureDemoSeller(tenants, varDir);
    expect(remade.created).toBe(true);
    expect(remade.apiKey).not.toBe(first.apiKey);
    // The lost key is revoked, so exactly one demo key works.
    expect(await tenants.authenticate(first.apiKey)).toEqual({ outcome: 'unauthorized' });
    expect(JSON.parse(readFileSync(demoSellerFile(varDir), 'utf8'))).toMatchObject({ apiKey: remade.apiKey });
    expect((await tenants.listKeys(DEMO_SELLER_ID)).map((key) => key.keyId)).toEqual([remade.keyId]);
  });
});
