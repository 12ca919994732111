describe('userRateLimiter', () => {
  it('spends one budget per process, whichever bundle asks (the store lives on globalThis)', async () => {
    // Each isolated registry is what proxy.ts and a route bundle are: separate copies of the module.
    const load = () => {
      let copy: typeof import('@/lib/http/rate-limit') | undefined;
      jest.isolateModules(() => {
        copy = jest.requireActual<typeof import('@/lib/http/rate-limit')>('@/lib/http/rate-limit');
      });
      return copy!;
    };
    const proxyCopy = load();
    const routeCopy = load();
    expect(proxyCopy).not.toBe(routeCopy);
    const user = `user-${Math.random()}`;
    await expect(proxyCopy.userRateLimiter(2).take(user)).resolves.toBe(0);
    await expect(routeCopy.userRateLimiter(2).take(user)).resolves.toBe(0);
    const wait = await proxyCopy.userRateLimiter(2).take(user);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
  });
});
