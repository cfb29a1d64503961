/** A background worker (poller, stock push, tracking dispatch) that shutdown can stop. */
export interface StoppableWorker {
  name: string;
  /** Finish or abandon the current unit of work and stop; resolve once stopped. */
  stop(): Promise<void>;
}

/** Every running worker, so shutdown stops them all after HTTP has drained and before Redis closes. */
export class Workers {
  private readonly running = new Map<string, StoppableWorker>();

  add(worker: StoppableWorker): void {
    if (this.running.has(worker.name)) throw new Error(`a worker named ${worker.name} is already running`);
    this.running.set(worker.name, worker);
  }

  names(): string[] {
    return [...this.running.keys()];
  }

  /** Stops all at once; a worker that fails to stop is reported, and the others still stop. */
  async stopAll(): Promise<{ name: string; error: unknown }[]> {
    const workers = [...this.running.values()];
    this.running.clear();
    const outcomes = await Promise.allSettled(workers.map((worker) => worker.stop()));
    return outcomes.flatMap((outcome, index) => (outcome.status === 'rejected' ? [{ name: workers[index]?.name ?? '?', error: outcome.reason }] : []));
  }
}
