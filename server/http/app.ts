import Router from '@koa/router';
import Koa from 'koa';
import type { AppContext, AppDeps, AppMiddleware, AppState } from './context';
import { requireAdmin, requireSeller } from './middleware/auth';
import { envelope } from './middleware/envelope';
import { jsonBody } from './middleware/json-body';
import { openApiDocument } from './openapi';
import type { BoundRoute } from './route';
import { adminRoutes } from './routes/admin';
import { alertRoutes } from './routes/alerts';
import { channelRoutes } from './routes/channels';
import { inventoryRoutes } from './routes/inventory';
import { ledgerRoutes } from './routes/ledger';
import { listingRoutes } from './routes/listings';
import { meRoutes } from './routes/me';
import { orderActionRoutes } from './routes/order-actions';
import { orderRoutes } from './routes/orders';
import { serviceRoutes } from './routes/service';
import { settingsRoutes } from './routes/settings';
import { skuRoutes } from './routes/skus';
import { labelRoutes } from './routes/labels';
import { rangeRoutes } from './routes/ranges';
import { scanRoutes } from './routes/scans';
import { shipmentRoutes } from './routes/shipments';
import { waybillRoutes } from './routes/waybills';
import { syncRoutes } from './routes/sync';

export function allRoutes(): BoundRoute[] {
  return [
    ...serviceRoutes(),
    ...adminRoutes(),
    ...meRoutes(),
    ...settingsRoutes(),
    ...skuRoutes(),
    ...listingRoutes(),
    ...inventoryRoutes(),
    ...ledgerRoutes(),
    ...orderRoutes(),
    ...orderActionRoutes(),
    ...alertRoutes(),
    ...waybillRoutes(),
    ...rangeRoutes(),
    ...labelRoutes(),
    ...scanRoutes(),
    ...shipmentRoutes(),
    ...channelRoutes(),
    ...syncRoutes(),
  ];
}

/** The Koa app: envelope, JSON body, then one router holding every contract route behind its auth. */
export function createApp(deps: AppDeps): Koa<AppState, AppContext> {
  const app = new Koa<AppState, AppContext>({ proxy: deps.trustProxy });
  // Errors are answered by the envelope; Koa's own handler would only print them a second time.
  app.silent = true;
  const router = new Router<AppState>();
  const guards: Record<BoundRoute['endpoint']['auth'], AppMiddleware[]> = {
    none: [],
    admin: [requireAdmin(deps)],
    seller: [requireSeller(deps)],
  };
  for (const bound of allRoutes()) {
    const { method, path, auth } = bound.endpoint;
    router.register(path, [method.toUpperCase()], [...guards[auth], (ctx) => bound.handle(ctx, deps)]);
  }
  router.get('/v1/openapi.json', (ctx) => {
    ctx.body = openApiDocument();
  });
  router.get('/metrics', requireAdmin(deps), async (ctx) => {
    ctx.type = deps.metrics.registry.contentType;
    ctx.body = await deps.metrics.registry.metrics();
  });
  app.use(envelope(deps));
  for (const middleware of jsonBody(deps.bodyLimit)) app.use(middleware);
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}
