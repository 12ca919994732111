import { safeReturnTo } from '@/lib/auth/return-to';

describe('safeReturnTo', () => {
  it.each([
    '/jobs/ab4802364a2e49208c99efab82df0001',
    '/jobs?Status=Fail&PageSize=20&Trail=a.b,c.d',
    '/jobs?JobId=x#raw',
  ])('keeps the same-origin path %s exactly', (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  it.each([
    '//evil.example',
    '///evil.example',
    'https://evil.example/jobs',
    'http:evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/%5Cevil.example'.replace('%5C', '\\'),
    '%2F%2Fevil.example',
    'javascript:alert(1)',
    ' //evil.example',
    '/\t/evil.example',
    '/auth/login?returnTo=//evil.example',
    '',
    'jobs',
    // Dot segments that collapse into a protocol-relative URL once normalised (the security review's finding 1).
    '/..//evil.example/x',
    '/.//evil.example',
    '/%2e%2e//evil.example',
    '/.%2e//evil.example',
    '/jobs/..//evil.example',
    '/jobs/%2E%2E/%2E%2E//evil.example',
  ])('turns %j into the job list', (payload) => {
    expect(safeReturnTo(payload)).toBe('/jobs');
  });

  it('keeps an encoded double slash as a harmless path on this origin', () => {
    expect(safeReturnTo('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
  });

  it('drops the query when the normalised path would outgrow the login cookie', () => {
    expect(safeReturnTo(`/jobs/abc?Trail=${'é'.repeat(1400)}`)).toBe('/jobs/abc');
    expect(safeReturnTo(`/jobs/${'é'.repeat(1400)}`)).toBe('/jobs');
  });

  it('refuses absurdly long values', () => {
    expect(safeReturnTo(`/jobs?x=${'a'.repeat(5000)}`)).toBe('/jobs');
  });
});
