// Next's server stops accepting connections on SIGTERM and waits for requests in flight, with no
// limit. This puts a limit on it: after SHUTDOWN_TIMEOUT_MS the process exits anyway, so a hung
// upstream call cannot hold a deployment.

const DEFAULT_SHUTDOWN_TIMEOUT_MS = 25_000;

export function boundShutdown(log: (message: string) => void): void {
  const timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS) > 0 ? Number(process.env.SHUTDOWN_TIMEOUT_MS) : DEFAULT_SHUTDOWN_TIMEOUT_MS;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log(`${signal}: finishing requests in flight, for at most ${timeoutMs} ms`);
      setTimeout(() => {
        log(`requests still running after ${timeoutMs} ms; exiting`);
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
}
