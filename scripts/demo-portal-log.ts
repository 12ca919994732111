// What `npm run demo` shows of the portal's log. The whole log goes to a file; the terminal gets the
// lines a person should act on: the portal's warnings and errors, and anything it printed that is not a
// log record (Next.js's own errors and warnings, a stack trace), but not the info lines (one for every
// ICE call and every API call) or Next.js's start-up banner.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const SHOWN_LEVELS = new Set(['warn', 'error', 'fatal']);

// Next.js's standalone server greets with these lines (stdout), which say nothing the demo does not.
const BANNER = [/^\s*▲ Next\.js /, /^\s*- (Local|Network):/, /^\s*✓ /];

/** The line to print for one line of the portal's output, or undefined to leave it in the file. */
export function terminalLine(line: string): string | undefined {
  const text = line.trimEnd();
  if (!text.trim()) return undefined;
  const record = logRecord(text);
  if (record) {
    if (!SHOWN_LEVELS.has(record.level)) return undefined;
    const { level, time: _time, event, message, ...rest } = record;
    const said = [event, message].filter((part) => typeof part === 'string' && part).join(': ');
    return `portal ${level}: ${said}${Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : ''}`;
  }
  return BANNER.some((pattern) => pattern.test(text)) ? undefined : `portal: ${text}`;
}

/** One of the portal's own log lines (lib/log/logger.ts): a JSON object with a text level. */
function logRecord(text: string): ({ level: string } & Record<string, unknown>) | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && typeof (value as { level?: unknown }).level === 'string') {
      return value as { level: string } & Record<string, unknown>;
    }
  } catch {
    // Not a record: printed as it is.
  }
  return undefined;
}

export interface LogFollower {
  /** Reads what is left, hands out a last unfinished line too, and stops. */
  stop(): void;
}

/**
 * Hands every complete line written to `file` to `onLine`, checking every `intervalMs` (the server
 * writes the file itself, so there is no stream to listen to). Multi-byte characters split across two
 * reads are kept whole.
 */
export function followLog(file: string, onLine: (line: string) => void, intervalMs = 200): LogFollower {
  const fd = openSync(file, 'r');
  const decoder = new StringDecoder('utf8');
  let offset = 0;
  let pending = '';
  let stopped = false;
  const read = () => {
    const size = fstatSync(fd).size;
    if (size <= offset) return;
    const chunk = Buffer.alloc(size - offset);
    offset += readSync(fd, chunk, 0, chunk.length, offset);
    const lines = (pending + decoder.write(chunk)).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  };
  const timer = setInterval(read, intervalMs);
  timer.unref();
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      read();
      const rest = pending + decoder.end();
      if (rest) onLine(rest);
      pending = '';
      closeSync(fd);
    },
  };
}
