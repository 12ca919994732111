// Runs once when the server starts (see lib/startup/on-server-start.ts). Nothing runs at build time,
// where the image and CI have no secrets, and nothing on the Edge runtime, which the portal does not use.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { onServerStart } = await import('./lib/startup/on-server-start');
    onServerStart();
  }
}
