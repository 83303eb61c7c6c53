import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/support/setup-runtime.ts"],
    env: { NODE_ENV: "test", LOG_LEVEL: "silent" },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: { name: "unit-and-integration", include: ["src/**/*.test.ts", "tests/**/*.test.ts"], exclude: ["tests/e2e/**", "**/node_modules/**"] },
      },
      {
        // each browser test starts `bun run dev`; two cores compile one app at a time well, several not
        extends: true,
        test: { name: "browser", include: ["tests/e2e/**/*.test.ts"], poolOptions: { forks: { singleFork: true } }, hookTimeout: 180_000 },
      },
    ],
  },
});
