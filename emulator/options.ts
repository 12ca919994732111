// Command-line flags and environment of the emulator, parsed into EmulatorOptions with a clear
// message per bad flag.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Credentials } from './authenticate';
import { faultConfigSchema } from './faults';
import type { EmulatorOptions } from './server';

/** Obviously fake, documented in docs/emulator.md; used when no key pair is set in the environment. */
export const DEMO_CREDENTIALS: Credentials = {
  accessKeyId: 'emulator-demo-key-id',
  accessKeySecret: 'emulator-demo-key-secret',
};

export const USAGE = `Usage: npm run emulator -- [flags]

A local stand-in for Alibaba Cloud ICE media-info jobs (ListMediaInfoJobs, GetMediaInfoJob,
SubmitMediaInfoJob, SubmitSyncMediaInfoJob), signed requests verified as ICE does.

  --host <addr>              address to bind                      (default 127.0.0.1)
  --port <n>                 port, 0 for any free one             (default 9100)
  --jobs <n>                 seeded jobs, 0 to 1000000            (default 500)
  --seed <n>                 dataset seed                         (default 1)
  --anchor <iso time>        newest create time of the dataset    (default: start time)
  --job-delay-ms <n>         how long a submitted job stays Init  (default 2000)
  --sync-probe-ms <n>        how long SubmitSyncMediaInfoJob takes (default 1200)
  --region <id>              region named in HostId               (default cn-shanghai)
faults (change at run time with PUT /__emulator/faults):
  --latency-ms <n>           added to every ICE request           (default 0)
  --jitter-ms <n>            plus a uniform extra 0..n ms         (default 0)
  --throttle-rate <0..1>     share answered Throttling.User       (default 0)
  --internal-error-rate <r>  share answered InternalError 500
  --unavailable-rate <r>     share answered ServiceUnavailable 503
  --bad-gateway-rate <r>     share answered with an HTML 502 page
  --truncated-json-rate <r>  share answered with cut-off JSON
  --hang-rate <r>            share never answered
  --clock-skew-ms <n>        emulator clock offset (stale signatures)
  --help                     this text

Credentials: ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET when set (both or neither),
else the demo pair ${DEMO_CREDENTIALS.accessKeyId} / ${DEMO_CREDENTIALS.accessKeySecret}.
With ALIBABA_CLOUD_SECURITY_TOKEN set, requests must carry that SecurityToken.`;

export class OptionsError extends Error {}

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const rate = z.coerce.number().min(0).max(1).default(0);

const flagsSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: int(0, 65535).default(9100),
  jobs: int(0, 1_000_000).default(500),
  seed: int(0, 2 ** 32 - 1).default(1),
  anchor: z.iso.datetime({ offset: true }).optional(),
  'job-delay-ms': int(0, 3_600_000).default(2000),
  'sync-probe-ms': int(0, 600_000).default(1200),
  region: z.string().regex(/^[a-z0-9-]+$/).default('cn-shanghai'),
  'latency-ms': int(0, 600_000).default(0),
  'jitter-ms': int(0, 600_000).default(0),
  'throttle-rate': rate,
  'internal-error-rate': rate,
  'unavailable-rate': rate,
  'bad-gateway-rate': rate,
  'truncated-json-rate': rate,
  'hang-rate': rate,
  'clock-skew-ms': z.coerce.number().int().default(0),
});

const FLAG_NAMES = Object.keys(flagsSchema.shape);

/** Returns the options, or 'help' when --help was asked for; throws OptionsError naming bad flags. */
export function parseEmulatorOptions(argv: string[], env: Record<string, string | undefined>): EmulatorOptions | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { ...Object.fromEntries(FLAG_NAMES.map((name) => [name, { type: 'string' as const }])), help: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new OptionsError(`${(error as Error).message}\nRun with --help for the flags.`);
  }
  if (values.help) return 'help';

  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) {
    throw new OptionsError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const flags = parsed.data;
  const faults = faultConfigSchema.safeParse({
    latencyMs: flags['latency-ms'],
    jitterMs: flags['jitter-ms'],
    clockSkewMs: flags['clock-skew-ms'],
    rates: {
      throttle: flags['throttle-rate'],
      internalError: flags['internal-error-rate'],
      serviceUnavailable: flags['unavailable-rate'],
      badGateway: flags['bad-gateway-rate'],
      truncatedJson: flags['truncated-json-rate'],
      hang: flags['hang-rate'],
    },
  });
  if (!faults.success) throw new OptionsError('the --*-rate flags add up to more than 1');

  return {
    host: flags.host,
    port: flags.port,
    jobs: flags.jobs,
    seed: flags.seed,
    anchorMs: flags.anchor ? Date.parse(flags.anchor) : Math.floor(Date.now() / 1000) * 1000,
    jobDelayMs: flags['job-delay-ms'],
    syncProbeMs: flags['sync-probe-ms'],
    region: flags.region,
    credentials: credentialsFrom(env),
    faults: faults.data,
  };
}

function credentialsFrom(env: Record<string, string | undefined>): Credentials {
  const accessKeyId = env.ALIBABA_CLOUD_ACCESS_KEY_ID || undefined;
  const accessKeySecret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET || undefined;
  if (!accessKeyId !== !accessKeySecret) {
    throw new OptionsError('set both ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or neither for the demo pair');
  }
  const base = accessKeyId && accessKeySecret ? { accessKeyId, accessKeySecret } : DEMO_CREDENTIALS;
  const securityToken = env.ALIBABA_CLOUD_SECURITY_TOKEN || undefined;
  return securityToken ? { ...base, securityToken } : base;
}
