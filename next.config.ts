import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Server-only packages with native, WASM or worker parts: loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "ioredis", "minio", "libphonenumber-js"],
  poweredByHeader: false,
};

export default nextConfig;
