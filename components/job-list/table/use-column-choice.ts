'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { COLUMNS_PARAM } from '@/lib/jobs/list-query';
import { localSetting } from '@/components/ui/local-setting';
import { setUrlParam, useUrlParam } from '../url-param';
import { CHOOSABLE_COLUMNS, type ChoosableColumn } from './job-columns';

// Which of the list's columns a person has chosen to show or hide. Only explicit choices are kept: a
// column nobody touched follows its default (the failure reason shows while the page holds a failed
// job). Two sources: the URL's Columns (a saved view, a shared link) when it has them, else this
// browser's own choice in localStorage, which the chooser then changes. The server cannot know the
// browser's choice, so server HTML and hydration use the URL's or the defaults.

const stored = localSetting('ice-portal.columns');
const read = () => stored.read() ?? '{}';

export type ColumnChoice = Partial<Record<ChoosableColumn, boolean>>;

const isChoosable = (name: string): name is ChoosableColumn => (CHOOSABLE_COLUMNS as readonly string[]).includes(name);

function parseStored(text: string): ColumnChoice {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object') return {};
    return Object.fromEntries(Object.entries(value).filter(([name, shown]) => isChoosable(name) && typeof shown === 'boolean')) as ColumnChoice;
  } catch {
    return {};
  }
}

/** "size,-media": shown by name, hidden with a minus. */
export function columnsParamOf(choice: ColumnChoice): string {
  return Object.entries(choice)
    .map(([name, shown]) => (shown ? name : `-${name}`))
    .join(',');
}

export function parseColumnsParam(text: string): ColumnChoice {
  const choice: ColumnChoice = {};
  for (const part of text.split(',')) {
    const name = part.replace(/^-/, '');
    if (isChoosable(name)) choice[name] = !part.startsWith('-');
  }
  return choice;
}

function store(choice: ColumnChoice): void {
  stored.write(Object.keys(choice).length === 0 ? null : JSON.stringify(choice));
}

export function useColumnChoice(): { choice: ColumnChoice; choose: (column: ChoosableColumn, shown: boolean) => void; reset: () => void } {
  const fromUrl = useUrlParam(COLUMNS_PARAM);
  const own = useSyncExternalStore(stored.subscribe, read, () => '{}');
  const choice = useMemo(() => (fromUrl !== null ? parseColumnsParam(fromUrl) : parseStored(own)), [fromUrl, own]);
  const choose = useCallback(
    (column: ChoosableColumn, shown: boolean) => {
      if (fromUrl !== null) setUrlParam(COLUMNS_PARAM, columnsParamOf({ ...parseColumnsParam(fromUrl), [column]: shown }));
      else store({ ...parseStored(read()), [column]: shown });
    },
    [fromUrl],
  );
  // Back to the defaults: the URL's choice goes (the browser's own applies), or the browser's own does.
  const reset = useCallback(() => (fromUrl !== null ? setUrlParam(COLUMNS_PARAM, null) : store({})), [fromUrl]);
  return { choice, choose, reset };
}
