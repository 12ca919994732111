import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { flushLogs, log } from '@/lib/log/logger';
import { redactText, redactValue, registerSecrets } from '@/lib/log/redact';
import { captureLogs } from '../../support/log-capture';

// The logger writes through process.stdout: every line it writes here is read back and parsed.
let capture: ReturnType<typeof captureLogs>;
beforeEach(() => {
  capture = captureLogs();
});
afterEach(() => capture.restore());

const HOSTILE = ['Signature=\\"', 'Signature=\\', 'AccessKeyId=\\"}, "forged": "x', '\\', '"', '\u0000\n\r\u2028', 'Signature%3D%5C%22', '{"Signature": "\\"', 'x'.repeat(300)];

describe('writing', () => {
  it('writes what is still queued when the process exits', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', "require('./lib/log/logger.ts').log('info', 'last-words', { n: 1 }); process.exit(0)"], {
      cwd: path.resolve(__dirname, '../../..'),
      encoding: 'utf8',
    });
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toMatchObject({ level: 'info', event: 'last-words', n: 1 });
  });

  it('holds an exit listener only while lines wait, one however many are queued', () => {
    // listeners(), not listenerCount(): jest's process object answers the latter from its own copy.
    const held = () => process.listeners('exit').filter((listener) => listener === flushLogs).length;
    expect(held()).toBe(0);
    log('info', 'one');
    log('info', 'two');
    expect(held()).toBe(1);
    flushLogs();
    expect(held()).toBe(0);
    expect(capture.lines()).toHaveLength(2);
  });
});

describe('log lines', () => {
  it.each(HOSTILE)('stay one parseable JSON line whatever a caller sends (%j)', (value) => {
    log('info', 'audit', { params: { x: value, [value]: 'key' }, path: `/api/jobs?${value}` });
    const lines = capture.lines();
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(lines[0]!.trimEnd()).not.toContain('\n');
    const parsed = JSON.parse(lines[0]!) as { event: string; params: Record<string, string>; forged?: string };
    expect(parsed.event).toBe('audit');
    expect(parsed.forged).toBeUndefined();
    expect(JSON.stringify(parsed)).not.toMatch(/Signature(=|%3D|":\s*")(?!\[redacted\])[^&\s"',]/i);
  });

  it('blanks registered secrets and signed-URL parameters by value and by field name', () => {
    registerSecrets(['an-auth-secret-value-0123456789']);
    log('warn', 'example', { message: 'sealed with an-auth-secret-value-0123456789', url: 'http://ice/?AccessKeyId=LTAIabc&Signature=xyz', Signature: 'bare', nested: { SecurityToken: 'sts' } });
    const parsed = JSON.parse(capture.lines()[0]!) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      message: 'sealed with [redacted]',
      url: 'http://ice/?AccessKeyId=[redacted]&Signature=[redacted]',
      Signature: '[redacted]',
      nested: { SecurityToken: '[redacted]' },
    });
  });
});

describe('redactValue', () => {
  it('copies without touching what it need not', () => {
    const record = { a: 1, b: [true, null, 'plain'], c: { d: 'text' } };
    expect(redactValue(record)).toEqual(record);
    expect(redactText('Signaturex=keep')).toBe('Signaturex=keep');
  });

  it('blanks a registered secret as it is and URL-encoded, in keys and values', () => {
    registerSecrets(['sts/token+with=chars', 'short']);
    const encoded = encodeURIComponent('sts/token+with=chars');
    expect(redactValue({ url: `https://ice/?x=${encoded}&y=1`, said: 'got sts/token+with=chars back', [encoded]: 'as a key' })).toEqual({
      url: 'https://ice/?x=[redacted]&y=1',
      said: 'got [redacted] back',
      '[redacted]': 'as a key',
    });
    // Too short to be a real secret: blanking it would blank ordinary words.
    expect(redactText('a short note')).toBe('a short note');
  });

  it('stops at a depth no log line reaches instead of walking forever', () => {
    let deep: Record<string, unknown> = { leaf: 'x' };
    for (let i = 0; i < 20; i++) deep = { deep };
    expect(JSON.stringify(redactValue(deep))).toContain('[too deep]');
  });
});
