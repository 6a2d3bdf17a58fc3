import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    globalSetup: ['test/unit/setup/temp-dir.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // electron-store imports 'electron': processed by Vite, it gets the tests' mock of Electron.
    server: { deps: { inline: ['electron-store'] } },
  },
});
