// Small self-contained HTML answers for what happens before a page can render (sign-in failures, a
// path that cannot be decoded, too many requests): a real status, a way forward, and every value
// escaped. No script at all, so the strictest CSP fits.

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export interface PageLink {
  href: string;
  text: string;
}

export function htmlPage(status: number, title: string, message: string, links: PageLink[], headers: Record<string, string> = {}): Response {
  const nav = links.map((link) => `<a href="${escape(link.href)}">${escape(link.text)}</a>`).join(' · ');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}a{color:#0550ae}@media(prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}a{color:#58a6ff}}</style></head>
<body><main><h1>${escape(title)}</h1><p>${escape(message)}</p><p>${nav}</p></main></body></html>`;
  return new Response(html, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': CSP, ...headers },
  });
}


/** The sign-in routes' failures: what went wrong, and the way back in. */
export function signInErrorPage(status: number, title: string, message: string): Response {
  return htmlPage(status, title, message, [
    { href: '/auth/login', text: 'Sign in again' },
    { href: '/jobs', text: 'Job list' },
  ]);
}
