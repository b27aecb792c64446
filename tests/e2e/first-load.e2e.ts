import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { builtPages, DIST } from './built-pages';

/**
 * What a page loads before anyone touches it: the scripts the browser fetched once the page (the preview, or the task
 * pane inside a stand-in Excel) has drawn and the network is quiet, in minified bytes. The review's worker and the
 * on-demand chunks (ExcelJS for exports, the in-thread engine) are not among them: workers load on their own thread
 * (the preview starts its two at load, warm for the first file), chunks come when a download is asked for. Budgets (issue 14): the page's own code, React and Fluent; not the rules, catalogs,
 * vocabularies or report renderer, which live in the worker.
 */
const OFFICE_JS = 'https://appsforoffice.microsoft.com/**';

/** Minified bytes of first-load script, per page (issue 14: 900 KB; ExcelJS comes only with a download). */
const BUDGET = { taskpane: 900_000, preview: 900_000 };

/**
 * The engine's modules, which a page must not load before a review: the rules (their metadata apart), catalogs,
 * recognition, mapping, document model, performance forms, the review and its session, the HTML report, decimal.js.
 * The data files (catalogs, vocabularies) come only through these modules.
 */
const ENGINE =
  /src\/core\/(rules\/(?!metadata\.ts)|catalog\/|recognition\/|mapping\/|model\/|performance\/|report\/html\.ts|review\.ts)|src\/taskpane\/engine\/session\.ts|node_modules\/decimal\.js\//;

/** The views that load when their tab is first opened (src/taskpane/components/lazy-views.tsx), never at first load. */
const LAZY_VIEWS = /src\/taskpane\/components\/(SettingsView|PerformanceView)\.tsx$/;

/** The source files of a built script, from its source map. */
const sourcesOf = (script: string): string[] =>
  (JSON.parse(readFileSync(join(DIST, `${script}.map`), 'utf8')) as { sources: string[] }).sources;

/** Enough of office.js for the pane to start in "Excel" (host, requirement sets, the document's settings). */
const FAKE_OFFICE = `window.Office = {
  HostType: { Excel: 'Excel' },
  onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
  context: {
    displayLanguage: 'zh-CN',
    requirements: { isSetSupported: () => true },
    document: { url: 'budget.xlsx', settings: { get: () => null, set: () => undefined, saveAsync: (cb) => cb && cb({ status: 'succeeded' }) } },
  },
};`;

const pages = builtPages();

/**
 * Opens `path`, waits for `drawn` and a quiet network: the bytes of every script served from dist/web, and the engine
 * modules among their sources.
 */
async function firstLoad(
  path: string,
  drawn: (page: Page) => Promise<unknown>,
  setUp?: (page: Page) => Promise<unknown>,
): Promise<{ bytes: number; scripts: string[]; engine: string[]; views: string[] }> {
  const page = await pages.browser.newPage({ locale: 'zh-CN' });
  await setUp?.(page);
  await page.goto(`${pages.url}/${path}`);
  await drawn(page);
  await page.waitForLoadState('networkidle');
  // The page's own resource timeline: its <script>s and the chunks webpack adds (and removes once run), not what a
  // worker the page starts ahead of need (the preview's two) loads on its own thread, which has a timeline of its own.
  const scripts = await page.evaluate(
    (origin) =>
      performance
        .getEntriesByType('resource')
        // initiatorType script: <script> elements; a worker's own script is fetched as "other".
        .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' && e.name.startsWith(origin))
        .map((e): [string, number] => [
          e.name.slice(origin.length + 1),
          (e as PerformanceResourceTiming).decodedBodySize,
        ]),
    pages.url,
  );
  await page.close();
  return {
    bytes: scripts.reduce((n, [, b]) => n + b, 0),
    scripts: scripts.map(([s, b]) => `${s} ${b}`),
    engine: scripts.flatMap(([s]) => sourcesOf(s).filter((m) => ENGINE.test(m))),
    views: scripts.flatMap(([s]) => sourcesOf(s).filter((m) => LAZY_VIEWS.test(m))),
  };
}

test('the preview, before a workbook is opened, loads no more than its budget of script', async () => {
  const { bytes, scripts, engine, views } = await firstLoad('preview.html', (p) =>
    p.getByRole('button', { name: /打开 \.xlsx/ }).waitFor(),
  );
  console.log(`preview first load: ${bytes} bytes (${scripts.join(', ')})`);
  expect(engine).toEqual([]);
  expect(views).toEqual([]);
  expect(bytes).toBeLessThanOrEqual(BUDGET.preview);
});

test('the task pane in Excel, started and drawn, loads no more than its budget of script', async () => {
  const { bytes, scripts, engine, views } = await firstLoad(
    'taskpane.html',
    (p) => p.getByRole('button', { name: /扫描工作簿/ }).waitFor(),
    (p) => p.route(OFFICE_JS, (r) => r.fulfill({ contentType: 'text/javascript', body: FAKE_OFFICE })),
  );
  console.log(`task pane first load: ${bytes} bytes (${scripts.join(', ')})`);
  expect(engine).toEqual([]);
  expect(views).toEqual([]);
  expect(bytes).toBeLessThanOrEqual(BUDGET.taskpane);
});
