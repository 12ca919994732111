// Caps upstream calls in flight from this process: ICE limits QPS per account, and a burst of page
// loads must queue here rather than turn into throttling errors there. A waiter marked `background`
// (a scan's page) gets a free slot only when no other waiter wants it, so a list page or a job never
// queues behind the pages of searches and exports.

export interface AcquireOptions {
  /** Cancels the wait; the slot is then never taken. */
  signal?: AbortSignal;
  /** Served after every waiter that is not. */
  background?: boolean;
}

export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly waitingBackground: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  /** Resolves with a release function once a slot is free; rejects if the signal aborts first. */
  acquire({ signal, background = false }: AcquireOptions = {}): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    // A background waiter never passes one that waits already; a foreground one passes background ones.
    const queued = background ? this.waiting.length + this.waitingBackground.length : this.waiting.length;
    if (this.active < this.limit && queued === 0) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }
    const queue = background ? this.waitingBackground : this.waiting;
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        this.active += 1;
        resolve(this.releaser());
      };
      const onAbort = () => {
        const at = queue.indexOf(grant);
        if (at !== -1) queue.splice(at, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(grant);
    });
  }

  get inFlight(): number {
    return this.active;
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      (this.waiting.shift() ?? this.waitingBackground.shift())?.();
    };
  }
}
