import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { builtPages } from './built-pages';

/**
 * The preview parses no workbook on its page (issue 14 item 6, issue 13 item 6): a corpus workbook goes from file
 * chosen to findings shown in well under a second (measured and printed, asserted loosely: CI is noisy; the aim is
 * 0.3 s), the page loads no ExcelJS until 下载工作簿 is clicked, and the workbook then downloaded holds the marks.
 */
const ROOT = resolve(__dirname, '../..');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');
const FILES = [
  's002-lingshou-2021-budget.mut03-transpose.xlsx',
  's000-quanzhou-2021-budget.mut01-leaf_delta.xlsx',
  's002-lingshou-2021-budget.xlsx',
].map((f) => join(CORPUS, f));
/**
 * Where ../shared is not beside the checkout: the bundled 灵寿 sample, whose one warning is listed (the 泉州 sample has
 * only a hidden note, so no finding would ever show and the test would wait for one).
 */
const SAMPLE = join(ROOT, 'assets', 'samples', 'sample-budget.xlsx');
/** A text only ExcelJS's bundle holds (its deprecation notice). */
const EXCELJS_MARK = 'XLSX#createInputStream';

const pages = builtPages();

test('file chosen → findings shown, no ExcelJS before 下载工作簿, the download holds the marks', async () => {
  const page = await pages.browser.newPage({
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const scripts: { name: string; bytes: number; exceljs: boolean }[] = [];
  const loads: Promise<void>[] = [];
  page.on('response', (r) => {
    if (!r.url().startsWith(pages.url) || !r.url().endsWith('.js')) return;
    loads.push(
      r.body().then((b) => {
        scripts.push({
          name: r.url().slice(pages.url.length + 1),
          bytes: b.length,
          exceljs: b.includes(EXCELJS_MARK),
        });
      }),
    );
  });
  await page.goto(`${pages.url}/preview.html`);
  await page.getByRole('button', { name: /打开 \.xlsx/ }).waitFor();
  await page.waitForLoadState('networkidle');
  await Promise.all(loads);
  // The page's scripts are its <script> elements (webpack loads chunks as such); the workers load theirs by importScripts.
  const own = new Set(await page.evaluate(() => Array.from(document.scripts, (s) => s.src.split('/').pop() ?? '')));
  const loaded = new Map(scripts.map((s) => [s.name, s.bytes]));
  const pageBytes = [...own].reduce((n, s) => n + (loaded.get(s) ?? 0), 0);
  const workerBytes = [...loaded].filter(([s]) => !own.has(s)).reduce((n, [, b]) => n + b, 0);
  console.log(
    `preview first load: ${pageBytes} bytes of script on the page (${[...own].join(', ')}); ` +
      `${workerBytes} bytes more loaded by the two workers it starts`,
  );
  expect(pageBytes).toBeLessThanOrEqual(900_000);

  // File chosen → findings shown, for three corpus workbooks in turn (the workers are reused across files), timed in
  // the page: from the file input's change event, 扫描工作簿 clicked as soon as it is there, to the first finding drawn.
  const times: { scan: number; findings: number }[] = [];
  for (const file of existsSync(FILES[0] as string) ? FILES : [SAMPLE]) {
    const timing = page.evaluate(
      () =>
        new Promise<{ scan: number; findings: number }>((resolve) => {
          const input = document.querySelector('[data-testid=open-file]') as HTMLInputElement;
          let chosen = 0;
          let scan = 0;
          input.addEventListener('change', () => (chosen = performance.now()), { capture: true, once: true });
          const watch = new MutationObserver(() => {
            if (!chosen) return;
            const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent === '扫描工作簿');
            if (!scan && button && !button.disabled) {
              scan = performance.now();
              button.click();
            }
            if (scan && document.querySelector('[data-finding]')) {
              watch.disconnect();
              resolve({ scan: scan - chosen, findings: performance.now() - chosen });
            }
          });
          watch.observe(document.body, { childList: true, subtree: true, attributes: true });
        }),
    );
    await page.setInputFiles('[data-testid=open-file]', file);
    times.push(await timing);
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/识别 \d+ 张表/);
  }
  console.log(
    'file chosen → findings shown: ' +
      times.map((t) => `${t.findings.toFixed(0)} ms (扫描工作簿 there at ${t.scan.toFixed(0)} ms)`).join(', '),
  );
  expect(Math.min(...times.map((t) => t.findings))).toBeLessThan(1500);
  await page.locator('td[data-cell]').first().waitFor();

  await page.locator('[data-finding] button').first().click();
  await page.locator('td[data-selected="true"]').waitFor();
  await page.getByRole('button', { name: '标记问题' }).click();
  await page.getByText(/已标记列表中的 \d+ 个问题/).waitFor();
  const marked = await page
    .locator('td[data-fill]')
    .evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-cell'), td.getAttribute('data-fill')?.toUpperCase()]));
  expect(marked.length).toBeGreaterThan(0);
  const sheet = await page.locator('.tabs [role=tab][aria-selected=true]').textContent();
  await Promise.all(loads);
  expect(scripts.filter((s) => s.exceljs)).toEqual([]);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载工作簿' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/（已审核）\.xlsx$/);
  await Promise.all(loads);
  expect(scripts.filter((s) => s.exceljs).length).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet ?? '') as ExcelJS.Worksheet;
  for (const [cell, fill] of marked) {
    const f = ws.getCell(cell as string).fill;
    expect(f?.type === 'pattern' ? `#${f.fgColor?.argb?.slice(-6)}`.toUpperCase() : null).toBe(fill);
  }
  expect(errors).toEqual([]);
  await page.close();
}, 120000);
