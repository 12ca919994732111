// A client component ('use client') is sent to the browser with everything it imports for code: a
// module marked `import 'server-only'` (credentials, the store, ICE's client) must never be among them.
// Next.js fails the build when that happens, but only for what the build reaches and with a message
// about the bundler; this rule says it at the import, in `npm test`, for every client file. Type-only
// imports are erased and pass. Imports are resolved as the project resolves them: `@/` from the
// repository's root, `./` from the file, with the .ts, .tsx and /index.ts endings.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const ENDINGS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];
const SERVER_ONLY = /^\s*import\s+['"]server-only['"]/m;
const marked = new Map();

function resolved(from, source) {
  const base = source.startsWith('@/') ? path.join(ROOT, source.slice(2)) : source.startsWith('.') ? path.resolve(path.dirname(from), source) : undefined;
  if (!base) return undefined;
  return ENDINGS.map((ending) => base + ending).find((file) => existsSync(file) && !file.endsWith('/'));
}

function isServerOnly(file) {
  if (!marked.has(file)) marked.set(file, SERVER_ONLY.test(readFileSync(file, 'utf8')));
  return marked.get(file);
}

const isClientFile = (program) => program.body.some((node) => node.type === 'ExpressionStatement' && node.directive === 'use client');

export const noServerOnlyInClient = {
  meta: {
    type: 'problem',
    docs: { description: "A 'use client' file must not import a server-only module" },
    messages: { serverOnly: "'{{source}}' is server-only (it imports 'server-only'): a client component cannot import it. Pass what it needs as props, or read it through /api." },
    schema: [],
  },
  create(context) {
    let client = false;
    return {
      Program(node) {
        client = isClientFile(node);
      },
      ImportDeclaration(node) {
        if (!client || node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'))) return;
        const file = resolved(context.filename, node.source.value);
        if (file && isServerOnly(file)) context.report({ node, messageId: 'serverOnly', data: { source: node.source.value } });
      },
    };
  },
};

const plugin = { rules: { 'no-server-only-in-client': noServerOnlyInClient } };
export default plugin;
