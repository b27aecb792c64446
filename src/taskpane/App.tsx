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
import { useCallback, useEffect, useMemo, useState } from 'react';
import { importCatalog, type Review } from '../core';
import type { WorkbookPlatform } from '../platform/types';
import { CoverageView } from './components/CoverageView';
import { FindingsView } from './components/FindingsView';
import { exportName, findingsCsv, findingsXlsx, saveFile } from './export-findings';
import { FLUENT_THEMES, themeKind } from './theme';
import { defaultFilter, listed, type FindingFilter } from './finding-filter';
import { PerformanceView } from './components/PerformanceView';
import { SettingsView } from './components/SettingsView';
import { TablesView } from './components/TablesView';
import { translator } from './i18n';
import { useReview } from './use-review';

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
  toolbar: { flexWrap: 'wrap', padding: 0, margin: '6px 0' },
  summary: { display: 'block', margin: '6px 0' },
  // Sticky: a notice after an action far down the pane (绩效) stays in view.
  notice: { margin: '8px 0', position: 'sticky', top: '0', zIndex: 1 },
  tabs: { marginTop: '6px', marginBottom: '6px' },
});

export function App(props: { platform: WorkbookPlatform; onReview?: (review: Review | null) => void }) {
  const { platform, onReview } = props;
  const t = useMemo(() => translator(platform.language), [platform.language]);
  const c = useReview(platform, t, onReview);
  const styles = useStyles();
  const theme = useMemo(() => themeKind(platform.theme), [platform.theme]);
  const [tab, setTab] = useState<'findings' | 'tables' | 'performance' | 'settings'>('findings');
  const report = c.review?.report;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of report?.findings ?? []) counts[f.severity]++;
  const busy = c.status.kind === 'scanning' || c.status.kind === 'busy';
  const [filter, setFilter] = useState<FindingFilter>(() => defaultFilter(c.settings.markInfo));
  useEffect(
    () => setFilter((f) => ({ ...f, shown: { ...f.shown, info: c.settings.markInfo } })),
    [c.settings.markInfo],
  );
  const shown = useMemo(
    () => (report ? listed(report.findings, filter, platform.language) : []),
    [report, filter, platform.language],
  );

  const onImportCatalog = useCallback(
    async (file: File) => {
      try {
        const { readXlsx } = await import('../adapters/xlsx/read-xlsx');
        const snapshot = await readXlsx(new Uint8Array(await file.arrayBuffer()), file.name);
        const imported = importCatalog(snapshot, { source: `导入：${file.name}` });
        c.importCatalogs(imported.catalogs);
      } catch (e) {
        c.fail(e);
      }
    },
    [c],
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
                aria-label={`${t('scanning')} ${c.status.sheet}`}
              />
              <Button onClick={c.cancel}>{t('cancel')}</Button>
            </>
          ) : (
            <Button appearance="primary" onClick={() => void c.scan()} disabled={busy}>
              {report ? t('rescan') : t('scan')}
            </Button>
          )}
        </div>
        {c.status.kind === 'scanning' && c.status.sheet && (
          <Text size={200} className={styles.meta}>
            {t('scanning')}：{c.status.sheet}
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
              <ToolbarButton appearance="primary" onClick={() => void c.mark(shown)} disabled={busy || !shown.length}>
                {t('mark')}
              </ToolbarButton>
              <ToolbarButton onClick={() => void c.clearMarks()} disabled={busy || !c.hasMarks}>
                {t('clearMarks')}
              </ToolbarButton>
              <ToolbarButton
                onClick={() =>
                  void findingsXlsx(shown, platform.language).then(
                    (data) =>
                      saveFile(
                        exportName(report.workbook, 'xlsx'),
                        data,
                        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
                      ),
                    c.fail,
                  )
                }
                disabled={!shown.length}
                aria-label={`${t('exportFindings')} (.xlsx)`}
              >
                {t('exportFindings')} .xlsx
              </ToolbarButton>
              <ToolbarButton
                onClick={() =>
                  saveFile(exportName(report.workbook, 'csv'), findingsCsv(shown, platform.language), 'text/csv')
                }
                disabled={!shown.length}
                aria-label={`${t('exportFindings')} (.csv)`}
              >
                .csv
              </ToolbarButton>
              <ToolbarButton onClick={() => void c.writeReport()} disabled={busy}>
                {t('writeReport')}
              </ToolbarButton>
              <ToolbarButton onClick={() => void c.fillCodes()} disabled={busy}>
                {t('fillCodes')}
              </ToolbarButton>
              <ToolbarButton onClick={() => void c.undo()} disabled={busy || !c.canUndo}>
                {t('undo')}
              </ToolbarButton>
            </Toolbar>
            <TabList
              className={styles.tabs}
              selectedValue={tab}
              onTabSelect={(_, d) => setTab(d.value as typeof tab)}
              size="small"
            >
              <Tab value="findings">
                {t('tabFindings')} ({report.findings.length})
              </Tab>
              <Tab value="tables">
                {t('tabTables')} ({report.tables.length})
              </Tab>
              <Tab value="performance">{t('tabPerformance')}</Tab>
              <Tab value="settings">{t('tabSettings')}</Tab>
            </TabList>
            {tab === 'findings' && (
              <FindingsView
                findings={report.findings}
                filter={filter}
                onFilter={setFilter}
                language={platform.language}
                t={t}
                onGoTo={c.goTo}
              />
            )}
            {tab === 'tables' && <TablesView report={report} t={t} onGoTo={c.goTo} />}
            {tab === 'performance' && (
              <PerformanceView
                projects={c.projects}
                findings={report.findings.filter((f) => f.rule.startsWith('performance.'))}
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
