import { defineConfig } from 'vitest/config';

/**
 * The integration tests of the store, rules, review and export run a second time on PostgreSQL
 * when a server is given (TONGHOP_TEST_PG, started by .ci/postgres): tests/helpers/store-target.ts
 * then gives each store a database of its own instead of a SQLite file.
 */
const BOTH_ENGINES = [
  'tests/integration/reconcile-store.test.ts',
  'tests/integration/effective-figures.test.ts',
  'tests/integration/figures-by-indicator.test.ts',
  'tests/integration/decisions-audit.test.ts',
  'tests/integration/entry-core.test.ts',
  'tests/integration/import-samples.test.ts',
  'tests/integration/units-across-years.test.ts',
  'tests/integration/export/export-samples.test.ts',
  'tests/integration/accounts-and-roles.test.ts',
  'tests/integration/passwords-and-throttling.test.ts',
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
  'tests/integration/figures-references.test.ts',
  'tests/integration/copy-store-order.test.ts',
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
  // Browser mode on a PostgreSQL store of its own (tests/e2e/helpers/server.ts). Not clerk-month:
  // it opens a store left at migration 6, which PostgreSQL's stores (from migration 15) never were.
  'tests/e2e/accounts-and-roles.test.ts',
  'tests/e2e/audit-screen.test.ts',
  'tests/e2e/catalog-screen.test.ts',
  'tests/e2e/decisions.test.ts',
  'tests/e2e/demo-data.test.ts',
  'tests/e2e/english-messages.test.ts',
  'tests/e2e/entry-approval.test.ts',
  'tests/e2e/figures-grid.test.ts',
  'tests/e2e/flag-link.test.ts',
  'tests/e2e/flag-source.test.ts',
  'tests/e2e/flags-scale.test.ts',
  'tests/e2e/history-backup-demo.test.ts',
  'tests/e2e/import-cancel.test.ts',
  'tests/e2e/import-preview.test.ts',
  'tests/e2e/import-summary.test.ts',
  'tests/e2e/setup.test.ts',
  'tests/e2e/trend-chart.test.ts',
  'tests/e2e/passwords.test.ts',
  'tests/e2e/store-refresh.test.ts',
];

const common = { testTimeout: 60_000, hookTimeout: 120_000, pool: 'forks' as const, globalSetup: ['tests/global-setup.ts'] };

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
