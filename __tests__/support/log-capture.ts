import { flushLogs } from '@/lib/log/logger';

// What this process logs, line by line, for tests that check it. The logger writes after the current
// turn of the event loop, several lines at a time: reading flushes it first and splits the writes.
export function captureLogs(): { lines(): string[]; restore(): void } {
  const writes: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    writes.push(String(chunk));
    return true;
  });
  return {
    lines: () => {
      flushLogs();
      return writes.join('').split(/(?<=\n)/).filter((line) => line.trim() !== '');
    },
    restore: () => {
      flushLogs();
      spy.mockRestore();
    },
  };
}
