import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Timeouts only catch a hang; no test asserts on time. Many tests wait on real child processes (the
    // CLI, a pseudo-terminal, a browser), which on a shared, loaded 2-core machine take several times their
    // quiet-machine time, so the limit is generous. Tests state no timeouts of their own, so this one
    // number governs them all.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // The CLI tests run the compiled bin/brink: build dist/ first when a source changed.
    globalSetup: ['test/helpers/global-setup.ts'],
  },
});
