import 'server-only';
import { cache } from 'react';
import { iceClient } from '@/lib/ice/client';

/** One GetMediaInfoJob per page render, shared by the page and its metadata. */
export const loadJob = cache((jobId: string) => iceClient().getMediaInfoJob(jobId));
