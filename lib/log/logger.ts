// Structured logs: pino, one JSON object per line on stdout. Every record is redacted as a value
// before pino serialises it (lib/log/redact.ts), so a line always parses, whatever a caller sent.
//
// A line is queued with the time it was logged, and redacted, serialised and written once the current
// turn of the event loop is over, all queued lines in one write: off the request's path. Redacting,
// serialising and a synchronous write to a pipe came to about 0.17 ms of the two lines of every API
// call at idle, a sixth of all the portal added to a call (measured, docs/benchmarks.md). Lines keep
// their order, and whatever is queued is written before the process exits. proxy.ts and each route
// bundle have a copy of this module, each with its queue: their writes keep the order in which each
// first logged in a turn.
import pino from 'pino';
import { redactValue } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What pino has serialised since the last write. */
let written = '';
const logger = pino(
  {
    level: process.env.LOG_LEVEL || 'info',
    base: undefined,
    // The time is taken when the line is logged (the record's first field), not when it is written.
    timestamp: false,
    formatters: {
      level: (label) => ({ level: label }),
      log: (record) => redactValue(record) as Record<string, unknown>,
    },
  },
  { write: (line: string) => void (written += line) },
);

/** Lines logged and not yet written, and whether a write is due. */
const queued: [LogLevel, Record<string, unknown>][] = [];
let scheduled = false;

export function log(level: LogLevel, event: string, fields: Record<string, unknown> = {}): void {
  if (!logger.isLevelEnabled(level)) return;
  queued.push([level, { time: new Date().toISOString(), event, ...fields }]);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flushLogs);
    // Held only while lines wait: one listener kept by every copy of this module (each test file of a
    // jest worker loads its own) went past Node's limit of ten and warned of a leak.
    process.on('exit', flushLogs);
  }
}

/** Writes every queued line now: at exit, and for tests that read what was logged. */
export function flushLogs(): void {
  if (scheduled) process.off('exit', flushLogs);
  scheduled = false;
  for (const [level, record] of queued.splice(0)) logger[level](record);
  if (written) {
    const text = written;
    written = '';
    // Through process.stdout (not a raw fd), so everything written is ordered with Next's own output.
    process.stdout.write(text);
  }
}

