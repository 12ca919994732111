// First-load JavaScript of a page: every script its HTML references, gzipped, as a browser would
// fetch them on a cold visit. Compared with a bare App Router page built in the same run (bare-next.ts).
import { gzipSync } from 'node:zlib';

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
