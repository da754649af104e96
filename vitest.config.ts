import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      // Pure logic: `npm run test:unit`. A few tests also run what they write (shellcheck, Python,
      // R, the changelog command): 30 s, so a busy 2-core machine does not fail them on time alone.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      // The recipes against the loopback API, and verify:live: `npm run test:workflows` (real
      // processes: Prism, Redocly Respect, curl, Python, R).
      // One file at a time: each starts several processes of its own.
      {
        test: { name: 'workflows', include: ['tests/workflows/**/*.test.ts'], environment: 'node', testTimeout: 180_000, hookTimeout: 120_000, fileParallelism: false },
      },
    ],
  },
});
