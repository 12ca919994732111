import type { User } from '@/lib/auth/access';
import { rerunPrefill } from '@/lib/submit/rerun-prefill';
import { maySubmit } from '@/lib/submit/submit-access';
import { parseSubmitConfig } from '@/lib/submit/submit-config';

const person = (over: Partial<User> = {}): User => ({ sub: 's', email: 'ann@corp.example', emailVerified: true, groups: [], ...over });

describe('maySubmit', () => {
  const config = parseSubmitConfig({ AUTH_SUBMIT_GROUPS: 'Media-Ops, probers', AUTH_SUBMIT_EMAIL_DOMAINS: 'Probe.Example' });

  it('lets in a member of a submit group, whatever the case', () => {
    expect(maySubmit(person({ groups: ['MEDIA-OPS'] }), 'oidc', config)).toBe(true);
  });

  it('lets in a verified email of a submit domain, and not an unverified one', () => {
    expect(maySubmit(person({ email: 'cat@probe.example' }), 'oidc', config)).toBe(true);
    expect(maySubmit(person({ email: 'cat@probe.example', emailVerified: false }), 'oidc', config)).toBe(false);
    expect(maySubmit(person({ email: 'cat@sub.probe.example' }), 'proxy-jwt', config)).toBe(false);
  });

  it('lets nobody in when neither list is set, and anyone without sign-in only with ALLOW_ANONYMOUS_SUBMIT', () => {
    const none = parseSubmitConfig({});
    expect(maySubmit(person({ groups: ['media-ops'] }), 'oidc', none)).toBe(false);
    expect(maySubmit(person(), 'none', none)).toBe(false);
    expect(maySubmit(person(), 'none', parseSubmitConfig({ ALLOW_ANONYMOUS_SUBMIT: 'true' }))).toBe(true);
  });

  it('refuses a configuration that is not understood, naming the variable', () => {
    expect(() => parseSubmitConfig({ ALLOW_ANONYMOUS_SUBMIT: 'yes' })).toThrow(/ALLOW_ANONYMOUS_SUBMIT must be true or false/);
    expect(() => parseSubmitConfig({ SUBMIT_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/SUBMIT_RATE_LIMIT_PER_MINUTE/);
  });
});

describe('rerunPrefill', () => {
  it("fills the form from the job: input, type, marked name, pretty UserData, pipeline, priority, region", () => {
    const prefill = rerunPrefill(
      { JobId: 'j1', Name: 'intro', Input: { Type: 'OSS', Media: 'oss://b/a.mp4' }, UserData: '{"id":12345678901234567890123}', ScheduleConfig: { PipelineId: 'p1', Priority: '6' }, Status: 'Fail' } as never,
      'cn-beijing',
      (name) => `${name} (re-run)`,
      'a.mp4',
    );
    expect(prefill).toEqual({
      media: 'oss://b/a.mp4',
      type: 'OSS',
      name: 'intro (re-run)',
      userData: '{\n  "id": 12345678901234567890123\n}',
      pipelineId: 'p1',
      priority: 6,
      region: 'cn-beijing',
      rerunOf: 'j1',
    });
  });

  it('names an unnamed job by its file, and leaves out what the job does not have or ICE would refuse', () => {
    const prefill = rerunPrefill({ JobId: 'j2', Input: { Type: 'Weird', Media: 'x' }, ScheduleConfig: { Priority: '42' }, Status: 'Fail' } as never, 'cn-shanghai', (n) => `${n}*`, 'x');
    expect(prefill).toEqual({ media: 'x', name: 'x*', region: 'cn-shanghai', rerunOf: 'j2' });
  });
});
