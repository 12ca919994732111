// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

// next-intl finds the per-request language and messages in i18n/request.ts. Its catalog loader
// compiles messages/*.json at build time (icu-minify), so no request parses an ICU message or builds
// an IntlMessageFormat, and the browser gets the small format-only runtime; README, "Benchmarks".
const withNextIntl = createNextIntlPlugin({
  requestConfig: './i18n/request.ts',
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // pop-core needs Node built-ins (os, querystring); pino loads its parts at run time: neither is
  // bundled. ioredis and rate-limiter-flexible are plain Node packages loaded once from node_modules,
  // rather than copied into every bundle (proxy.ts, each route). PGlite loads its WebAssembly and data
  // files from beside its own modules, so it stays whole in node_modules.
  serverExternalPackages: ['@alicloud/pop-core', 'pino', 'ioredis', 'rate-limiter-flexible', '@electric-sql/pglite'],
  // The container image and the tests run .next/standalone/server.js with only its traced files.
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  // Sent with every response, static files included; the CSP (with a per-request nonce) comes from
  // proxy.ts. Browsers honour HSTS only over https, so sending it on plain http is harmless.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
        ],
      },
    ];
  },
  // The portal shows no images through next/image: without the optimizer, /_next/image cannot be made
  // to fetch or decode anything (a malformed url= parameter used to answer a bare 500).
  images: { unoptimized: true },
  // forbidden() answers a signed-in but not allowed user with a real 403 (app/forbidden.tsx).
  experimental: { authInterrupts: true },
};

module.exports = withNextIntl(nextConfig);
