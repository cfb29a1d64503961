import type { Logger } from 'pino';
import type { StoppableWorker } from '../workers';

/**
 * Runs `task` now and then every `intervalMs` after the previous run ends, until stopped. A failing run is
 * logged and the next one still comes; stop() waits for a run in progress.
 */
export function periodic(name: string, intervalMs: number, task: () => Promise<void>, logger: Logger): StoppableWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = (): void => {
    running = task()
      .catch((error: unknown) => logger.error({ worker: name, err: error }, 'periodic task failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(run, intervalMs);
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
