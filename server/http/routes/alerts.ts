import { API } from '../../../shared/api/routes';
import { route, type BoundRoute } from '../route';

export function alertRoutes(): BoundRoute[] {
  return [
    route(API.listAlerts, async ({ seller }) => ({ alerts: await seller.alerts.list() })),
    route(API.ackAlert, async ({ seller, params }) => ({ alert: await seller.alerts.acknowledge(params.id) })),
  ];
}
