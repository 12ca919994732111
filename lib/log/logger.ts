// Structured logs: pino, one JSON object per line on stdout. Every record is redacted as a value
// before pino serialises it (lib/log/redact.ts), so a line always parses, whatever a caller sent.
import pino from 'pino';
import { redactValue } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const logger = pino(
  {
    level: process.env.LOG_LEVEL || 'info',
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (record) => redactValue(record) as Record<string, unknown>,
    },
  },
  // Through process.stdout (not a raw fd), so everything written is ordered with Next's own output.
  process.stdout,
);

export function log(level: LogLevel, event: string, fields: Record<string, unknown> = {}): void {
  logger[level]({ event, ...fields });
}
