/** A time as ICE writes and reads it: UTC, whole seconds, no fraction (`2026-12-06T03:10:00Z`). */
export const iceTime = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
