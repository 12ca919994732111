import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from '@/harness/browser';
import { startEmulatorProcess, type EmulatorProcess } from '@/harness/emulator-process';
import { signInThrough, startFakeIdp } from '@/harness/fake-idp';
import type { PortalProcess } from '@/harness/portal-process';
import { startOidcPortalAgainst } from '@/harness/portal-stack';

// A browser signed in to the portal: the session cookie signInThrough returned, set for the loopback
// host (so every portal on it, whatever its port, reads it), in a context of the reader's language and screen.

export interface Session {
  name: string;
  value: string;
}

export interface Screen {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** false: a browser that runs no script, as some readers' do. */
  javaScriptEnabled?: boolean;
}

/** The `name=value` signInThrough gives, as a cookie to set. */
export function sessionOf(cookie: string): Session {
  const [name, ...value] = cookie.split('=');
  return { name: name!, value: value.join('=') };
}

export async function signedInContext(browser: Browser, session: Session, locale: string, screen: Screen = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale, ...screen });
  await context.addCookies([{ ...session, domain: '127.0.0.1', path: '/' }]);
  return context;
}

/** An emulator, a fake IdP, one portal signed in to it, and a browser: what most browser tests start. */
export interface SignedInStack {
  emulator: EmulatorProcess;
  idp: Awaited<ReturnType<typeof startFakeIdp>>;
  portal: PortalProcess;
  browser: Browser;
  session: Session;
  stop: () => Promise<void>;
}

export async function startSignedInStack(
  clientId: string,
  emulatorArgs: string[],
  portalEnv: Record<string, string> = {},
  claims?: (claims: Record<string, unknown>) => Record<string, unknown>,
): Promise<SignedInStack> {
  const [emulator, idp, browser] = await Promise.all([startEmulatorProcess(emulatorArgs), startFakeIdp(clientId), launchBrowser()]);
  const portal = await startOidcPortalAgainst(emulator.url, idp, portalEnv);
  const session = sessionOf(await signInThrough(portal.url, idp, claims));
  return {
    emulator,
    idp,
    portal,
    browser,
    session,
    stop: async () => {
      await browser.close();
      await Promise.all([portal.stop(), emulator.stop(), idp.close()]);
    },
  };
}
