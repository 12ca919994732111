import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import portal from './eslint-rules/no-literal-text.mjs';
import layers from './eslint-rules/no-server-only-in-client.mjs';

// `next lint` is gone in Next 16: ESLint runs directly, as part of `npm test`.
export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // Names starting with _ are deliberately unused (destructuring a field away, compile-time checks).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Every word on screen comes from messages/*.json, in the reader's language (#13).
    files: ['app/**/*.tsx', 'components/**/*.tsx'],
    plugins: { portal },
    rules: { 'portal/no-literal-text': 'error' },
  },
  {
    // A child's stream the code needs is asked for when it is spawned (stdio 'pipe'), so its type has
    // it: a `!` once hid that the demo piped a stream that had become a file, and the demo crashed.
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSNonNullExpression > MemberExpression.expression[property.name=/^std(in|out|err)$/]',
          message: "Ask for the stream when the process is spawned (stdio: 'pipe') so that its type has it, instead of asserting it with `!`.",
        },
      ],
    },
  },
  // The layers (docs/architecture.md): ICE is read through lib/jobs, which knows no request; the browser
  // gets no server-only module.
  {
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@/lib/ice/client', message: 'Read ICE through lib/jobs/reads.ts (or the scan): pages and routes do not call the ICE client.' }] },
      ],
    },
  },
  {
    files: ['lib/jobs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'next/headers', message: 'lib/jobs knows no request: take what it needs (a signal, whose read it is) as a value.' }],
          patterns: [
            {
              group: ['@/lib/http', '@/lib/http/*', '@/lib/auth', '@/lib/auth/*'],
              message: 'lib/jobs does not reach up into lib/http or lib/auth: the page or the route passes the viewer and the request in as values, and audits.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['app/**/*.tsx', 'components/**/*.tsx', 'components/**/*.ts', 'lib/**/*.ts', 'lib/**/*.tsx'],
    plugins: { layers },
    // The server logs through lib/log (redacted, structured); a browser's console is nobody's log: a
    // debugging line once shipped in every page's script.
    rules: { 'layers/no-server-only-in-client': 'error', 'no-console': 'error' },
  },
  {
    // Next and jest read these as CommonJS.
    files: ['*.config.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  globalIgnores(['.next/**', 'out/**', 'build/**', 'next-env.d.ts', 'coverage/**', 'test-results/**', 'bench/output/**', '__tests__/support/empty-module.js']),
]);
