import { StrictMode, useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { ReviewReport } from '../core';
import { App } from '../taskpane/App';
import type { ReviewEngine } from '../taskpane/engine/engine';
import type { ReviewSummary } from '../taskpane/engine/pages';
import { pageEngine, warmReviewWorker } from '../taskpane/engine/spawn-worker';
import type { GridView, SheetTab } from './grid-view';
import { RemoteWorkbook, WorkbookWorker } from './remote-workbook';
import { RuleCatalogue } from './RuleCatalogue';
import { MAX_COLS, MAX_ROWS, SheetGrid } from './SheetGrid';
import css from './preview.css';

/**
 * The browser preview: open an .xlsx (or the bundled sample), see its sheets with the findings marked, use the same
 * task pane as in Excel, and download the marked workbook and the report. `?sample=PATH` opens a workbook on load.
 * The page never parses the workbook: the workbook worker holds it and draws the sheet shown, the review worker reads
 * it for the review (both started at load, before a file is chosen), and ExcelJS is loaded only for 下载工作簿.
 */
let workbookWorker: WorkbookWorker | null = null;
const theWorkbookWorker = () =>
  (workbookWorker ??= new WorkbookWorker(
    new Worker(new URL('./workbook-worker.ts', import.meta.url), { name: 'budget-review-workbook' }),
  ));

/** The workbook as downloaded: the file with the pane's plans replayed on it by ExcelJS (loaded now, not before). */
async function downloadWorkbook(platform: RemoteWorkbook) {
  const { replayedWorkbook } = await import('../adapters/xlsx/replay');
  download(
    platform.fileName.replace(/\.xlsx$/i, '') + '（已审核）.xlsx',
    await replayedWorkbook(platform.bytes, platform.fileName, platform.applied),
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
}

function download(name: string, data: BlobPart, type: string) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "部门预算.xlsx" → "部门预算-审核报告.json": what a download is called, after the workbook. */
export const reportFileName = (workbook: string, ext: 'html' | 'json') =>
  `${workbook.replace(/\.xlsx$/i, '')}-审核报告.${ext}`;

/** The bundled samples: 灵寿 has 绩效目标表 forms, 泉州 a 项目支出表 to insert target sheets from. */
const SAMPLES = [
  { file: 'sample-budget.xlsx', label: '示例：灵寿县医疗保障局', hint: '十张公开表和两张项目绩效目标表' },
  {
    file: 'quanzhou-2021-budget.xlsx',
    label: '示例：泉州市医疗保障局',
    hint: '十张公开表，含项目支出表（可插入绩效目标表）',
  },
] as const;

function Preview() {
  const fileInput = useRef<HTMLInputElement>(null);
  const [platform, setPlatform] = useState<RemoteWorkbook | null>(null);
  const [tabs, setTabs] = useState<readonly SheetTab[]>([]);
  const [view, setView] = useState<GridView | null>(null);
  const [sheetName, setSheetName] = useState<string>('');
  const [selected, setSelected] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  // The review runs in a Web Worker that has the file's bytes; the page keeps the summary and asks for the report.
  const [engine, setEngine] = useState<ReviewEngine | null>(null);
  const [review, setReview] = useState<{ summary: ReviewSummary; report: () => Promise<ReviewReport> } | null>(null);
  const onReview = useCallback(
    (summary: ReviewSummary | null, report: () => Promise<ReviewReport>) =>
      setReview(summary ? { summary, report } : null),
    [],
  );
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState(0);

  const current = useRef<ReviewEngine | null>(null);
  const open = useCallback(async (bytes: Uint8Array, name: string) => {
    // The workbook worker reads the file first: one that is no workbook leaves the open one, and its review engine,
    // as they were. Then the last file's engine hands its warm worker back and the next one reads the file in it.
    const workbook = new RemoteWorkbook(theWorkbookWorker(), bytes, name);
    try {
      const sheets = await workbook.ready;
      current.current?.dispose();
      const next = (current.current = pageEngine({ bytes, name }));
      setEngine(next);
      setPlatform(workbook);
      setTabs(sheets);
      setView(null);
      setOpened((n) => n + 1);
      setSheetName(sheets[0]?.name ?? '');
      setSelected(null);
      setReview(null);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  const openUrl = useCallback(
    async (url: string) => {
      const res = await fetch(url);
      if (!res.ok) return setError(`无法打开 ${url}（${res.status}）`);
      await open(new Uint8Array(await res.arrayBuffer()), decodeURIComponent(url.split('/').pop() ?? 'sample.xlsx'));
    },
    [open],
  );

  useEffect(() => {
    const sample = new URLSearchParams(location.search).get('sample');
    if (sample) void openUrl(sample);
  }, [openUrl]);

  useEffect(
    () =>
      platform?.onChange((selection) => {
        setTabs(platform.sheets);
        setVersion((v) => v + 1);
        if (selection) {
          setSheetName(selection.sheet);
          // The whole range: a table clicked in 表格 is outlined as a block, a finding's cell alone.
          setSelected(selection.range);
        }
      }),
    [platform],
  );

  // The sheet shown; after an undo took it away (an inserted form), the first sheet.
  const shown = (tabs.find((t) => t.name === sheetName) ?? tabs[0])?.name ?? '';
  useEffect(() => {
    if (!platform || !shown) return;
    let current = true;
    platform.view(shown, MAX_ROWS, MAX_COLS).then(
      (v) => current && setView(v),
      (e: unknown) => current && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [platform, shown, version]);
  const tabList = useRef<HTMLElement>(null);
  useEffect(() => {
    tabList.current?.querySelector('[aria-selected=true]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [shown, version]);
  return (
    <div className="preview">
      <header className="bar">
        <strong>预算审核助手 · 浏览器预览</strong>
        {/* A real button opens the file chooser: a label around a hidden input cannot be reached by keyboard. */}
        <button className="button" onClick={() => fileInput.current?.click()}>
          打开 .xlsx…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx"
          hidden
          data-testid="open-file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) await open(new Uint8Array(await file.arrayBuffer()), file.name);
            e.target.value = '';
          }}
        />
        {SAMPLES.map((s) => (
          <button
            key={s.file}
            className="button"
            title={s.hint}
            onClick={() => void openUrl(`assets/samples/${s.file}`)}
          >
            {s.label}
          </button>
        ))}
        {platform && (
          <button
            className="button"
            onClick={() => downloadWorkbook(platform).catch((e: unknown) => setError(String(e)))}
          >
            下载工作簿
          </button>
        )}
        {review && (
          <>
            <button
              className="button"
              onClick={async () =>
                download(
                  reportFileName(review.summary.workbook, 'json'),
                  JSON.stringify(await review.report(), null, 1),
                  'application/json',
                )
              }
            >
              下载报告 JSON
            </button>
            <button
              className="button"
              onClick={async () =>
                engine &&
                download(reportFileName(review.summary.workbook, 'html'), await engine.call('htmlReport'), 'text/html')
              }
            >
              下载报告 HTML
            </button>
          </>
        )}
      </header>
      {error && <div className="error">{error}</div>}
      <main className="body">
        <section className="sheet">
          {platform ? (
            <>
              <nav className="tabs" role="tablist" ref={tabList}>
                {tabs.map((tab) => (
                  <button
                    key={tab.name}
                    role="tab"
                    aria-selected={tab.name === shown}
                    className={tab.name === shown ? 'active' : ''}
                    onClick={() => setSheetName(tab.name)}
                  >
                    {tab.name}
                  </button>
                ))}
              </nav>
              {view?.sheet === shown && <SheetGrid view={view} selected={selected} />}
            </>
          ) : (
            <p className="empty">
              打开一个部门预算或决算 .xlsx 工作簿，或点击一个示例工作簿。文件只在本机浏览器中处理，不会上传。
            </p>
          )}
        </section>
        <aside className="pane">
          {platform && engine ? (
            <App key={opened} platform={platform} engine={engine} onReview={onReview} />
          ) : (
            // Never an empty pane: say what it will do once a workbook is open.
            <p className="empty pane-empty">
              这里是“预算审核助手”任务窗格：打开工作簿后点击“扫描工作簿”，识别其中的预算、决算公开表并逐项核对，
              问题列在这里，点击即可定位到单元格。
            </p>
          )}
        </aside>
      </main>
    </div>
  );
}

document.head.append(Object.assign(document.createElement('style'), { textContent: css }));
if (!location.pathname.endsWith('/rules.html')) {
  // Both workers start now and read the bundled sample once while the user picks a file: the first file is then
  // read and reviewed by compiled code, not by code the browser compiles on the way.
  const sample = fetch(`assets/samples/${SAMPLES[0].file}`)
    .then((r) => (r.ok ? r.arrayBuffer() : null))
    .then((b) => (b ? new Uint8Array(b) : null))
    .catch(() => null);
  warmReviewWorker(sample);
  const workbooks = theWorkbookWorker();
  void sample.then(
    (bytes) => bytes && workbooks.ask({ method: 'warmUp', args: [bytes, 'warm-up.xlsx'] }).catch(() => 0),
  );
}
if (location.pathname.endsWith('/rules.html')) document.title = '预算审核助手 · 审核规则目录';
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>{location.pathname.endsWith('/rules.html') ? <RuleCatalogue /> : <Preview />}</StrictMode>,
);
