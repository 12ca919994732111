import type { PortalError } from '@/lib/errors';
import { translatorFor } from '@/lib/i18n/request-locale';

// Small self-contained HTML answers for what happens before a page can render (sign-in failures, a
// path that cannot be decoded, too many requests): a real status, a way forward, every value escaped,
// in the reader's language. No script at all, so the strictest CSP fits.

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export interface PageLink {
  href: string;
  text: string;
}

export interface HtmlPage {
  status: number;
  /** BCP 47 language of the words below. */
  lang: string;
  title: string;
  message: string;
  links: PageLink[];
  headers?: Record<string, string>;
}

export function htmlPage({ status, lang, title, message, links, headers = {} }: HtmlPage): Response {
  const nav = links.map((link) => `<a href="${escape(link.href)}">${escape(link.text)}</a>`).join(' · ');
  const html = `<!doctype html><html lang="${escape(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}a{color:#0550ae}@media(prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}a{color:#58a6ff}}</style></head>
<body><main><h1>${escape(title)}</h1><p>${escape(message)}</p><p>${nav}</p></main></body></html>`;
  return new Response(html, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': CSP, 'content-language': lang, vary: 'Accept-Language, Cookie', ...headers },
  });
}

export type SignInFailure = 'expired' | 'idp_refused' | 'unverified' | 'too_large' | 'unavailable';

type RequestLike = Parameters<typeof translatorFor>[0];

/** The sign-in routes' failures: what went wrong, and the way back in. */
export function signInErrorPage(request: RequestLike, status: number, failure: SignInFailure): Response {
  const { locale, t } = translatorFor(request);
  return htmlPage({
    status,
    lang: locale,
    title: t(`auth.failures.${failure}.title`),
    message: t(`auth.failures.${failure}.message`),
    links: [
      { href: '/auth/login', text: t('auth.signInAgain') },
      { href: '/jobs', text: t('auth.jobList') },
    ],
  });
}

/** An address whose percent-escapes do not decode: refused before any route sees it. */
export function badAddressPage(request: RequestLike): Response {
  const { locale, t } = translatorFor(request);
  return htmlPage({
    status: 400,
    lang: locale,
    title: t('plainPages.badAddressTitle'),
    message: t('errors.messages.invalid_path'),
    links: [{ href: '/jobs', text: t('plainPages.jobList') }],
  });
}

/** The shared store cannot say whether the session and budget allow this (STORE_FAIL_CLOSED). */
export function storeUnavailablePage(request: RequestLike, error: PortalError, returnTo: string): Response {
  const { locale, t } = translatorFor(request);
  return htmlPage({
    status: error.status,
    lang: locale,
    title: t('plainPages.unavailableTitle'),
    message: t('errors.messages.store_unavailable'),
    links: [{ href: returnTo, text: t('plainPages.reload') }],
    headers: error.retryAfterSeconds ? { 'retry-after': String(error.retryAfterSeconds) } : {},
  });
}

/** Over the per-user budget: how long to wait, and the same page again. */
export function tooManyRequestsPage(request: RequestLike, waitSeconds: number, returnTo: string): Response {
  const { locale, t } = translatorFor(request);
  return htmlPage({
    status: 429,
    lang: locale,
    title: t('plainPages.tooManyTitle'),
    message: t('plainPages.tooManyMessage', { waitSeconds }),
    links: [{ href: returnTo, text: t('plainPages.reload') }],
    headers: { 'retry-after': String(waitSeconds) },
  });
}
