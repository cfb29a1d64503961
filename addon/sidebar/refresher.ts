export interface RefresherOptions {
  run: () => Promise<void>;
  minMs: number;
  maxMs: number;
  random?: () => number;
  /** Whether an automatic refresh should run now; a skipped one is simply rescheduled. */
  shouldRun?: () => boolean;
}

/**
 * Refreshes on a jittered timer while the sidebar is open (so many open sidebars do not call the server in
 * step), and on demand. Never two at once: a request during a refresh joins the running one.
 */
export class Refresher {
  private running: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: RefresherOptions) {}

  start(): void {
    this.schedule();
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  now(): Promise<void> {
    if (this.running) return this.running;
    this.stop();
    this.running = this.options.run().finally(() => {
      this.running = null;
      this.schedule();
    });
    return this.running;
  }

  private schedule(): void {
    this.stop();
    const { minMs, maxMs } = this.options;
    const delay = minMs + Math.floor((this.options.random ?? Math.random)() * (maxMs - minMs));
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.options.shouldRun && !this.options.shouldRun()) this.schedule();
      else void this.now();
    }, delay);
  }
}
