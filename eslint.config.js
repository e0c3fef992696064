// Lint, and the import boundaries of STYLE.md: the core never imports electron; shared/ is pure.
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'shared/ and renderer/ run in the browser too: no node:* here.' };
const electron = { name: 'electron', message: 'Only main/electron and main/preload may import electron.' };

// The core's layering (STYLE.md): each folder of main/core may import only the folders below it,
// so the data path file -> read -> recognise -> ingest -> store -> check -> review -> export has no
// arrow running back up. A folder not listed here imports none of the others.
const CORE_FOLDERS = ['text', 'catalog', 'registry', 'file', 'read', 'recognise', 'reconcile', 'store', 'ingest', 'check', 'review', 'export', 'api'];
const MAY_IMPORT = {
  text: [],
  catalog: ['text'],
  registry: ['text'],
  file: ['text'],
  read: ['file', 'text'],
  recognise: ['read', 'file', 'catalog', 'registry', 'text'],
  reconcile: ['catalog', 'text'],
  store: ['registry', 'reconcile', 'catalog', 'text'],
  ingest: ['store', 'recognise', 'read', 'file', 'catalog', 'registry', 'text'],
  check: ['store', 'reconcile', 'catalog', 'registry', 'text'],
  review: ['check', 'store', 'ingest', 'read', 'file', 'reconcile', 'catalog', 'registry', 'text'],
  export: ['store', 'reconcile', 'catalog', 'registry', 'text'],
  api: CORE_FOLDERS.filter((f) => f !== 'api'),
};
const layering = Object.entries(MAY_IMPORT).map(([folder, allowed]) => ({
  files: [`main/core/${folder}/**/*.ts`],
  rules: {
    'no-restricted-imports': ['error', {
      paths: [electron],
      patterns: [
        ...CORE_FOLDERS.filter((f) => f !== folder && !allowed.includes(f))
          .map((f) => ({ group: [`../${f}/*`, `../../${f}/*`, `../${f}`, `../../${f}`], message: `main/core/${folder} may import only ${allowed.join(', ') || 'shared/'}: ${f} lies above it.` })),
        { group: ['**/renderer/**', '**/main/electron/**', '**/main/app/**', '**/tools/**'], message: 'The core runs without the UI, the shells or dev tools.' },
        ...(folder === 'store' ? [] : [{ group: ['**/store/statements', '**/store/sql*'], message: 'The store owns SQL: add a query function in main/core/store/queries instead.' }]),
      ],
    }],
  },
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'test-artifacts/', 'scripts/*-tmp.*'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // A check or write started and not awaited fails out of sight and, in a server, takes the
    // process down: promises in the main process are awaited, returned or given a catch.
    files: ['main/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electron, { name: 'react', message: 'shared/ is not UI code.' }], patterns: [nodeBuiltins, { group: ['**/main/**', '**/renderer/**'], message: 'shared/ imports nothing of the app.' }] }],
    },
  },
  {
    files: ['main/core/**/*.ts', 'main/cli/**/*.ts', 'main/http/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electron], patterns: [{ group: ['**/renderer/**'], message: 'The core does not know the UI.' }, { group: ['**/main/electron/**'], message: 'The core runs without Electron.' }] }],
    },
  },
  ...layering,
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electron], patterns: [nodeBuiltins, { group: ['**/main/**'], message: 'The renderer talks to main only through shared/api.ts.' }] }],
    },
  },
);
