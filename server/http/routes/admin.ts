import { API } from '../../../shared/api/routes';
import { route, type BoundRoute } from '../route';

/** Provisioning: sellers and their keys, behind the admin key. */
export function adminRoutes(): BoundRoute[] {
  return [
    route(API.createSeller, async ({ body, deps }) => {
      const created = await deps.tenants.createSeller(body.name, body.keyLabel ?? 'owner');
      return { seller: { id: created.seller.id, name: created.seller.name }, keyId: created.keyId, label: created.label, apiKey: created.apiKey };
    }),
    route(API.listSellers, async ({ deps }) => ({ sellers: await deps.tenants.listSellers() })),
    route(API.createKey, async ({ params, body, deps }) => deps.tenants.createKey(params.id, body.label)),
    route(API.listKeys, async ({ params, deps }) => ({ keys: await deps.tenants.listKeys(params.id) })),
    route(API.revokeKey, async ({ params, deps }) => deps.tenants.revokeKey(params.keyId)),
  ];
}
