// The control API under /__emulator, for tests and drills: health, request counters, faults and
// fixture jobs. It answers local processes only (control-guard.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { refuseControlRequest } from './control-guard';
import { faultConfigSchema, type Faults } from './faults';
import { MAX_BODY_BYTES, readBody, sendJson } from './http-io';
import type { MediaInfoJob } from './ice-types';
import type { JobStore } from './job-store';
import type { RequestStats } from './request-stats';

export interface ControlApiOptions {
  store: JobStore;
  faults: Faults;
  stats: RequestStats;
}

export function createControlApi({ store, faults, stats }: ControlApiOptions) {
  const dispatch = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const route = `${req.method} ${path}`;
    switch (route) {
      case 'GET /__emulator/health':
        return sendJson(res, 200, { ok: true, jobs: store.size, statuses: store.statusCounts() });
      case 'GET /__emulator/stats':
        return sendJson(res, 200, stats);
      case 'DELETE /__emulator/stats':
        stats.reset();
        return sendJson(res, 200, stats);
      case 'GET /__emulator/faults':
        return sendJson(res, 200, faults.current);
      case 'PUT /__emulator/faults': {
        const parsed = faultConfigSchema.safeParse(await readJson(req));
        if (!parsed.success) return sendJson(res, 400, { error: 'invalid fault configuration', issues: parsed.error.issues });
        faults.replace(parsed.data);
        return sendJson(res, 200, faults.current);
      }
      case 'DELETE /__emulator/faults':
        faults.reset();
        return sendJson(res, 200, faults.current);
      case 'POST /__emulator/jobs': {
        const job = (await readJson(req)) as MediaInfoJob | undefined;
        if (!job || typeof job.JobId !== 'string' || !['Init', 'Success', 'Fail'].includes(job.Status)) {
          return sendJson(res, 400, { error: 'a job needs a string JobId and a Status of Init, Success or Fail' });
        }
        if (!store.add(job)) return sendJson(res, 409, { error: `job ${job.JobId} exists already` });
        return sendJson(res, 201, { JobId: job.JobId });
      }
      default:
        return sendJson(res, 404, { error: `no control route ${route}` });
    }
  };

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const refusal = refuseControlRequest(req);
    if (refusal) return sendJson(res, refusal.status, { error: refusal.error });
    try {
      await dispatch(req, res, url.pathname);
    } catch (error) {
      if (!(error instanceof BadRequestBody)) throw error;
      sendJson(res, error.status, { error: error.message });
    }
  };
}

class BadRequestBody extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text: string;
  try {
    text = await readBody(req);
  } catch {
    throw new BadRequestBody(413, `the body exceeds ${MAX_BODY_BYTES} bytes`);
  }
  try {
    return text === '' ? {} : JSON.parse(text);
  } catch {
    throw new BadRequestBody(400, 'the body is not JSON');
  }
}
