import { type Locator, type Page } from 'playwright-core';
import { builtPages } from './built-pages';

/**
 * Notices stay in view (issue 13): the 绩效 buttons sit at the foot of a long pane, so the notice an insert raises, and
 * the question a second insert asks, must show where the user is — not at the top of a pane scrolled away from it.
 * Measured with the pane's real layout in Chromium at a short window (600 px), scrolled to its foot before each click.
 */

const pages = builtPages();

const scrollPaneToFoot = (page: Page) =>
  page.locator('aside.pane').evaluate((pane) => {
    pane.scrollTop = pane.scrollHeight;
    return pane.scrollTop;
  });

/** The part of the element that the scrolled pane shows, as a share of its height (1 = wholly in view). */
async function shownShare(page: Page, element: Locator): Promise<number> {
  const pane = await page.locator('aside.pane').boundingBox();
  const box = await element.boundingBox();
  if (!pane || !box || box.height === 0) return 0;
  const top = Math.max(box.y, pane.y);
  const bottom = Math.min(box.y + box.height, pane.y + pane.height);
  return Math.max(0, bottom - top) / box.height;
}

test('a notice raised at the foot of a scrolled pane, and the question a second insert asks, are in view', async () => {
  const page = await pages.browser.newPage({ viewport: { width: 1200, height: 600 }, locale: 'zh-CN' });
  await page.goto(`${pages.url}/preview.html`);
  await page.getByRole('button', { name: '示例：泉州市医疗保障局' }).click();
  await page.getByRole('button', { name: '扫描工作簿' }).click();
  await page.getByRole('status').waitFor();
  await page.getByRole('tab', { name: '绩效', exact: true }).click();
  const insert = page.getByRole('button', { name: '插入部门整体绩效目标表' });
  await insert.waitFor();

  // The pane is longer than the window: scrolled to its foot, the top of the pane is out of view.
  expect(await scrollPaneToFoot(page)).toBeGreaterThan(0);
  await insert.click();
  // The notice: Fluent's MessageBar (the page also announces it in a screen-reader live region).
  const notice = page.locator('aside.pane .fui-MessageBar', { hasText: '已插入' });
  await notice.waitFor();
  expect(await shownShare(page, notice)).toBe(1);

  // A second insert asks before writing; its question and buttons show where the user clicked.
  await scrollPaneToFoot(page);
  await insert.click();
  const update = page.getByRole('button', { name: '更新原表' });
  await update.waitFor();
  expect(await shownShare(page, page.locator('aside.pane .fui-MessageBar', { hasText: '工作簿中已有' }))).toBe(1);
  expect(await shownShare(page, update)).toBe(1);
  await page.close();
});
