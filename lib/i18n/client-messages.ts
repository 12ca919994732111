// The messages a page sends to the browser: only the namespaces that code running there reads
// (useTranslations in a client component, or in anything a client component imports). Every page
// carried all of them before, 11 KB of its flight data, serialised and written into its HTML on each
// request, though the browser reads fewer than half (server components translate on the server).
// __tests__/unit/i18n/client-messages.test.ts walks the client modules' imports and fails when one
// reads a namespace missing here, or when one listed here is no longer read in the browser.

/** Top-level namespaces, or a dotted path for part of one. */
export const CLIENT_NAMESPACES = [
  'checks.brief',
  'copy',
  'errors',
  'export',
  'filters',
  'header',
  'insights.live',
  'job.poller',
  'job.raw',
  'job.streams',
  'list',
  'pager',
  'search',
  'status',
  'submit',
  'time',
  'tokens',
  'values',
  'views',
] as const;

type Tree = { [key: string]: unknown };

// The same messages object for every request in one language: picked once for it.
const picked = new WeakMap<object, Tree>();

export function clientMessages(messages: Tree): Tree {
  let out = picked.get(messages);
  if (!out) {
    out = {};
    for (const path of CLIENT_NAMESPACES) copyPath(messages, out, path.split('.'));
    picked.set(messages, out);
  }
  return out;
}

function copyPath(from: Tree, to: Tree, [head, ...rest]: string[]): void {
  const value = from[head!];
  if (value === undefined) return;
  if (rest.length === 0) {
    to[head!] = value;
    return;
  }
  const branch = (to[head!] ??= {}) as Tree;
  copyPath(value as Tree, branch, rest);
}
