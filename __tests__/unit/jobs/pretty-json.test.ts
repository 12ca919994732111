import fc from 'fast-check';
import { compactIfJson, prettyIfJson } from '@/lib/jobs/pretty-json';

describe('prettyIfJson', () => {
  it('indents a JSON object by two spaces', () => {
    expect(prettyIfJson('{"project":"launch","takes":[1,2],"meta":{"by":"ops"}}')).toEqual({
      text: '{\n  "project": "launch",\n  "takes": [\n    1,\n    2\n  ],\n  "meta": {\n    "by": "ops"\n  }\n}',
      isJson: true,
    });
  });

  it('indents a JSON array, ignoring the whitespace around it', () => {
    expect(prettyIfJson('  ["a", {"b": null}]\n')).toEqual({ text: '[\n  "a",\n  {\n    "b": null\n  }\n]', isJson: true });
  });

  it('keeps every digit of long numbers, where JSON.parse would round them', () => {
    const { text } = prettyIfJson('{"orderId":12345678901234567890,"ratio":0.1000000000000000055511151231257827,"frames":[9007199254740993]}');
    expect(text).toBe('{\n  "orderId": 12345678901234567890,\n  "ratio": 0.1000000000000000055511151231257827,\n  "frames": [\n    9007199254740993\n  ]\n}');
  });

  it('writes numbers of more than 21 digits as they came, never in exponent form, pretty and compact', () => {
    expect(prettyIfJson('{"id":123456789012345678901234567890}').text).toBe('{\n  "id": 123456789012345678901234567890\n}');
    expect(compactIfJson('{ "id": 123456789012345678901234567890, "tiny": 0.000000000000000000000001 }')).toBe('{"id":123456789012345678901234567890,"tiny":0.000000000000000000000001}');
    expect(compactIfJson('plain { text')).toBe('plain { text');
  });

  it('keeps constructor and __proto__ keys as plain keys, at any depth, and pollutes nothing', () => {
    expect(prettyIfJson('{"constructor":"ops","a":{"__proto__":{"admin":true}}}')).toEqual({
      text: '{\n  "constructor": "ops",\n  "a": {\n    "__proto__": {\n      "admin": true\n    }\n  }\n}',
      isJson: true,
    });
    expect(({} as { admin?: unknown }).admin).toBeUndefined();
  });

  it.each(['order 1234 for {client}', 'plain text', '', '42', '"a JSON string"', 'true', 'null'])(
    'leaves %j as it is: only objects and arrays are indented',
    (text) => {
      expect(prettyIfJson(text)).toEqual({ text, isJson: false });
    },
  );

  it.each(['{"open": 1', '[1, 2,]', '[01]', '[1.]', '["a\tb"]', "{'single': 'quotes'}", '  {not json}  '])('leaves text that only looks like JSON, %j, untouched', (text) => {
    expect(prettyIfJson(text)).toEqual({ text, isJson: false });
  });

  it('keeps every value of any JSON object or array, and never throws on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.jsonValue())), (value) => {
        const input = JSON.stringify(value);
        const { text, isJson } = prettyIfJson(input);
        expect(isJson).toBe(true);
        expect(JSON.parse(text)).toEqual(JSON.parse(input));
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = prettyIfJson(text);
        if (!result.isJson) expect(result.text).toBe(text);
      }),
    );
  });
});
