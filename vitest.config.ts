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
    // Two test files at a time on a 2-core machine (vitest's default is one fewer than the cores): much of
    // the suite waits on child processes (the CLI, a pseudo-terminal, a browser), so a second file uses
    // the time the first spends waiting. Measured quiet: 309 s with one, 228 s with two and no isolation.
    maxWorkers: 2,
    // One process runs many test files in turn, keeping the modules it has already loaded (zod, xstate, the
    // model) instead of loading them again for each of the 60-odd files. Safe here because no test mocks a
    // module, stubs a global or changes process.env or the working directory (the CLI tests pass their
    // environment to the child they spawn).
    isolate: false,
    // The CLI tests run the compiled bin/brink: build dist/ first when a source changed.
    globalSetup: ['test/helpers/global-setup.ts'],
  },
});
