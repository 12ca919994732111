// Identical reads in flight share one upstream call: a hundred tabs opening the same list cost ICE
// one request. The shared call is cancelled only when every caller waiting on it has gone.

interface Shared<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
}

export class Coalescer<T> {
  private readonly inflight = new Map<string, Shared<T>>();

  run(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    let shared = this.inflight.get(key);
    if (!shared) {
      const controller = new AbortController();
      const promise = start(controller.signal).finally(() => {
        if (this.inflight.get(key) === entry) this.inflight.delete(key);
      });
      promise.catch(() => undefined); // each waiter handles the outcome; this copy must not be "unhandled"
      const entry: Shared<T> = { promise, controller, waiters: 0 };
      shared = entry;
      this.inflight.set(key, entry);
    }
    return this.wait(key, shared, signal);
  }

  get size(): number {
    return this.inflight.size;
  }

  private wait(key: string, shared: Shared<T>, signal?: AbortSignal): Promise<T> {
    shared.waiters += 1;
    return new Promise<T>((resolve, reject) => {
      let left = false;
      const leave = () => {
        if (left) return false;
        left = true;
        signal?.removeEventListener('abort', onAbort);
        shared.waiters -= 1;
        return true;
      };
      const onAbort = () => {
        if (!leave()) return;
        if (shared.waiters === 0) {
          if (this.inflight.get(key) === shared) this.inflight.delete(key);
          shared.controller.abort(signal!.reason);
        }
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (value) => leave() && resolve(value),
        (error: unknown) => leave() && reject(error),
      );
    });
  }
}
