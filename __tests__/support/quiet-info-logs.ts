// In-process clients (the scan and Redis suites) log every ICE call at info level, about a thousand
// lines a run that buried the test report in CI. Info and debug lines of the portal's logger are left
// out of this process's stdout; warnings and errors still show, and captureLogs() sees every line,
// since its spy takes the place of this filter while it lasts. A worker runs many test files, each
// of which runs this file: the filter is put in place once per process.
const QUIET = Symbol.for('ice-portal.quiet-info-logs');
const stdout = process.stdout as typeof process.stdout & { [QUIET]?: true };

if (!stdout[QUIET]) {
  stdout[QUIET] = true;
  const write = stdout.write.bind(stdout) as (...args: unknown[]) => boolean;
  const INFO_LINE = /^\{"level":"(info|debug)",[^\n]*\n?/gm;
  stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (typeof chunk !== 'string' || !chunk.startsWith('{"level":')) return write(chunk, ...rest);
    const kept = chunk.replace(INFO_LINE, '');
    return kept ? write(kept, ...rest) : true;
  }) as typeof stdout.write;
}
