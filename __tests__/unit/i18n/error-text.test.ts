import { createTranslator } from 'next-intl';
import { errorText, reasonText } from '@/components/ui/error-text';
import { MESSAGES } from '@/lib/i18n/messages';

const translator = (locale: 'en' | 'zh-CN') => createTranslator({ locale, messages: MESSAGES[locale], namespace: 'errors' });

describe('errorText: an error in the reader’s language from its code and parameters', () => {
  const en = translator('en');
  const zh = translator('zh-CN');

  it('names the parameter at fault and keeps the API’s reason', () => {
    const error = { code: 'invalid_input', field: 'PageSize', params: { field: 'PageSize', why: 'must be 1 to 100' } };
    expect(errorText(en, error)).toBe('PageSize: must be 1 to 100');
    expect(errorText(zh, error)).toBe('参数 PageSize 的值无效（must be 1 to 100）');
  });

  it('words a refusal’s reason in the reader’s language, not the API’s English', () => {
    const error = { code: 'invalid_input', field: 'Status', params: { field: 'Status', why: 'must be one of Init, Success, Fail', reason: 'one_of', allowed: 'Init, Success, Fail' } };
    expect(errorText(en, error)).toBe('Status: must be one of Init, Success, Fail');
    expect(errorText(zh, error)).toBe('参数 Status 的值无效（必须是 Init, Success, Fail 之一）');
    expect(reasonText(zh, { code: 'invalid_input', params: { reason: 'whole_number', min: 1, max: 100000 } })).toBe('必须是 1 到 100,000 之间的整数');
  });

  it('has words for every reason the portal gives, in both languages', () => {
    const reasons = ['repeated', 'one_of', 'whole_number', 'time', 'end_before_start', 'below_min_height', 'too_long', 'characters', 'not_ours', 'expired', 'since_with_start', 'too_many_selected', 'not_for_export', 'selection_with_filters', 'frame_rate', 'unknown_spec', 'no_specs'];
    for (const t of [en, zh]) {
      for (const reason of reasons) expect(reasonText(t, { params: { reason, allowed: 'a, b', given: 'x', min: 1, max: 2, why: 'ENGLISH' } })).not.toBe('ENGLISH');
    }
  });

  it('names the spec asked for when none has that id, in Chinese too', () => {
    const error = { code: 'invalid_input', field: 'Spec', params: { field: 'Spec', why: 'ENGLISH', reason: 'unknown_spec', given: 'cinema-4k', allowed: 'web-1080p, vertical-short' } };
    expect(errorText(zh, error)).toBe('参数 Spec 的值无效（“cinema-4k”不是本门户的交付规范，可选的有 web-1080p, vertical-short）');
    expect(errorText(en, error)).toBe('Spec: “cinema-4k” names no delivery spec of this portal; it has web-1080p, vertical-short');
  });

  it('says how long to wait when rate limited', () => {
    expect(errorText(zh, { code: 'rate_limited', params: { waitSeconds: 7 } })).toBe('请求过于频繁：请等待 7 秒后重试。');
  });

  it('translates ICE’s failures by code, not by the English text', () => {
    expect(errorText(zh, { code: 'upstream_throttled' }, 'ICE is limiting requests right now.')).toBe('ICE 当前正在限流。请等待几秒后重试。');
  });

  it('falls back to the status for a code it does not know, and to a network message without one', () => {
    expect(errorText(en, { code: 'something_new', status: 418 })).toBe('The portal answered with status 418.');
    expect(errorText(zh, {})).toBe('无法连接门户。请检查网络连接后重试。');
  });

  it('says how far a download got before it failed', () => {
    expect(errorText(en, { code: 'export_incomplete', jobsBefore: 1200 })).toBe(
      'The download broke off after 1,200 jobs: the portal or ICE failed on the way. Nothing was saved; try again.',
    );
    expect(errorText(zh, { code: 'upstream_unavailable', jobsBefore: 3 })).toMatch(/导出在 3 个作业后停止，未保存任何文件。$/);
  });
});
