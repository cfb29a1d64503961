import type { Store } from '../store';
import { scripts } from '../store/scripts';

function within<T>(ms: number, work: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([work.catch(() => fallback), timeout]).finally(() => clearTimeout(timer));
}

/**
 * Redis answers, and every store script is in its script cache. Scripts Redis forgot (after a restart) are
 * loaded again here, so readiness recovers by itself.
 */
export async function checkReadiness(store: Store, timeoutMs = 2000): Promise<{ redis: boolean; scripts: boolean }> {
  const client = store.pool.pick();
  const redis = await within(timeoutMs, client.ping().then((reply) => reply === 'PONG'), false);
  if (!redis) return { redis: false, scripts: false };
  const all = Object.values(scripts());
  const loaded = within(
    timeoutMs,
    (async () => {
      const exists = await client.sendCommand<number[]>(['SCRIPT', 'EXISTS', ...all.map((script) => script.sha)]);
      const missing = all.filter((_, index) => exists[index] !== 1);
      await Promise.all(missing.map((script) => client.sendCommand(['SCRIPT', 'LOAD', script.source])));
      return true;
    })(),
    false,
  );
  return { redis, scripts: await loaded };
}
