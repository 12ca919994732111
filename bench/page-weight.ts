// First-load JavaScript of a page: every script its HTML references, gzipped, as a browser would
// fetch them on a cold visit. Compared with a bare App Router page built in the same run.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort } from '../scripts/portal-process';

export async function firstLoadJsBytes(pageUrl: string, headers: Record<string, string> = {}): Promise<number> {
  const html = await (await fetch(pageUrl, { headers })).text();
  // noModule scripts are legacy polyfills a current browser never fetches.
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((tag) => !/nomodule/i.test(tag));
  const sources = new Set(tags.map((tag) => /src="([^"]+\.js)"/.exec(tag)?.[1]).filter((src): src is string => !!src));
  let total = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, pageUrl))).arrayBuffer());
    total += gzipSync(body, { level: 9 }).length;
  }
  return total;
}

/** Builds and serves a one-page App Router app with this repository's Next.js and React. */
export async function bareNextPageBytes(root: string): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bare-next-'));
  mkdirSync(path.join(dir, 'app'));
  // The very same next and react packages; Turbopack's root must contain both folders.
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bare', private: true }));
  writeFileSync(path.join(dir, 'next.config.js'), `module.exports = { turbopack: { root: '/' } };\n`);
  writeFileSync(path.join(dir, 'app', 'layout.js'), "export default function L({ children }) { return <html lang=\"en\"><body>{children}</body></html>; }\n");
  writeFileSync(path.join(dir, 'app', 'page.js'), "export const dynamic = 'force-dynamic';\nexport default function P() { return <main><h1>Bare page</h1></main>; }\n");
  const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const build = spawnSync(process.execPath, [next, 'build'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) throw new Error(`bare build failed:\n${build.stdout}\n${build.stderr}`);
  const port = await freePort();
  const server = spawn(process.execPath, [next, 'start', '-p', String(port), '-H', '127.0.0.1'], { cwd: dir, stdio: 'ignore', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  try {
    const url = `http://127.0.0.1:${port}/`;
    for (let i = 0; i < 200; i++) {
      if (await fetch(url).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return await firstLoadJsBytes(url);
  } finally {
    server.kill('SIGTERM');
  }
}
