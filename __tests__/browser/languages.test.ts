import { englishIn, portalWords, seriousViolations } from '@/__tests__/support/page-checks';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { fontsOnly, launchBrowser, screenshot, titleMatching } from '@/harness/browser';
import { startPortalStack, type PortalStack } from '@/harness/portal-stack';
import { FAMILY, LOCAL_FONTS, LOCAL_RANGE } from '@/scripts/cjk-font-css';

// The whole portal in both languages (#13): a new visitor gets their browser's language, the switch in
// the header changes every word on /jobs and on a job page, the choice survives a reload, and both
// languages are axe clean.

let stack: PortalStack;
let browser: Browser;
let jobId: string;
let chineseJobId: string;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startPortalStack({ emulatorArgs: ['--jobs', '120', '--seed', '31'] }), launchBrowser()]);
  const done = (await (await fetch(`${stack.portal.url}/api/jobs?Status=Success&PageSize=100`)).json()) as { Jobs: { JobId: string; Name?: string }[] };
  jobId = done.Jobs[0]!.JobId;
  // The emulator names some jobs in Chinese (emulator/dataset.ts). A finished one: its page, with the
  // file and stream facts, is the one whose heading kept its boxes when the font came late.
  chineseJobId = done.Jobs.find((job) => /[\u4e00-\u9fff]/.test(job.Name ?? ''))!.JobId;
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const url = (path: string) => `${stack.portal.url}${path}`;

const hasChinese = (words: string[]) => words.filter((w) => /[\u4e00-\u9fff]/.test(w));


/**
 * What the page logs as errors: next-intl logs MISSING_MESSAGE there when the browser lacks a message
 * (the layout sends it only the namespaces client code reads, lib/i18n/client-messages.ts).
 */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text().split('\n')[0]!);
  });
  return errors;
}

async function waitForRows(page: Page) {
  await page.locator('tbody a.job-link').first().waitFor();
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/g;
const CJK_FONT = /Noto Sans (SC|CJK)|PingFang|Hiragino|YaHei|Source Han/;

/**
 * What is wrong with how `selector`'s own text is drawn: empty once fonts that have CJK glyphs drew at
 * least as many glyphs as it has CJK characters. Chromium's record of the fonts it used (DevTools
 * protocol) is the only way to tell: a box drawn by a Latin font and a real character look alike to
 * the DOM. Polled, because a slice that arrives late is drawn on a later frame.
 */
async function cjkGlyphsMissing(page: Page, cdp: CDPSession, selector: string, timeoutMs = 10_000): Promise<string[]> {
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const text = await page.locator(selector).evaluate((element) =>
      [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join(''),
    );
    const wanted = text.match(CJK)?.length ?? 0;
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const drawn = fonts.filter((font) => CJK_FONT.test(font.familyName)).reduce((sum, font) => sum + font.glyphCount, 0);
    if (wanted > 0 && drawn >= wanted) return [];
    const problem = [`${selector}: ${wanted} CJK characters, ${drawn} drawn by a CJK font (${fonts.map((f) => `${f.familyName} ${f.glyphCount}`).join(', ')})`];
    if (Date.now() > deadline) return problem;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('languages', () => {
  it('gives a new visitor whose browser asks for Chinese the Chinese portal, with no English left', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(url('/jobs'));
    await waitForRows(page);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect(page.locator('h1').textContent()).resolves.toBe('媒体信息作业');
    expect(englishIn(await portalWords(page))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'zh-jobs');
    await context.close();
  });

  it('fits the header’s switches on a 360 px phone in dark mode, without sideways scrolling', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(url('/jobs'));
    await waitForRows(page);
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.width).toBeLessThanOrEqual(360);
    for (const id of ['#language', '#time-zone']) {
      const box = await page.locator(id).boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'zh-jobs-360-dark');
    await context.close();
  });

  it('switches /jobs from English to Chinese with the header’s switch, and keeps the choice across a reload', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const errors = consoleErrors(page);
    await page.goto(url('/jobs'));
    await waitForRows(page);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(hasChinese(await portalWords(page))).toEqual([]);

    await page.selectOption('#language', 'zh-CN');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === '媒体信息作业');
    await waitForRows(page);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(englishIn(await portalWords(page))).toEqual([]);

    await page.reload();
    await waitForRows(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('媒体信息作业');
    expect((await context.cookies()).find((c) => c.name === 'ice-portal-locale')?.value).toBe('zh-CN');

    await page.selectOption('#language', 'en');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Media-info jobs');
    expect(hasChinese(await portalWords(page))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches a job page to Chinese: labels, stream tables, times and sizes', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const errors = consoleErrors(page);
    await page.goto(url(`/jobs/${jobId}`));
    await page.getByRole('heading', { name: 'File', exact: true }).waitFor();
    expect(hasChinese(await portalWords(page))).toEqual([]);
    await page.selectOption('#language', 'zh-CN');
    await page.getByRole('heading', { name: '文件', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.getByText('原始 JSON').click();
    await page.getByRole('button', { name: '复制原始 JSON' }).waitFor();
    expect(englishIn(await portalWords(page))).toEqual([]);
    expect(await titleMatching(page, / · ICE 媒体信息作业$/)).toMatch(/ · ICE 媒体信息作业$/);
    // Processing time in Chinese units, dates in Chinese order.
    const facts = await page.locator('dl.facts').first().innerText();
    expect(facts).toMatch(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/);
    expect(facts).toMatch(/处理耗时\s+[\d.]+(毫秒|秒)|处理耗时\s+\d+分钟/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await screenshot(page, 'zh-job');
    await context.close();
  });

  it.each(['en-US', 'zh-CN'])(
    'draws Chinese data on a %s page in a CJK font, also when the font arrives after the text',
    async (locale) => {
      const context = await browser.newContext({ locale });
      // Late slices: the text is laid out before its font arrives, the case that left boxes for good.
      await context.route('**/*.woff2', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        await route.continue();
      });
      const page = await context.newPage();
      await page.goto(url(`/jobs/${chineseJobId}`));
      await page.locator('h1[translate="no"]').waitFor();
      await page.locator('section[aria-labelledby="raw-json"] summary').click();
      await page.locator('pre.raw').waitFor();
      const cdp = await context.newCDPSession(page);
      // The job's name in the heading (sans-serif) and in the raw JSON (monospace).
      expect(await cjkGlyphsMissing(page, cdp, 'h1[translate="no"]')).toEqual([]);
      expect(await cjkGlyphsMissing(page, cdp, 'pre.raw')).toEqual([]);
      await screenshot(page, `late-font-${locale}`);
      // In the list, on an English page, a row with no CJK character is laid out without the CJK font
      // (the same to the eye, a quarter less layout); the row with the Chinese name keeps it.
      await page.goto(url('/jobs?Status=Success&PageSize=100'));
      const chineseRow = `tr[data-job-id="${chineseJobId}"]`;
      await page.locator(`${chineseRow} a.job-link`).waitFor();
      expect(await cjkGlyphsMissing(page, cdp, `${chineseRow} a.job-link`)).toEqual([]);
      const rows = await page.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({ latin: tr.classList.contains('latin'), cjk: /[\u2e80-\uffff]/.test(tr.textContent ?? '') })),
      );
      expect(rows.filter((row) => row.cjk && row.latin)).toEqual([]);
      // A Chinese page's own words (the status, Copy) are CJK: every row keeps the font there.
      expect(rows.filter((row) => row.latin).length).toBeGreaterThanOrEqual(locale === 'en-US' ? rows.length / 2 : 0);
      if (locale === 'zh-CN') expect(rows.filter((row) => row.latin)).toEqual([]);
      // Within any row, ICE's data with no CJK character (names, media lines) and the times the portal
      // writes skip the font too, in both languages; the Chinese name keeps it.
      const cells = await page.locator('tbody :is(.latin, time)').evaluateAll((elements) =>
        elements.map((element) => ({ text: element.textContent ?? '', font: getComputedStyle(element).fontFamily })),
      );
      expect(cells.filter((cell) => /[\u2e80-\uffff]/.test(cell.text))).toEqual([]);
      expect(cells.filter((cell) => cell.font.includes('Portal CJK'))).toEqual([]);
      expect(cells.length).toBeGreaterThan(2 * rows.length);
      expect(await page.locator(`${chineseRow} a.job-link`).evaluate((link) => [link.classList.contains('latin'), getComputedStyle(link).fontFamily.includes('Portal CJK')])).toEqual([false, true]);
      await context.close();
    },
  );

  it('tries the reader’s own CJK font before any slice, and falls back to the slices without it', async () => {
    // Which fonts exist decides this, so the browser sees only one font, whatever this machine has
    // installed: Geist, a Latin font inside Next.js (Chromium needs at least one). Named as the first
    // local() font, it stands for a reader's own CJK font, found and loaded; otherwise every local() name
    // is missing, errors, and leaves the work to the slices. Geist has no CJK glyphs, so the slices still
    // draw them here; a real PingFang or YaHei would draw them all.
    const geist = require.resolve('next/dist/compiled/@vercel/og/Geist-Regular.ttf');
    const faces = async (localName: string | null) => {
      const fonts = fontsOnly([geist]);
      const ownBrowser = await launchBrowser([], fonts.env);
      try {
        const context = await ownBrowser.newContext({ locale: 'en-US' });
        await context.route('**/*.css', async (route) => {
          const response = await route.fetch();
          let css = await response.text();
          // The build's minifier may drop the quotes around the name.
          if (localName) css = css.replace(new RegExp(`local\\(\\s*['"]?${LOCAL_FONTS[0]}['"]?\\s*\\)`, 'g'), `local('${localName}')`);
          await route.fulfill({ response, body: css });
        });
        const page = await context.newPage();
        await page.goto(url(`/jobs/${chineseJobId}`));
        await page.locator('h1[translate="no"]').waitFor();
        await page.evaluate(() => document.fonts.ready);
        return await page.evaluate(
          ([family, localRange]) =>
            [...document.fonts]
              .filter((font) => font.family.replace(/['"]/g, '') === family && font.status !== 'unloaded')
              .map((font) => ({ local: font.unicodeRange.startsWith(localRange.split(',')[0]!), status: font.status })),
          [FAMILY, LOCAL_RANGE] as const,
        );
      } finally {
        await ownBrowser.close();
        fonts.dispose();
      }
    };
    const present = await faces('Geist Regular');
    expect(present.filter((face) => face.local)).toEqual([{ local: true, status: 'loaded' }]);
    const absent = await faces(null);
    expect(absent.filter((face) => face.local)).toEqual([{ local: true, status: 'error' }]);
    expect(absent.filter((face) => !face.local && face.status === 'loaded').length).toBeGreaterThan(0);
  });

  it('answers the plain pages (a bad address, a missing page) in the reader’s language too', async () => {
    // The undecodable-address page is the proxy's own; the sign-in failures are in login.test.ts.
    const zh = await fetch(url('/jobs/%ZZ'), { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    expect(zh.status).toBe(400);
    expect(zh.headers.get('content-language')).toBe('zh-CN');
    expect(await zh.text()).toContain('<h1>地址有误</h1>');
    const en = await fetch(url('/jobs/%ZZ'));
    expect(await en.text()).toContain('<h1>Bad address</h1>');
    const missing = await fetch(url('/no-such-page'), { headers: { 'accept-language': 'zh-CN' } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<h1>页面不存在</h1>');
  });
});
