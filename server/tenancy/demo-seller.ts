import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { Tenants } from './tenants';

export const DEMO_SELLER_ID = 'demo';
const DEMO_LABEL = 'demo';

const DemoFile = z.object({ sellerId: z.string(), keyId: z.string(), apiKey: z.string() });
export type DemoSeller = z.infer<typeof DemoFile> & { created: boolean };

export function demoSellerFile(varDir: string): string {
  return join(varDir, 'demo-seller.json');
}

/** The kept demo key, or null when the file is missing or unreadable (it is then made again). */
function readKept(path: string): z.infer<typeof DemoFile> | null {
  if (!existsSync(path)) return null;
  try {
    const parsed = DemoFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The demo seller and its key. Unlike real keys, the demo key is kept in clear under the var directory so
 * every start can print it again; it is re-created when that file is gone or no longer matches this Redis.
 */
export async function ensureDemoSeller(tenants: Tenants, varDir: string): Promise<DemoSeller> {
  const path = demoSellerFile(varDir);
  const kept = readKept(path);
  if (kept && (await tenants.authenticate(kept.apiKey)).outcome !== 'unauthorized') return { ...kept, created: false };
  let keyId: string;
  let apiKey: string;
  if (!(await tenants.getSeller(DEMO_SELLER_ID))) {
    ({ keyId, apiKey } = await tenants.createSeller('데모 판매자 (Demo seller)', DEMO_LABEL, DEMO_SELLER_ID));
  } else {
    for (const key of await tenants.listKeys(DEMO_SELLER_ID)) if (key.label === DEMO_LABEL) await tenants.revokeKey(key.keyId);
    ({ keyId, apiKey } = await tenants.createKey(DEMO_SELLER_ID, DEMO_LABEL));
  }
  const demo = { sellerId: DEMO_SELLER_ID, keyId, apiKey };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  return { ...demo, created: true };
}
