'use client';

import { useLocale } from 'next-intl';
import { useMemo, useState, type ReactNode } from 'react';
import { sortRows, type SortValue } from './sort-rows';

export interface Column<T> {
  key: string;
  label: string;
  render: (row: T) => ReactNode;
  /** What the column sorts by; numbers sort numerically, missing values last. */
  sortValue?: (row: T) => SortValue;
  numeric?: boolean;
}

/**
 * A real <table> whose headers sort on click or keyboard, announced through aria-sort; text sorts by the
 * reader's language. `stacked`: on a narrow screen each row becomes a card of labelled lines (each cell
 * carries its column's name for that) instead of a table to scroll sideways.
 */
export function SortableTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  stacked = false,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T, index: number) => string;
  stacked?: boolean;
}) {
  const [sort, setSort] = useState<{ key: string; descending: boolean } | undefined>();
  const locale = useLocale();
  const collator = useMemo(() => new Intl.Collator(locale, { numeric: true }), [locale]);

  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (!column?.sortValue || !sort) return rows;
    return sortRows(rows, column.sortValue, sort.descending, collator);
  }, [rows, columns, sort, collator]);

  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className={stacked ? 'stacked' : undefined}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort?.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
                >
                  {c.sortValue ? (
                    <button
                      type="button"
                      className="sort"
                      onClick={() => setSort({ key: c.key, descending: active ? !sort.descending : false })}
                    >
                      {c.label}
                      <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row, i) => (
            <tr key={rowKey(row, i)}>
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? 'num' : undefined} data-label={stacked ? c.label : undefined}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
