// `npx tsx bench/profile-summary.ts <file.cpuprofile> [rows]`: self time of a V8 CPU profile (from
// `node --cpu-prof`), grouped by where the code lives: a package under node_modules, a file of the
// portal's build (.next/server/...), a Node.js internal module, or V8's own entries such as
// (garbage collector). Code in the build is traced back through its source maps to the package or
// source file it came from (zod, next-intl, lib/...). Shares are of busy time, that is without (idle).
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

const maps = new Map<string, SourceMap | undefined>();
function sourceMapOf(url: string): SourceMap | undefined {
  if (!maps.has(url)) {
    const file = `${url.startsWith('file:') ? fileURLToPath(url) : url}.map`;
    // The standalone output leaves the maps out; the same chunk's map sits in the build beside it.
    const found = [file, file.replace('/.next/standalone/.next/', '/.next/')].find((f) => existsSync(f));
    maps.set(url, found ? new SourceMap(JSON.parse(readFileSync(found, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]) : undefined);
  }
  return maps.get(url);
}

/** The package or source file a built function came from, or undefined when its map does not say. */
function originalSource(node: ProfileNode): string | undefined {
  const map = sourceMapOf(node.callFrame.url);
  const entry = map?.findEntry(node.callFrame.lineNumber, node.callFrame.columnNumber) as { originalSource?: string } | undefined;
  const source = entry?.originalSource;
  if (!source) return undefined;
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (inPackage) return `bundled ${inPackage[1]}`;
  return `ours ${source.replace(/^.*\[project\]\//, '').replace(/^(\.\.\/)+/, '')}`;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function groupOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName || 'anonymous'}`;
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage) return inPackage[1]!;
  if (url.startsWith('node:')) return url;
  const built = /\.next\/(server\/.*)$/.exec(url);
  if (built) return originalSource(node) ?? `bundle ${built[1]}`;
  return url.replace(/^file:\/\//, '');
}

function main(): void {
  const [file, rows = '15'] = process.argv.slice(2);
  if (!file) throw new Error('usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [rows]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const group = new Map(profile.nodes.map((n) => [n.id, groupOf(n)]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const name = group.get(id) ?? '?';
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const busy = [...self].filter(([name]) => name !== '(idle)').reduce((sum, [, us]) => sum + us, 0);
  console.log(`busy ${(busy / 1000).toFixed(0)} ms, idle ${((self.get('(idle)') ?? 0) / 1000).toFixed(0)} ms`);
  const top = [...self].filter(([name]) => name !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, Number(rows));
  const ours = [...self].filter(([name]) => name.startsWith('ours ')).reduce((sum, [, us]) => sum + us, 0);
  console.log(`our own source files together: ${((100 * ours) / busy).toFixed(1)}% of busy time`);
  for (const [name, us] of top) console.log(`${((100 * us) / busy).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
}

main();
