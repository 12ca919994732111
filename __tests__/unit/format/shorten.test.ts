import fc from 'fast-check';
import { shortenMiddle } from '@/lib/format/shorten';

describe('shortenMiddle', () => {
  it('leaves text that fits as it is', () => {
    expect(shortenMiddle('talk.mp4', 8)).toBe('talk.mp4');
    expect(shortenMiddle('', 5)).toBe('');
  });

  it('keeps both ends of a long name, the start a little longer', () => {
    expect(shortenMiddle('2026-12-05-11-29-40_2026-12-05-12-15-36.ts', 24)).toBe('2026-12-05-11…2-15-36.ts');
  });

  it('never cuts a character in half', () => {
    expect(shortenMiddle('🎬'.repeat(30), 10)).toBe(`${'🎬'.repeat(5)}…${'🎬'.repeat(4)}`);
  });

  it('gives at most max characters, with the start and end of the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }).filter((text) => !text.includes('…')), fc.integer({ min: 3, max: 80 }), (text, max) => {
        const short = shortenMiddle(text, max);
        const characters = Array.from(text);
        if (characters.length <= max) return expect(short).toBe(text);
        expect(Array.from(short)).toHaveLength(max);
        const [start, end] = short.split('…');
        expect(text.startsWith(start!)).toBe(true);
        expect(text.endsWith(end!)).toBe(true);
      }),
    );
  });
});
