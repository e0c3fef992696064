import { defineConfig } from 'vitest/config';

/**
 * The integration tests of the store, rules, review and export run a second time on PostgreSQL
 * when a server is given (TONGHOP_TEST_PG, started by .ci/postgres): tests/helpers/store-target.ts
 * then gives each store a database of its own instead of a SQLite file.
 */
const BOTH_ENGINES = [
  'tests/integration/reconcile-store.test.ts',
  'tests/integration/effective-figures.test.ts',
  'tests/integration/decisions-audit.test.ts',
  'tests/integration/entry-core.test.ts',
  'tests/integration/import-samples.test.ts',
  'tests/integration/units-across-years.test.ts',
  'tests/integration/export/export-samples.test.ts',
  'tests/integration/accounts-and-roles.test.ts',
  'tests/integration/store-changes.test.ts',
  'tests/integration/preview-from-store.test.ts',
  'tests/integration/ask-period.test.ts',
  'tests/integration/catalog-as-data.test.ts',
  'tests/integration/import-history.test.ts',
  'tests/integration/import-skipped-and-raised.test.ts',
  'tests/integration/import-jobs.test.ts',
  'tests/integration/unmapped-once.test.ts',
  'tests/integration/odd-returns.test.ts',
  'tests/integration/generated-returns.test.ts',
  'tests/integration/export/export-to-file.test.ts',
  'tests/integration/export/print-report.test.ts',
  'tests/integration/export/libreoffice-export.test.ts',
  'tests/integration/review-queries.test.ts',
  'tests/integration/check/check-thread.test.ts',
  'tests/integration/bad-files.test.ts',
  'tests/integration/provinces.test.ts',
  'tests/integration/cli.test.ts',
  'tests/integration/entry-cli.test.ts',
  'tests/integration/formats.test.ts',
  'tests/integration/legacy-encodings.test.ts',
  'tests/integration/preview-header.test.ts',
  'tests/integration/preview-and-demo.test.ts',
  'tests/integration/backup-and-demo.test.ts',
  'tests/integration/memory-bounds.test.ts',
  'tests/integration/layouts-libreoffice.test.ts',
  'tests/integration/libreoffice-files.test.ts',
  'tests/integration/postgres/*.test.ts',
  'tests/e2e/two-desks.test.ts',
];

const common = { testTimeout: 60_000, hookTimeout: 120_000, pool: 'forks' as const };

export default defineConfig({
  test: {
    projects: [
      { test: { ...common, name: 'sqlite', include: ['tests/**/*.test.ts'], exclude: ['tests/integration/postgres/**'] } },
      ...(process.env.TONGHOP_TEST_PG
        ? [{ test: { ...common, name: 'postgres', include: BOTH_ENGINES, env: { TONGHOP_TEST_ENGINE: 'postgres' } } }]
        : []),
    ],
  },
});
