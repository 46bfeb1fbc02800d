import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Real servers, browsers and redis-server run in tests: two workers fit a 2-core machine.
    maxWorkers: 2,
  },
});
