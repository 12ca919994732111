import type { Browser, BrowserContext } from 'playwright-core';

// A browser signed in to the portal: the session cookie signInThrough returned, set for the loopback
// host (so every portal on it, whatever its port, reads it), in a context of the reader's language and screen.

export interface Session {
  name: string;
  value: string;
}

export interface Screen {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
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
