// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // pop-core needs Node built-ins (os, querystring) and must not be bundled.
  serverExternalPackages: ['@alicloud/pop-core'],
  // The container image and the tests run .next/standalone/server.js with only its traced files.
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
};

module.exports = nextConfig;
