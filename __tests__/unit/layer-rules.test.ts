import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The project's own ESLint run (the config `npm test` lints with) over files that break the layers of
// docs/architecture.md, each at the path it would have: every bad import is reported by the rule that
// holds that layer, and the same imports where they belong are not.
const ROOT = path.resolve(__dirname, '../..');

function lint(filename: string, code: string): string[] {
  const result = spawnSync('npx', ['eslint', '--stdin', '--stdin-filename', filename, '--format', 'json'], { cwd: ROOT, input: code, encoding: 'utf8' });
  const [file] = JSON.parse(result.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return file!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'layers/no-server-only-in-client').map((m) => `${m.ruleId}: ${m.message.split(':')[0]}`);
}

it('keeps pages and routes off the ICE client: they read through lib/jobs', () => {
  const route = `import { iceClient } from '@/lib/ice/client';\nimport { readJob } from '@/lib/jobs/reads';\nexport const x = [iceClient, readJob];\n`;
  expect(lint('app/api/jobs/bad/route.ts', route)).toEqual([expect.stringMatching(/^no-restricted-imports: '@\/lib\/ice\/client' import is restricted/)]);
  expect(lint('lib/jobs/fine.ts', route)).toEqual([]);
});

it('keeps lib/jobs from reaching up to the request, the viewer or the audit', () => {
  const reach = `import { headers } from 'next/headers';\nimport { currentViewer } from '@/lib/auth/viewer';\nimport { writeAuditLine } from '@/lib/http/audit';\nexport const x = [headers, currentViewer, writeAuditLine];\n`;
  const reported = lint('lib/jobs/bad.ts', reach);
  expect(reported).toHaveLength(3);
  expect(reported.every((line) => line.startsWith('no-restricted-imports'))).toBe(true);
  expect(lint('lib/http/fine.ts', reach)).toEqual([]);
});

it("keeps server-only modules out of 'use client' files, types aside", () => {
  const client = `'use client';\nimport { appStore } from '@/lib/store/app-store';\nimport type { TokenHolder } from '@/lib/tokens/api-tokens';\nimport { TOKEN_PREFIX } from '@/lib/tokens/token-limits';\nexport const x: [unknown, TokenHolder | undefined, string] = [appStore, undefined, TOKEN_PREFIX];\n`;
  expect(lint('components/bad.tsx', client)).toEqual(["layers/no-server-only-in-client: '@/lib/store/app-store' is server-only (it imports 'server-only')"]);
  // The same imports in a server component are its business.
  expect(lint('components/fine.tsx', client.replace("'use client';\n", ''))).toEqual([]);
});
