import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { serve } from './static-server';

/**
 * A review worker that cannot start (its script blocked, as a strict proxy or a host without workers does): the pane
 * says so, and the next 扫描 reviews on the page's own thread, whose engine is fetched then as a chunk of its own —
 * the page never carried it.
 */
const ROOT = resolve(__dirname, '../..');
const DIST = join(ROOT, 'dist', 'web');
const SAMPLE = join(ROOT, 'assets', 'samples', 'sample-budget.xlsx');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  if (!existsSync(join(DIST, 'preview.html'))) throw new Error('dist/web is not built: run `npm run build` first');
  server = await serve(DIST);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the review worker blocked: the pane says so, then reviews on its own thread with the engine fetched on demand', async () => {
  const page = await browser.newPage({ locale: 'zh-CN' });
  await page.route('**/budget-review.*.js', (r) => r.abort('blockedbyclient'));
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.js')) scripts.push(r.url().split('/').pop() ?? '');
  });
  await page.goto(`${server.url}/preview.html`);
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
