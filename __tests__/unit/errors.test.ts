import { PortalError, toPortalError } from '@/lib/errors';

describe('PortalError', () => {
  it('is known by instanceof whichever copy of lib/errors made it, as in another Next.js bundle', () => {
    let made: unknown;
    let otherClass: unknown;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const other = require('@/lib/errors') as typeof import('@/lib/errors');
      otherClass = other.PortalError;
      made = other.storeUnavailable();
    });
    expect(otherClass).not.toBe(PortalError);
    expect(made).toBeInstanceOf(PortalError);
    // Passed through as it is: its 503 and code, not turned into a 500.
    expect(toPortalError(made)).toBe(made);
    expect(toPortalError(made)).toMatchObject({ status: 503, code: 'store_unavailable' });
  });

  it('is not any error', () => {
    expect(new Error('plain')).not.toBeInstanceOf(PortalError);
    expect({ code: 'store_unavailable', status: 503 }).not.toBeInstanceOf(PortalError);
    expect(null).not.toBeInstanceOf(PortalError);
  });
});
