// How a sortable table orders its rows: numbers numerically, text by the reader's language (pinyin
// order for Chinese under zh-CN's collation; "track 10" after "track 9" in both), missing values last
// whichever the direction.

export type SortValue = number | string | undefined;

export function sortRows<T>(rows: T[], value: (row: T) => SortValue, descending: boolean, collator: Intl.Collator): T[] {
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === undefined) return y === undefined ? 0 : 1;
    if (y === undefined) return -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return descending ? -order : order;
  });
}
