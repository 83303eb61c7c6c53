import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Server-only packages with native, WASM or worker parts: loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "ioredis", "minio", "libphonenumber-js"],
  poweredByHeader: false,
  // end-to-end tests build into their own folder so they never disturb a developer's running server
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
};

export default nextConfig;
