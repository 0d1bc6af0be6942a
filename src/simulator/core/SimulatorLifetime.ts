import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Owns every timer the simulator starts, so that closing it leaves nothing behind: tests
 * start and stop hundreds of simulators in one process, and a forgotten timer either keeps
 * the process alive or fires into a closed server.
 */
export class SimulatorLifetime {
  readonly #controller = new AbortController();
  readonly #timers = new Set<NodeJS.Timeout>();

  constructor() {
    // Every delayed request listens to it until its delay ends: many at once is the point.
    setMaxListeners(0, this.#controller.signal);
  }

  get closed(): boolean {
    return this.#controller.signal.aborted;
  }

  /** Resolves after `milliseconds`; resolves `false` early when the simulator closes. */
  async delay(milliseconds: number): Promise<boolean> {
    if (milliseconds <= 0) return !this.closed;
    try {
      await sleep(milliseconds, undefined, { signal: this.#controller.signal });
      return true;
    } catch {
      return false;
    }
  }

  /** Runs `callback` once after `milliseconds` unless cancelled or the simulator closes. */
  schedule(callback: () => void, milliseconds: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      callback();
    }, milliseconds);
    this.#timers.add(timer);
    return timer;
  }

  cancel(timer: NodeJS.Timeout): void {
    clearTimeout(timer);
    this.#timers.delete(timer);
  }

  close(): void {
    this.#controller.abort();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
