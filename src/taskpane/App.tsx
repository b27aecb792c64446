import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Tab,
  TabList,
  Text,
  tokens,
  Toolbar,
  ToolbarButton,
} from '@fluentui/react-components';
import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import type { WorkbookPlatform } from '../platform/types';
import { CoverageView } from './components/CoverageView';
import { FindingsView } from './components/FindingsView';
import { exportName, findingsCsv, findingsXlsx, saveFile } from './export-findings';
import { FLUENT_THEMES, themeKind } from './theme';
import { defaultFilter, type FindingFilter } from './finding-filter';
import { PerformanceView, SettingsView } from './components/lazy-views';
import { TablesView } from './components/TablesView';
import { translator } from './i18n';
import type { ReviewEngine } from './engine/engine';
import type { FindingsPage } from './engine/pages';
import { useReview, type ReviewListener } from './use-review';

const useStyles = makeStyles({
  // Layout lives on an inner element, never on the FluentProvider: Fluent gives the provider's className to every
  // portal (dropdown lists, dialogs), so a min-height or padding there covered the page with a white layer.
  root: {
    minHeight: '100%',
    padding: '12px',
    boxSizing: 'border-box',
    fontFamily: tokens.fontFamilyBase,
    maxWidth: '100%',
  },
  header: { display: 'flex', alignItems: 'center', gap: '8px', marginBottom: '8px' },
  logo: { width: '28px', height: '28px' },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  scan: { display: 'flex', gap: '8px', alignItems: 'center', margin: '8px 0' },
  progress: { flexGrow: 1 },
  toolbar: { flexWrap: 'wrap', padding: 0, margin: '6px 0 2px' },
  export: { display: 'flex', alignItems: 'center', gap: '6px', flexWrap: 'wrap', margin: '0 0 6px' },
  summary: { display: 'block', margin: '6px 0' },
  // Sticky: a notice after an action far down the pane (绩效) stays in view.
  notice: { margin: '8px 0', position: 'sticky', top: '0', zIndex: 1 },
  tabs: { marginTop: '6px', marginBottom: '6px' },
});

export function App(props: { platform: WorkbookPlatform; onReview?: ReviewListener; engine?: ReviewEngine }) {
  const { platform, onReview } = props;
  const t = useMemo(() => translator(platform.language), [platform.language]);
  const c = useReview(platform, t, onReview, props.engine);
  const styles = useStyles();
  const theme = useMemo(() => themeKind(platform.theme), [platform.theme]);
  const [tab, setTab] = useState<'findings' | 'tables' | 'performance' | 'settings'>('findings');
  const report = c.summary;
  const counts = report?.counts ?? { error: 0, warning: 0, info: 0 };
  const busy = c.status.kind === 'scanning' || c.status.kind === 'busy';
  const [filter, setFilter] = useState<FindingFilter>(() => defaultFilter(c.settings.markInfo));
  useEffect(
    () => setFilter((f) => ({ ...f, shown: { ...f.shown, info: c.settings.markInfo } })),
    [c.settings.markInfo],
  );
  // The list shows one page, asked of the engine whenever the review, the filter or the page changes.
  const [pageNo, setPageNo] = useState(0);
  const [page, setPage] = useState<FindingsPage | null>(null);
  const { engine, fail } = c;
  useEffect(() => {
    if (!report) return setPage(null);
    let current = true;
    engine.call('page', filter, platform.language, pageNo).then(
      // A page of findings is drawn in a transition too (React yields to the page's frames while rendering it).
      (p) => current && startTransition(() => setPage(p)),
      (e: unknown) => current && !(e instanceof Error && e.name === 'ScanCancelled') && fail(e),
    );
    return () => {
      current = false;
    };
  }, [engine, report, filter, pageNo, platform.language, fail]);
  const onFilter = useCallback((f: FindingFilter) => {
    setFilter(f);
    setPageNo(0);
  }, []);
  const listedCount = page?.listed ?? 0;
  const exportXlsx = useCallback(
    async (workbook: string) => {
      const shown = await engine.call('listed', filter, platform.language);
      saveFile(
        exportName(workbook, 'xlsx'),
        await findingsXlsx(shown, platform.language),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
    },
    [engine, filter, platform.language],
  );
  const exportCsv = useCallback(
    async (workbook: string) => {
      const shown = await engine.call('listed', filter, platform.language);
      saveFile(exportName(workbook, 'csv'), findingsCsv(shown, platform.language), 'text/csv');
    },
    [engine, filter, platform.language],
  );

  const onImportCatalog = useCallback(
    async (file: File) => {
      try {
        // Read and recognised by the review engine (in its worker): the pane's thread loads no reader.
        c.importCatalogs(await engine.call('importCatalog', new Uint8Array(await file.arrayBuffer()), file.name));
      } catch (e) {
        c.fail(e);
      }
    },
    [c, engine],
  );

  return (
    <FluentProvider theme={FLUENT_THEMES[theme]} lang={platform.language}>
      <div className={styles.root} data-theme={theme}>
        <header className={styles.header}>
          <img className={styles.logo} src="assets/icon-32.png" alt="" />
          <div>
            <Text as="h1" weight="semibold" size={400} style={{ margin: 0 }}>
              {t('appName')}
            </Text>
            {report && (
              <Text block className={styles.meta}>
                {report.workbook} ·{' '}
                {report.fiscalYear
                  ? t('yearKind', {
                      year: report.fiscalYear,
                      kind: report.reportKind === 'final' ? t('final') : t('budget'),
                    })
                  : t('unknownYear')}
              </Text>
            )}
          </div>
        </header>

        <div className={styles.scan}>
          {c.status.kind === 'scanning' ? (
            <>
              <ProgressBar
                className={styles.progress}
                value={c.status.total ? c.status.done / c.status.total : undefined}
                aria-label={c.status.label}
              />
              <Button onClick={c.cancel}>{t('cancel')}</Button>
            </>
          ) : (
            <Button appearance="primary" onClick={() => void c.scan()} disabled={busy}>
              {report ? t('rescan') : t('scan')}
            </Button>
          )}
        </div>
        {c.status.kind === 'scanning' && (
          <Text size={200} className={styles.meta} aria-live="polite" data-testid="scan-progress">
            {c.status.label}
          </Text>
        )}

        {c.notice && (
          <MessageBar intent={c.notice.intent} className={styles.notice}>
            <MessageBarBody>{c.notice.text}</MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button appearance="transparent" size="small" aria-label={t('close')} onClick={c.dismissNotice}>
                  ×
                </Button>
              }
            />
          </MessageBar>
        )}

        {c.pending && (
          <MessageBar intent="warning" className={styles.notice} layout="multiline">
            <MessageBarBody>{t('alreadyThere', { sheets: c.pending.sheets.join('”“') })}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" appearance="primary" onClick={c.pending.update}>
                {t('updateExisting')}
              </Button>
              <Button size="small" onClick={c.pending.add}>
                {t('addNew')}
              </Button>
              <Button size="small" onClick={c.cancelPending}>
                {t('cancel')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}

        {!report && c.status.kind !== 'scanning' && tab !== 'settings' && (
          <Text block>
            {t('noScan')}{' '}
            <Button appearance="transparent" size="small" onClick={() => setTab('settings')}>
              {t('tabSettings')}
            </Button>
          </Text>
        )}

        {report && (
          <>
            <Text className={styles.summary} role="status">
              {t('summary', { tables: report.tables.length, ...counts })}
            </Text>
            {report.coverage && <CoverageView coverage={report.coverage} language={platform.language} />}
            <Toolbar className={styles.toolbar} size="small" aria-label={t('actions')}>
              <ToolbarButton appearance="primary" onClick={() => void c.mark(filter)} disabled={busy || !listedCount}>
                {t('mark')}
              </ToolbarButton>
              <ToolbarButton onClick={() => void c.clearMarks()} disabled={busy || !c.hasMarks}>
                {t('clearMarks')}
              </ToolbarButton>
              <ToolbarButton onClick={() => void c.undo()} disabled={busy || !c.canUndo}>
                {t('undo')}
              </ToolbarButton>
              <ToolbarButton onClick={() => void c.writeReport()} disabled={busy}>
                {t('writeReport')}
              </ToolbarButton>
              <ToolbarButton onClick={() => void c.fillCodes()} disabled={busy}>
                {t('fillCodes')}
              </ToolbarButton>
            </Toolbar>
            {/* Export on a line of its own: a label and the two formats (the list as shown, written nowhere). */}
            <div className={styles.export} role="group" aria-label={t('exportFindings')}>
              <Text size={200}>
                {t('exportFindings')}
                {platform.language === 'zh-CN' ? '：' : ':'}
              </Text>
              <Button
                size="small"
                onClick={() => void exportXlsx(report.workbook).catch(c.fail)}
                disabled={!listedCount}
                aria-label={`${t('exportFindings')} (.xlsx)`}
              >
                Excel (.xlsx)
              </Button>
              <Button
                size="small"
                onClick={() => void exportCsv(report.workbook).catch(c.fail)}
                disabled={!listedCount}
                aria-label={`${t('exportFindings')} (.csv)`}
              >
                CSV (.csv)
              </Button>
            </div>
            <TabList
              className={styles.tabs}
              selectedValue={tab}
              onTabSelect={(_, d) => setTab(d.value as typeof tab)}
              size="small"
            >
              <Tab value="findings">
                {t('tabFindings')} ({report.total})
              </Tab>
              <Tab value="tables">
                {t('tabTables')} ({report.tables.length})
              </Tab>
              <Tab value="performance">{t('tabPerformance')}</Tab>
              <Tab value="settings">{t('tabSettings')}</Tab>
            </TabList>
            {tab === 'findings' && (
              <FindingsView
                page={page}
                total={report.total}
                sheets={report.sheets}
                rules={report.rules}
                filter={filter}
                onFilter={onFilter}
                onPage={setPageNo}
                language={platform.language}
                t={t}
                onGoTo={c.goTo}
              />
            )}
            {tab === 'tables' && <TablesView report={report} t={t} onGoTo={c.goTo} />}
            {tab === 'performance' && (
              <PerformanceView
                projects={c.projects}
                findings={report.performanceFindings}
                blanks={c.blanks}
                busy={busy}
                language={platform.language}
                t={t}
                onInsert={(p) => void c.insertTargets(p)}
                onInsertSelfEvaluations={(p) => void c.insertSelfEvaluations(p)}
                onInsertDepartment={() => void c.insertDepartment()}
                onFillSelfEvaluation={() => void c.fillSelfEvaluation()}
                onGoTo={c.goTo}
              />
            )}
          </>
        )}
        {tab === 'settings' && (
          <SettingsView
            settings={c.settings}
            language={platform.language}
            t={t}
            onChange={c.updateSettings}
            onImportCatalog={onImportCatalog}
          />
        )}
      </div>
    </FluentProvider>
  );
}
