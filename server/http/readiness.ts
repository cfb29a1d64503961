import { StoreError, type Store } from '../store';

/** No seller has this id (seller ids are generated as s_<hex>, or "demo"); it never holds data. */
const PROBE_SELLER = 'sheetship_readyz';

function within<T>(ms: number, work: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([work.catch(() => fallback), timeout]).finally(() => clearTimeout(timer));
}

/**
 * Redis answers, and the store's scripts run. The probe is a script call through the store's public API that
 * writes nothing (acknowledging an alert that does not exist); the store loads its scripts again by itself
 * if Redis lost them, so readiness recovers without a restart.
 */
export async function checkReadiness(store: Store, timeoutMs = 2000): Promise<{ redis: boolean; scripts: boolean }> {
  const redis = await within(
    timeoutMs,
    store.pool
      .pick()
      .ping()
      .then((reply) => reply === 'PONG'),
    false,
  );
  if (!redis) return { redis: false, scripts: false };
  const probe = store
    .forSeller(PROBE_SELLER, 'readyz')
    .alerts.acknowledge('HELD_ORDER:readyz-probe')
    .then(
      () => false,
      (error: unknown) => error instanceof StoreError && error.code === 'ALERT_NOT_FOUND',
    );
  return { redis, scripts: await within(timeoutMs, probe, false) };
}
