// Injected upstream trouble, for tests and drills: what a client of ICE must survive.
// Set by flags at start, replaced or reset at run time through /__emulator/faults.
import { z } from 'zod';
import type { Random } from './random';

export const FAULT_KINDS = [
  'throttle', // Throttling.User, HTTP 400 as ICE sends it (clients must read the code, not the status)
  'internalError', // InternalError, HTTP 500
  'serviceUnavailable', // ServiceUnavailable, HTTP 503
  'badGateway', // an HTML 502 page from the load balancer, not JSON
  'truncatedJson', // a 200 whose JSON body stops half-way
  'hang', // headers never come; the socket stays open until the client gives up
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const rate = z.number().min(0).max(1);

export const faultConfigSchema = z
  .object({
    /** Added to every ICE request before it is answered. */
    latencyMs: z.number().int().min(0).max(600_000).default(0),
    /** Uniform extra latency in [0, jitterMs]. */
    jitterMs: z.number().int().min(0).max(600_000).default(0),
    /** Share of ICE requests that fail with each kind, drawn independently per request. */
    rates: z.object(Object.fromEntries(FAULT_KINDS.map((k) => [k, rate.default(0)])) as Record<FaultKind, z.ZodDefault<typeof rate>>).strict().default(
      Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
    ),
    /** Faults for the next requests, one each, in order, before any rate applies: exact and repeatable. */
    queue: z.array(z.enum(FAULT_KINDS)).max(1000).default([]),
    /** The emulator's clock runs this far ahead (negative: behind), so signed timestamps look stale. */
    clockSkewMs: z.number().int().min(-7 * 86_400_000).max(7 * 86_400_000).default(0),
  })
  .strict()
  .refine((c) => Object.values(c.rates).reduce((a, b) => a + b, 0) <= 1, {
    message: 'the fault rates add up to more than 1',
    path: ['rates'],
  });

export type FaultConfig = z.infer<typeof faultConfigSchema>;

export const noFaults = (): FaultConfig => faultConfigSchema.parse({});

export class Faults {
  private config: FaultConfig;

  constructor(
    private readonly initial: FaultConfig,
    private readonly random: Random,
  ) {
    this.config = structuredClone(initial);
  }

  get current(): FaultConfig {
    return this.config;
  }

  replace(config: FaultConfig): void {
    this.config = config;
  }

  /** Back to what the flags said at start. */
  reset(): void {
    this.config = structuredClone(this.initial);
  }

  /** The fault for the next ICE request, if any. */
  draw(): FaultKind | undefined {
    const queued = this.config.queue.shift();
    if (queued) return queued;
    let r = this.random.next();
    for (const kind of FAULT_KINDS) {
      r -= this.config.rates[kind];
      if (r < 0) return kind;
    }
    return undefined;
  }

  latencyMs(): number {
    const { latencyMs, jitterMs } = this.config;
    return latencyMs + (jitterMs > 0 ? this.random.int(0, jitterMs) : 0);
  }

  nowMs(): number {
    return Date.now() + this.config.clockSkewMs;
  }
}
