import type * as ExcelJS from '../adapters/xlsx/exceljs-types';
import { StrictMode, useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { loadXlsx } from '../adapters/xlsx/read-xlsx';
import type { ReviewReport } from '../core';
import { ExcelJsPlatform } from '../adapters/xlsx/exceljs-platform';
import { App } from '../taskpane/App';
import type { ReviewEngine } from '../taskpane/engine/engine';
import type { ReviewSummary } from '../taskpane/engine/pages';
import { pageEngine } from '../taskpane/engine/spawn-worker';
import { RuleCatalogue } from './RuleCatalogue';
import { SheetGrid } from './SheetGrid';
import css from './preview.css';

/**
 * The browser preview: open an .xlsx (or the bundled sample), see its sheets with the findings marked, use the same
 * task pane as in Excel, and download the marked workbook and the report. `?sample=PATH` opens a workbook on load.
 */
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
  const [platform, setPlatform] = useState<ExcelJsPlatform | null>(null);
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

  const open = useCallback(async (bytes: Uint8Array, name: string) => {
    try {
      const wb = await loadXlsx(bytes, name);
      setPlatform(new ExcelJsPlatform(wb, name));
      setEngine(pageEngine({ bytes, name }));
      setOpened((n) => n + 1);
      setSheetName(wb.worksheets[0]?.name ?? '');
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
  const sheet: ExcelJS.Worksheet | undefined =
    platform?.workbook.getWorksheet(sheetName) ?? platform?.workbook.worksheets[0];
  const shown = sheet?.name ?? '';
  const tabs = useRef<HTMLElement>(null);
  useEffect(() => {
    tabs.current?.querySelector('[aria-selected=true]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
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
            onClick={async () =>
              download(
                platform.fileName.replace(/\.xlsx$/i, '') + '（已审核）.xlsx',
                await platform.workbook.xlsx.writeBuffer(),
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              )
            }
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
              <nav className="tabs" role="tablist" ref={tabs}>
                {platform.workbook.worksheets.map((ws) => (
                  <button
                    key={ws.id}
                    role="tab"
                    aria-selected={ws.name === shown}
                    className={ws.name === shown ? 'active' : ''}
                    onClick={() => setSheetName(ws.name)}
                  >
                    {ws.name}
                  </button>
                ))}
              </nav>
              {sheet && <SheetGrid sheet={sheet} version={version} selected={selected} />}
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
if (location.pathname.endsWith('/rules.html')) document.title = '预算审核助手 · 审核规则目录';
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>{location.pathname.endsWith('/rules.html') ? <RuleCatalogue /> : <Preview />}</StrictMode>,
);
