import { canonicalQuery, computeSignature, percentEncode, stringToSign } from '@/emulator/signature';

describe('RPC signature 1.0', () => {
  // Alibaba Cloud's published worked example for RPC signing (ECS DescribeRegions).
  const published = {
    AccessKeyId: 'testid',
    Action: 'DescribeRegions',
    Format: 'XML',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
    SignatureVersion: '1.0',
    Timestamp: '2016-02-23T12:46:24Z',
    Version: '2014-05-26',
  };

  it('reproduces the published string to sign and signature', () => {
    expect(stringToSign('GET', published)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    expect(computeSignature('GET', published, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('encodes per RFC 3986: space as %20, * as %2A, ~ kept', () => {
    expect(percentEncode("a b*c~d!'()")).toBe('a%20b%2Ac~d%21%27%28%29');
  });

  it('sorts by name and leaves Signature out of the canonical query', () => {
    expect(canonicalQuery({ b: '2', Signature: 'x', a: '1', B: '3' })).toBe('B=3&a=1&b=2');
  });

  it('signs POST differently from GET', () => {
    expect(computeSignature('POST', published, 'testsecret')).not.toBe(computeSignature('GET', published, 'testsecret'));
  });
});
