import { join, resolve } from 'node:path';
import { builtPages } from './built-pages';

/**
 * A review worker that cannot start (its script blocked, as a strict proxy or a host without workers does): the pane
 * says so, and the next 扫描 reviews on the page's own thread, whose engine is fetched then as a chunk of its own —
 * the page never carried it.
 */
const ROOT = resolve(__dirname, '../..');
const SAMPLE = join(ROOT, 'assets', 'samples', 'sample-budget.xlsx');

const pages = builtPages();

test('the review worker blocked: the pane says so, then reviews on its own thread with the engine fetched on demand', async () => {
  const page = await pages.browser.newPage({ locale: 'zh-CN' });
  await page.route('**/budget-review.*.js', (r) => r.abort('blockedbyclient'));
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.js')) scripts.push(r.url().split('/').pop() ?? '');
  });
  await page.goto(`${pages.url}/preview.html`);
  await page.setInputFiles('[data-testid=open-file]', SAMPLE);
  await page.getByRole('button', { name: /打开 \.xlsx/ }).waitFor();
  const loadedBefore = scripts.length;

  const scan = page.getByRole('button', { name: '扫描工作簿' });
  const notice = page.getByText('审核程序未能在后台启动，请重新扫描。');
  const reviewed = page.getByRole('status').filter({ hasText: /识别 \d+ 张表/ });
  await scan.click();
  // A worker that failed while the question was out says so; one that failed before it (started ahead) does not.
  await notice.or(reviewed).first().waitFor();
  if (await notice.isVisible()) await scan.click();
  await reviewed.waitFor();
  // The in-thread engine came as chunks fetched after the page had loaded, on this second scan.
  expect(scripts.slice(loadedBefore).filter((s) => !s.startsWith('budget-review.')).length).toBeGreaterThan(0);
  await page.close();
});
