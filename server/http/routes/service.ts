import { API } from '../../../shared/api/routes';
import { HttpError } from '../errors';
import { checkReadiness } from '../readiness';
import { route, type BoundRoute } from '../route';

export function serviceRoutes(): BoundRoute[] {
  return [
    route(API.healthz, async () => ({ status: 'ok' as const })),
    route(API.readyz, async ({ deps }) => {
      const checks = await checkReadiness(deps.store);
      if (!checks.redis || !checks.scripts) throw new HttpError(503, 'NOT_READY', {}, { checks });
      return { status: 'ready' as const, checks };
    }),
  ];
}
