// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // pop-core needs Node built-ins (os, querystring) and must not be bundled.
  serverExternalPackages: ['@alicloud/pop-core'],
  poweredByHeader: false,
  reactStrictMode: true,
};

module.exports = nextConfig;
