import type { Logger } from 'pino';
import type { StoppableWorker } from '../workers';

/**
 * Runs `task` now and then every `intervalMs` after the previous run ends, until stopped. A failing run is
 * logged and the next one still comes; stop() waits for a run in progress, which may ask `stopping()` to end
 * early. With `jitter` (a fraction, e.g. 0.1), each wait is drawn from intervalMs ± that share, so instances
 * started together drift apart.
 */
export function periodic(name: string, intervalMs: number, task: (stopping: () => boolean) => Promise<void>, logger: Logger, jitter = 0): StoppableWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const wait = (): number => Math.max(1, Math.round(intervalMs * (1 + jitter * (2 * Math.random() - 1))));
  const run = (): void => {
    running = task(() => stopped)
      .catch((error: unknown) => logger.error({ worker: name, err: error }, 'periodic task failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(run, wait());
      });
  };
  run();
  return {
    name,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export interface PerSellerOptions {
  /** As periodic's. */
  jitter?: number;
  /** After a seller's failure was logged. */
  onFailure?: (sellerId: string) => void;
  /** After a round that went through every seller (not one cut short by stop), with how many succeeded. */
  onRound?: (succeeded: number) => void;
}

/**
 * A periodic round over every seller the registry lists: one seller's failure is logged (as `failure`) and
 * the others still run. A stop ends the round between two sellers; `work` may also ask `stopping` itself, to
 * end a long seller early.
 */
export function periodicPerSeller(
  name: string,
  intervalMs: number,
  sellerIds: () => Promise<string[]>,
  work: (sellerId: string, stopping: () => boolean) => Promise<void>,
  logger: Logger,
  failure: string,
  options: PerSellerOptions = {},
): StoppableWorker {
  return periodic(
    name,
    intervalMs,
    async (stopping) => {
      let succeeded = 0;
      for (const sellerId of await sellerIds()) {
        if (stopping()) return;
        try {
          await work(sellerId, stopping);
          succeeded += 1;
        } catch (error) {
          logger.error({ sellerId, err: error }, failure);
          options.onFailure?.(sellerId);
        }
      }
      options.onRound?.(succeeded);
    },
    logger,
    options.jitter,
  );
}
