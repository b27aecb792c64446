import { builtPages } from './built-pages';

/**
 * A file that is no workbook, chosen while a workbook is open, is refused with a Chinese message and leaves the open
 * workbook's pane working: its review is still asked of the review worker (the 提示 filter, 下载报告 HTML), not lost.
 */

const pages = builtPages();

test('a file that is no workbook leaves the open one reviewed', async () => {
  const page = await pages.browser.newPage({
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${pages.url}/preview.html`);
  await page.getByRole('button', { name: '示例：泉州市医疗保障局' }).click();
  await page.getByRole('button', { name: '扫描工作簿' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /识别 \d+ 张表/ })
    .waitFor();

  const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));
  await page.setInputFiles('[data-testid=open-file]', {
    name: '坏文件.xlsx',
    mimeType: 'application/octet-stream',
    buffer: junk,
  });
  await expect(page.locator('.error').textContent()).resolves.toMatch(/不是 Excel 工作簿/);

  // The open workbook's findings are still listed on asking: its info findings shown, then its HTML report.
  await page.getByRole('button', { name: /^提示 \d+/ }).click();
  await page.locator('[data-finding]').first().waitFor({ timeout: 15000 });
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 15000 }),
    page.getByRole('button', { name: '下载报告 HTML' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('quanzhou-2021-budget-审核报告.html');
  await expect(page.locator('[role=alert], .fui-MessageBar').allTextContents()).resolves.not.toContainEqual(
    expect.stringMatching(/出错|失败/),
  );
  expect(errors).toEqual([]);
  await page.close();
}, 90000);
