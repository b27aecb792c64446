import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { consolidatedIncome } from '../bench/generate';
import { builtPages } from './built-pages';

/**
 * The review runs off the page's thread (issue 13, item 6): the bench's 247k-cell workbook (a consolidated income
 * table of 1,000 units, 19,004 rows × 13) is reviewed in the preview's Web Worker while the page keeps drawing. The
 * longest gap between animation frames (and the longest main-thread task the browser reports) while the review runs is
 * measured and printed, with the page's longest task as Chromium's trace times it: wall clock and the main thread's own
 * CPU time. The CPU time is what our code costs a frame and is held to the aim, 100 ms; wall-clock gaps also count the
 * time the operating system gives the two workers and other processes, so on a loaded 2-core machine they are asserted
 * loosely (1 s) and printed.
 * Then 取消 during a review ends it: the pane is back at its start with a Chinese notice.
 */
const BIG = join(tmpdir(), 'budget-review-e2e', 'consolidated-1000-units.xlsx');

const pages = builtPages();

beforeAll(async () => {
  if (!existsSync(BIG)) {
    mkdirSync(join(BIG, '..'), { recursive: true });
    writeFileSync(BIG, new Uint8Array(await consolidatedIncome(1000).xlsx.writeBuffer()));
  }
}, 180000);

/** Starts recording frame gaps and long tasks in the page; `stop` returns the longest of each (ms). */
async function watchFrames(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: { gap: number; longTask: number; frames: number; on: boolean } };
    w.__frames = { gap: 0, longTask: 0, frames: 0, on: true };
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.gap = Math.max(w.__frames.gap, now - last);
      w.__frames.frames++;
      last = now;
      if (w.__frames.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__frames.longTask = Math.max(w.__frames.longTask, e.duration);
      }).observe({ type: 'longtask' });
    } catch {
      // No long-task timing in this browser: the frame gaps still tell.
    }
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { __frames: { gap: number; longTask: number; frames: number; on: boolean } };
      w.__frames.on = false;
      return { gap: w.__frames.gap, longTask: w.__frames.longTask, frames: w.__frames.frames };
    });
}

/** The longest top-level task of the page's main thread in a Chromium trace: wall clock and thread (CPU) time, ms. */
function longestMainThreadTask(trace: Buffer): { wall: number; cpu: number } {
  interface TraceEvent {
    name: string;
    ph: string;
    pid: number;
    tid: number;
    dur?: number;
    tdur?: number;
    args?: { name?: string };
  }
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let wall = 0;
  let cpu = 0;
  for (const e of events)
    if (e.ph === 'X' && e.name === 'RunTask' && main.some((m) => m.pid === e.pid && m.tid === e.tid)) {
      wall = Math.max(wall, (e.dur ?? 0) / 1000);
      cpu = Math.max(cpu, (e.tdur ?? 0) / 1000);
    }
  return { wall, cpu };
}

test('the 247k-cell workbook is reviewed in a worker: frames keep coming, progress shows, 取消 ends it', async () => {
  const page = await pages.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${pages.url}/preview.html`);
  const t0 = Date.now();
  await page.setInputFiles('[data-testid=open-file]', BIG);
  await page.getByRole('button', { name: '扫描工作簿' }).waitFor({ timeout: 90000 });
  const opened = Date.now() - t0;

  const stop = await watchFrames(page);
  // RunTask (a task of the thread, with its thread time) is in the disabled-by-default timeline category.
  await pages.browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline'] });
  const t1 = Date.now();
  await page.getByRole('button', { name: '扫描工作簿' }).click();
  // Real progress from the worker: the stage it is at, while 取消 is there to click.
  await page.getByTestId('scan-progress').waitFor();
  const stages = new Set<string>();
  const poll = setInterval(() => {
    void page
      .getByTestId('scan-progress')
      .textContent({ timeout: 50 })
      .then((s) => s && stages.add(s))
      .catch(() => undefined);
  }, 50);
  await expect(page.getByRole('button', { name: '取消' }).isVisible()).resolves.toBe(true);
  await page.getByRole('status').waitFor({ timeout: 90000 });
  clearInterval(poll);
  const reviewed = Date.now() - t1;
  const frames = await stop();
  const task = longestMainThreadTask(await pages.browser.stopTracing());
  const summary = await page.getByRole('status').textContent();
  console.log(
    `247k-cell workbook in the preview: opened in ${opened} ms; reviewed in ${reviewed} ms (worker), ` +
      `${frames.frames} frames, longest frame gap ${frames.gap.toFixed(0)} ms, longest main-thread task ` +
      `${task.wall.toFixed(0)} ms (${task.cpu.toFixed(0)} ms of CPU; long-task API ${frames.longTask.toFixed(0)} ms); progress seen: ${[...stages].join(' → ')}; summary: ${summary}`,
  );
  expect(summary).toMatch(/识别 \d+ 张表/);
  expect(frames.frames).toBeGreaterThan(3);
  expect(task.cpu).toBeGreaterThan(0);
  expect(task.cpu).toBeLessThanOrEqual(100);
  expect(frames.gap).toBeLessThanOrEqual(1000);
  expect([...stages].some((s) => /正在/.test(s))).toBe(true);

  // The list is one page of findings at most, however many there are.
  expect(await page.locator('[data-finding]').count()).toBeLessThanOrEqual(50);

  // 取消 during a review: the worker is ended, the pane is back at its start and says so in Chinese.
  await page.getByRole('button', { name: '重新扫描' }).click();
  await page.getByRole('button', { name: '取消' }).click();
  await page.getByText('已取消审核，工作簿未改动，可随时重新扫描。').waitFor();
  await page.getByRole('button', { name: '扫描工作簿' }).waitFor();
  await expect(page.getByRole('status').count()).resolves.toBe(0);

  // A review after 取消 starts a fresh worker from the file and finishes.
  await page.getByRole('button', { name: '扫描工作簿' }).click();
  await page.getByRole('status').waitFor({ timeout: 90000 });
  await expect(page.getByRole('status').textContent()).resolves.toBe(summary);
  expect(errors).toEqual([]);
  await page.close();
}, 240000);
