import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIsFresh } from '@/harness/portal-build';

// A fake checkout: a completed build at t = 1000 s and files written before or after it.
let root: string;

function write(file: string, seconds: number): void {
  const target = path.join(root, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, '');
  utimesSync(target, seconds, seconds);
  // A folder's own mtime counts too (a deleted file changes only that): keep folders old.
  for (let dir = path.dirname(target); dir.startsWith(root) && dir !== root; dir = path.dirname(dir)) utimesSync(dir, 1, 1);
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'portal-build-'));
  for (const source of ['app/page.tsx', 'lib/ice/client.ts', 'proxy.ts', 'instrumentation.ts', 'next.config.js']) write(source, 500);
  write('.next/standalone/server.js', 1000);
  write('.next/standalone/.portal-build-complete', 1000);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

it('counts a build as fresh when no source changed after it', () => {
  expect(buildIsFresh(root)).toBe(true);
});

it.each(['app/page.tsx', 'lib/ice/client.ts', 'proxy.ts', 'instrumentation.ts', 'next.config.js'])('builds again after %s changes', (source) => {
  write(source, 2000);
  expect(buildIsFresh(root)).toBe(false);
});

it.each(['harness/portal-stack.ts', 'scripts/demo.ts', 'bench/run.ts', '__tests__/unit/x.test.ts', 'emulator/server.ts', 'README.md'])(
  'does not build again after %s changes: the portal never imports it',
  (file) => {
    write(file, 2000);
    expect(buildIsFresh(root)).toBe(true);
  },
);

it('builds when the last build did not complete (no marker)', () => {
  rmSync(path.join(root, '.next/standalone/.portal-build-complete'));
  expect(buildIsFresh(root)).toBe(false);
});
