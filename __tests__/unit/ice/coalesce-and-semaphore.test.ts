import { Coalescer } from '@/lib/ice/coalesce';
import { Semaphore } from '@/lib/ice/semaphore';

const deferred = <T,>() => {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

describe('Coalescer', () => {
  it('starts one call for identical keys in flight, and a new one after it settles', async () => {
    const coalescer = new Coalescer<number>();
    const gate = deferred<number>();
    const start = jest.fn(() => gate.promise);
    const a = coalescer.run('k', start);
    const b = coalescer.run('k', start);
    gate.resolve(42);
    await expect(Promise.all([a, b])).resolves.toEqual([42, 42]);
    expect(start).toHaveBeenCalledTimes(1);
    await coalescer.run('k', async () => 7);
    expect(coalescer.size).toBe(0);
  });

  it('reuses a successful answer for reuseMs, but never a failure', async () => {
    const coalescer = new Coalescer<number>(100);
    const start = jest.fn(async () => 1);
    await coalescer.run('k', start);
    await coalescer.run('k', start);
    expect(start).toHaveBeenCalledTimes(1);
    await new Promise((r) => setTimeout(r, 150));
    await coalescer.run('k', start);
    expect(start).toHaveBeenCalledTimes(2);

    const failing = jest.fn(async () => {
      throw new Error('upstream down');
    });
    await expect(coalescer.run('f', failing)).rejects.toThrow('upstream down');
    await expect(coalescer.run('f', failing)).rejects.toThrow('upstream down');
    expect(failing).toHaveBeenCalledTimes(2);
  });

  it('forgets an answer asked with reuse: false as soon as it arrives, while sharing it in flight', async () => {
    const coalescer = new Coalescer<number>(10_000);
    const gate = deferred<number>();
    const start = jest.fn(() => gate.promise);
    const both = Promise.all([coalescer.run('k', start, undefined, { reuse: false }), coalescer.run('k', start)]);
    gate.resolve(3);
    await expect(both).resolves.toEqual([3, 3]);
    expect(start).toHaveBeenCalledTimes(1);
    expect(coalescer.size).toBe(0);
    await coalescer.run('k', start);
    expect(start).toHaveBeenCalledTimes(2);
  });

  it('aborts the shared call only when the last waiter leaves', async () => {
    const coalescer = new Coalescer<number>();
    let sharedSignal!: AbortSignal;
    const start = (signal: AbortSignal) => {
      sharedSignal = signal;
      return new Promise<number>(() => undefined);
    };
    const one = new AbortController();
    const two = new AbortController();
    const a = coalescer.run('k', start, one.signal);
    const b = coalescer.run('k', start, two.signal);
    one.abort(new Error('one left'));
    await expect(a).rejects.toThrow('one left');
    expect(sharedSignal.aborted).toBe(false);
    two.abort(new Error('two left'));
    await expect(b).rejects.toThrow('two left');
    expect(sharedSignal.aborted).toBe(true);
    expect(coalescer.size).toBe(0);
  });
});

describe('Semaphore', () => {
  it('lets at most the limit through and hands slots on in order', async () => {
    const semaphore = new Semaphore(2);
    const r1 = await semaphore.acquire();
    const r2 = await semaphore.acquire();
    const order: number[] = [];
    const third = semaphore.acquire().then((r) => (order.push(3), r));
    const fourth = semaphore.acquire().then((r) => (order.push(4), r));
    expect(semaphore.inFlight).toBe(2);
    r1();
    r1(); // a second release of the same slot changes nothing
    (await third)();
    r2();
    (await fourth)();
    expect(order).toEqual([3, 4]);
    expect(semaphore.inFlight).toBe(0);
  });

  it('drops a waiter whose signal aborts', async () => {
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire();
    const controller = new AbortController();
    const waiting = semaphore.acquire({ signal: controller.signal });
    controller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    release();
    expect(semaphore.inFlight).toBe(0);
  });

  it('gives a freed slot to a foreground waiter before any background one, whoever came first', async () => {
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire();
    const order: string[] = [];
    const scanPages = [1, 2].map((n) => semaphore.acquire({ background: true }).then((r) => (order.push(`scan ${n}`), r)));
    const listPage = semaphore.acquire().then((r) => (order.push('list'), r));
    release();
    (await listPage)();
    for (const page of scanPages) (await page)();
    expect(order).toEqual(['list', 'scan 1', 'scan 2']);
  });

  it('never lets a background waiter pass one that waits already, even with a slot free', async () => {
    const semaphore = new Semaphore(2);
    const first = await semaphore.acquire();
    const second = await semaphore.acquire();
    const queued = semaphore.acquire();
    first();
    (await queued)();
    // One slot is free again and nobody waits: a background waiter takes it at once.
    const background = await semaphore.acquire({ background: true });
    expect(semaphore.inFlight).toBe(2);
    background();
    second();
    expect(semaphore.inFlight).toBe(0);
  });
});
