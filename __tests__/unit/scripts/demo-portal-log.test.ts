import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { followLog, terminalLine } from '@/scripts/demo-portal-log';

describe('terminalLine', () => {
  it('leaves the info lines and Next.js’s greeting in the file', () => {
    for (const line of [
      '{"level":"info","time":"2026-12-05T12:56:38.355Z","event":"store","store":"memory"}',
      '{"level":"debug","event":"x"}',
      '▲ Next.js 16.4.6',
      '- Local:         http://127.0.0.1:3000',
      '- Network:       http://127.0.0.1:3000',
      '✓ Ready in 0ms',
      '✓ Running next.config took 3ms',
      '',
      '   ',
    ]) {
      expect(terminalLine(line)).toBeUndefined();
    }
  });

  it('shows a warning or an error as one readable line with its other fields', () => {
    expect(terminalLine('{"level":"warn","time":"t","event":"store_degraded","message":"Redis did not answer","failures":3}')).toBe(
      'portal warn: store_degraded: Redis did not answer {"failures":3}',
    );
    expect(terminalLine('{"level":"error","time":"t","event":"config_invalid","problems":["AUTH_SECRET is too short"]}')).toBe(
      'portal error: config_invalid {"problems":["AUTH_SECRET is too short"]}',
    );
  });

  it('shows whatever else the portal printed, such as Next.js’s own errors and a stack trace', () => {
    expect(terminalLine(' ⨯ Error: boom')).toBe('portal:  ⨯ Error: boom');
    expect(terminalLine('    at render (app/page.js:1:1)')).toBe('portal:     at render (app/page.js:1:1)');
    expect(terminalLine('{not json')).toBe('portal: {not json');
    expect(terminalLine('{"no":"level"}')).toBe('portal: {"no":"level"}');
  });
});

describe('followLog', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'follow-log-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('hands out each line once, whole, as it is written, and the unfinished last one at the stop', async () => {
    const file = path.join(dir, 'portal.log');
    writeFileSync(file, 'first\nsec');
    const lines: string[] = [];
    const follower = followLog(file, (line) => lines.push(line), 10);
    await new Promise((r) => setTimeout(r, 50));
    expect(lines).toEqual(['first']);
    // A character of three bytes, written one byte at a time across reads.
    const wide = Buffer.from('ond 作\n');
    for (const byte of wide) {
      appendFileSync(file, Buffer.from([byte]));
      await new Promise((r) => setTimeout(r, 15));
    }
    appendFileSync(file, 'last, unfinished');
    follower.stop();
    follower.stop();
    expect(lines).toEqual(['first', 'second 作', 'last, unfinished']);
  });
});
