// Structured logs: pino, one JSON object per line on stdout, and every line passes redact() on its
// way out, whatever a library put into it.
import pino from 'pino';
import { redact } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const logger = pino(
  {
    level: process.env.LOG_LEVEL || 'info',
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    hooks: { streamWrite: redact },
  },
  // Through process.stdout (not a raw fd), so everything written is ordered with Next's own output.
  process.stdout,
);

export function log(level: LogLevel, event: string, fields: Record<string, unknown> = {}): void {
  logger[level]({ event, ...fields });
}
