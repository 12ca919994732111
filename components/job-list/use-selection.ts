'use client';

import { useCallback, useMemo } from 'react';
import { MAX_SELECTED, SELECT_PARAM } from '@/lib/jobs/list-query';
import { setUrlParam, useUrlParam } from './url-param';

// The list's selected JobIds, kept in the URL (Select=) so a reload or a shared link keeps them.

const JOB_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function useSelection(): { selected: string[]; setSelected: (ids: string[]) => void } {
  const raw = useUrlParam(SELECT_PARAM);
  const selected = useMemo(() => (raw ? [...new Set(raw.split(','))].filter((id) => JOB_ID.test(id)).slice(0, MAX_SELECTED) : []), [raw]);
  const setSelected = useCallback((ids: string[]) => setUrlParam(SELECT_PARAM, ids.length > 0 ? ids.slice(0, MAX_SELECTED).join(',') : null), []);
  return { selected, setSelected };
}
