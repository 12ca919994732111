// Identical reads in flight share one upstream call: a hundred tabs opening the same list cost ICE
// one request. A successful answer is also reused for `reuseMs` after it arrives, because a burst of
// requests reaches this point spread over the time the server takes to route them (measured: 100
// concurrent requests over ~300 ms on two cores), longer than one upstream call. The shared call is
// cancelled only when every caller waiting on it has gone.

interface Shared<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
}

export class Coalescer<T> {
  private readonly inflight = new Map<string, Shared<T>>();

  constructor(private readonly reuseMs = 0) {}

  /** `reuse: false` for an answer nobody will ask again: it is forgotten as soon as it arrives. */
  run(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal, { reuse = true } = {}): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    let shared = this.inflight.get(key);
    if (!shared) {
      const controller = new AbortController();
      const forget = () => {
        if (this.inflight.get(key) === entry) this.inflight.delete(key);
      };
      const promise = start(controller.signal);
      promise.then(
        () => (reuse && this.reuseMs > 0 ? setTimeout(forget, this.reuseMs).unref() : forget()),
        forget,
      );
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
