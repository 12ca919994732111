import { sortRows } from '@/components/ui/sort-rows';

const names = ['张伟', '阿里', '李娜', '王芳', 'track 10', 'track 9', undefined];
const by = (locale: string, descending = false) => sortRows(names, (n) => n, descending, new Intl.Collator(locale, { numeric: true }));

describe('sortRows: names in the reader’s language', () => {
  it('orders Chinese names by pinyin under zh-CN, with numbered names in number order and missing last', () => {
    expect(by('zh-CN')).toEqual(['阿里', '李娜', '王芳', '张伟', 'track 9', 'track 10', undefined]);
  });

  it('keeps missing values last when descending too', () => {
    expect(by('zh-CN', true)).toEqual(['track 10', 'track 9', '张伟', '王芳', '李娜', '阿里', undefined]);
  });

  it('differs from the English order, which does not know pinyin', () => {
    expect(by('en').slice(2, 6)).not.toEqual(['阿里', '李娜', '王芳', '张伟']);
    expect(by('en').filter((n) => n && !n.startsWith('track'))).not.toEqual(['阿里', '李娜', '王芳', '张伟']);
  });

  it('sorts numbers as numbers', () => {
    expect(sortRows([10, 9, 100], (n) => n, false, new Intl.Collator('en'))).toEqual([9, 10, 100]);
  });
});
