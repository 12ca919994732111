import { granularityFor } from '@/components/ui/use-clock';

it('moves "ago" text by the second for the first minute, by ten seconds for the first hour, then by the minute', () => {
  expect(granularityFor(0)).toBe(1000);
  expect(granularityFor(59_999)).toBe(1000);
  expect(granularityFor(60_000)).toBe(10_000);
  expect(granularityFor(3_599_999)).toBe(10_000);
  expect(granularityFor(3_600_000)).toBe(60_000);
  expect(granularityFor(Number.POSITIVE_INFINITY)).toBe(60_000);
});
