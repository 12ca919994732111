import { auditedParams, LineSampler } from '@/lib/http/audit';

const KNOWN = ['Status', 'PageSize', 'JobId'];

describe('auditedParams', () => {
  it('keeps the known parameters by value and only counts the others', () => {
    const search = new URLSearchParams('Status=Fail&PageSize=5&x=secret&Signature=abc&Status=Init');
    expect(auditedParams(search, KNOWN)).toEqual({ params: { Status: 'Fail', PageSize: '5' }, otherParams: 3 });
  });

  it('caps a line about 1,400 junk parameters far below a kilobyte and a half', () => {
    const junk = new URLSearchParams(Array.from({ length: 1400 }, (_, i) => [`junk${i}`, 'v'.repeat(10)]));
    junk.append('JobId', 'j'.repeat(5000));
    const audited = auditedParams(junk, KNOWN);
    expect(audited.otherParams).toBe(1400);
    expect(audited.params.JobId).toHaveLength(200);
    expect(JSON.stringify(audited).length).toBeLessThan(1500);
  });

  it('stops adding known parameters past about 1 KB', () => {
    const names = Array.from({ length: 8 }, (_, i) => `Param${i}`);
    const search = new URLSearchParams(names.map((name) => [name, 'x'.repeat(200)]));
    const audited = auditedParams(search, names);
    expect(Object.keys(audited.params)).toEqual(names.slice(0, 4)); // 4 × 206 characters fit in 1,024; a fifth does not
    expect(audited.otherParams).toBe(4);
  });
});

describe('LineSampler', () => {
  it('writes 60 lines a minute, then skips, then reports how many it skipped', () => {
    const sampler = new LineSampler(60);
    const t = 5_000_000;
    const written = Array.from({ length: 100 }, () => sampler.admit(t)).filter(Boolean);
    expect(written).toHaveLength(60);
    expect(sampler.admit(t + 1000)).toEqual({ skippedBefore: 40 });
    expect(sampler.admit(t + 2000)).toEqual({});
  });
});
