import { batchBodySchema, batchLineInput, checkBody, submitBodySchema } from '@/lib/submit/submit-input';
import { inferInputType } from '@/lib/submit/submit-limits';

describe('inferInputType', () => {
  it.each([
    ['oss://bucket/in/a.mp4', 'OSS'],
    ['OSS://Bucket/a.MP4', 'OSS'],
    ['https://cdn.example.com/a.mov?x=1', 'OSS'],
    ['http://example.com/a', 'OSS'],
    ['  oss://b/a.mp4  ', 'OSS'],
    ['6b96fbf7270141e3c056ad31b54987d3', 'Media'],
    ['6B96FBF7270141E3C056AD31B54987D3', undefined],
    ['6b96fbf7270141e3c056ad31b54987d', undefined],
    ['ftp://host/a.mp4', undefined],
    ['a.mp4', undefined],
    ['oss://', undefined],
    ['', undefined],
  ])('reads %j as %s', (media, type) => {
    expect(inferInputType(media)).toBe(type);
  });
});

describe('the submit body', () => {
  it('infers the Type, keeps a given one, trims the input and sends JSON UserData compact with every digit', () => {
    expect(checkBody(submitBodySchema, { Input: { Media: ' oss://b/a.mp4 ' }, UserData: '{\n  "id": 12345678901234567890123\n}' })).toEqual({
      ok: true,
      value: { Input: { Type: 'OSS', Media: 'oss://b/a.mp4' }, UserData: '{"id":12345678901234567890123}' },
    });
    expect(checkBody(submitBodySchema, { Input: { Type: 'Media', Media: 'oss://b/a.mp4' } })).toMatchObject({ ok: true, value: { Input: { Type: 'Media' } } });
    expect(checkBody(submitBodySchema, { Input: { Media: 'oss://b/a.mp4' }, UserData: 'not { json' })).toMatchObject({ ok: true, value: { UserData: 'not { json' } });
  });

  it('counts UserData as sent: pretty JSON over 1024 characters that is shorter compact passes', () => {
    const pretty = JSON.stringify(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, i])), null, 8);
    expect(pretty.length).toBeGreaterThan(1024);
    expect(checkBody(submitBodySchema, { Input: { Media: 'oss://b/a.mp4' }, UserData: pretty }).ok).toBe(true);
  });

  it.each([
    [undefined, 'body', 'characters'],
    [[], 'body', 'characters'],
    [{}, 'Input', 'required'],
    [{ Input: 'oss://b/a.mp4' }, 'Input', 'characters'],
    [{ Input: { Media: '   ' } }, 'Input.Media', 'required'],
    [{ Input: { Media: 'x'.repeat(2049) } }, 'Input.Media', 'too_long'],
    [{ Input: { Media: 'bucket/a.mp4' } }, 'Input.Media', 'media_input'],
    [{ Input: { Media: 'oss://b/a.mp4', Extra: 1 } }, 'Input.Extra', 'not_a_field'],
    [{ Input: { Media: 'oss://b/a.mp4' }, ScheduleConfig: { Priority: 0 } }, 'ScheduleConfig.Priority', 'whole_number'],
    [{ Input: { Media: 'oss://b/a.mp4' }, ScheduleConfig: { Priority: 2.5 } }, 'ScheduleConfig.Priority', 'whole_number'],
    [{ Input: { Media: 'oss://b/a.mp4' }, ScheduleConfig: { PipelineId: 'a b' } }, 'ScheduleConfig.PipelineId', 'characters'],
    [{ Input: { Media: 'oss://b/a.mp4' }, RerunOf: '../x' }, 'RerunOf', 'characters'],
    [{ Input: { Media: 'oss://b/a.mp4' }, Region: 'Shanghai' }, 'Region', 'characters'],
  ])('refuses %j at %s (%s)', (body, field, reason) => {
    expect(checkBody(submitBodySchema, body)).toMatchObject({ ok: false, field, params: { reason } });
  });
});

describe('a batch', () => {
  it('drops blank lines and trims the rest, and takes 100 but not 101', () => {
    expect(checkBody(batchBodySchema, { Inputs: ['  oss://b/1.mp4 ', '', '  ', 'oss://b/2.mp4'] })).toMatchObject({ ok: true, value: { Inputs: ['oss://b/1.mp4', 'oss://b/2.mp4'] } });
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `oss://b/${i}.mp4`);
    expect(checkBody(batchBodySchema, { Inputs: lines(100) }).ok).toBe(true);
    expect(checkBody(batchBodySchema, { Inputs: lines(101) })).toMatchObject({ ok: false, field: 'Inputs', params: { reason: 'too_many_lines', max: 100 } });
    expect(checkBody(batchBodySchema, { Inputs: ['', ' '] })).toMatchObject({ ok: false, field: 'Inputs', params: { reason: 'required' } });
  });

  it('reads each line as an input, or says why it is not one', () => {
    expect(batchLineInput('oss://b/a.mp4')).toEqual({ Type: 'OSS', Media: 'oss://b/a.mp4' });
    expect(batchLineInput('6b96fbf7270141e3c056ad31b54987d3')).toEqual({ Type: 'Media', Media: '6b96fbf7270141e3c056ad31b54987d3' });
    expect(batchLineInput('not a url')).toMatchObject({ field: 'Input.Media', params: { reason: 'media_input' } });
    expect(batchLineInput(`oss://b/${'x'.repeat(2048)}`)).toMatchObject({ field: 'Input.Media', params: { reason: 'too_long', max: 2048 } });
  });
});
