import {
  Badge,
  Button,
  Input,
  Link,
  makeStyles,
  mergeClasses,
  Select,
  Text,
  ToggleButton,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { type ReportFinding, type Severity } from '../../core';
import { cellRef } from '../cell-ref';
import { groupKey, PAGE_SIZE, type FindingsPage } from '../engine/pages';
import { ruleTitle, type FindingFilter } from '../finding-filter';
import type { Language, Translate } from '../i18n';
import { ruleHelp } from '../rule-help';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: '6px', marginBottom: '8px' },
  // minmax(0, …): a long rule title in an option must not widen the pane.
  selects: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: '6px', margin: '6px 0' },
  group: { marginTop: '10px' },
  groupTitle: { display: 'flex', alignItems: 'center', gap: '6px', margin: '4px 0' },
  item: {
    padding: '6px 8px',
    marginBottom: '4px',
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  message: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    height: 'auto',
    padding: '2px 0',
    minWidth: 0,
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
    fontWeight: tokens.fontWeightRegular,
  },
  where: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '2px 8px',
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
    minWidth: 0,
  },
  help: {
    marginTop: '4px',
    padding: '6px 8px',
    backgroundColor: tokens.colorNeutralBackground3,
    fontSize: tokens.fontSizeBase200,
  },
  hidden: { display: 'block', margin: '6px 0', color: tokens.colorNeutralForeground3 },
  pager: { display: 'flex', alignItems: 'center', gap: '8px', margin: '10px 0', flexWrap: 'wrap' },
});

const ORDER: Severity[] = ['error', 'warning', 'info'];
const BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};
const MAX_CELLS = 6;

function FindingItem(props: {
  f: ReportFinding;
  language: Language;
  t: Translate;
  onGoTo: (sheet: string, cell: string) => void;
}) {
  const { f, t, onGoTo, language } = props;
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const first = cellRef(f.cells[0] ?? 'A1', f.sheet);
  const help = open ? ruleHelp(f.rule, language, f.messageId) : null;
  return (
    <div
      className={mergeClasses(styles.item, styles[f.severity])}
      data-finding={`${f.sheet}!${f.cells[0] ?? ''}`}
      role="listitem"
    >
      <Button
        appearance="transparent"
        className={styles.message}
        onClick={() => onGoTo(first.sheet, first.cell)}
        title={t('goTo', { cell: `${first.sheet}!${first.cell}` })}
      >
        {f.message}
      </Button>
      <div className={styles.where}>
        {f.cells.slice(0, MAX_CELLS).map((c) => {
          const ref = cellRef(c, f.sheet);
          return (
            <Link
              key={c}
              as="button"
              onClick={() => onGoTo(ref.sheet, ref.cell)}
              aria-label={t('goTo', { cell: `${ref.sheet}!${ref.cell}` })}
            >
              {ref.sheet}!{ref.cell}
            </Link>
          );
        })}
        {f.cells.length > MAX_CELLS && <Text size={200}>{t('moreCells', { n: f.cells.length - MAX_CELLS })}</Text>}
        <Link as="button" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? t('hideHelp') : t('showHelp')}
        </Link>
      </div>
      {help && (
        <div className={styles.help} role="note">
          <Text block weight="semibold">
            {help.title}
          </Text>
          {help.finding && (
            <Text block>
              {t('helpFinding')}
              {help.finding}
            </Text>
          )}
          <Text block>
            {t('helpWhat')}
            {help.what}
          </Text>
          <Text block>
            {t('helpFormula')}
            {help.formula}
          </Text>
          {help.fix && (
            <Text block>
              {t('helpFix')}
              {help.fix}
            </Text>
          )}
          {(f.expected !== undefined || f.actual !== undefined) && (
            <Text block>
              {t('expectedActual', {
                expected: f.expected ?? '—',
                actual: f.actual ?? '—',
                difference: f.difference ?? '—',
              })}
            </Text>
          )}
        </div>
      )}
    </div>
  );
}

export function FindingsView(props: {
  /** One page of the listed findings, from the review engine (or localPage for findings held in the pane). */
  page: FindingsPage | null;
  /** Every finding's count, and the sheets and rules that have findings (the filter's choices). */
  total: number;
  sheets: readonly string[];
  rules: readonly string[];
  filter: FindingFilter;
  onFilter: (f: FindingFilter) => void;
  onPage: (page: number) => void;
  language: Language;
  t: Translate;
  onGoTo: (sheet: string, cell: string) => void;
}) {
  const { page, total, sheets, rules, filter, onFilter, onPage, t, onGoTo, language } = props;
  const styles = useStyles();
  const counts: Record<Severity, number> = page ? { ...page.counts } : { error: 0, warning: 0, info: 0 };
  const groups: [string, ReportFinding[]][] = [];
  for (const f of page?.items ?? []) {
    const key = groupKey(f, filter.sort);
    const last = groups.at(-1);
    if (last?.[0] === key) last[1].push(f);
    else groups.push([key, [f]]);
  }
  const hidden = ORDER.filter((s) => !filter.shown[s] && counts[s] > 0);

  if (!total) return <Text>{t('noFindings')}</Text>;
  return (
    <div>
      <div className={styles.filters} role="group" aria-label={t('severityFilter')}>
        {ORDER.map((s) => (
          <ToggleButton
            key={s}
            size="small"
            checked={filter.shown[s]}
            onClick={() => onFilter({ ...filter, shown: { ...filter.shown, [s]: !filter.shown[s] } })}
          >
            {t(s)} {counts[s]}
          </ToggleButton>
        ))}
      </div>
      <Input
        placeholder={t('search')}
        value={filter.query}
        onChange={(_, d) => onFilter({ ...filter, query: d.value })}
        aria-label={t('search')}
        style={{ width: '100%' }}
      />
      <div className={styles.selects}>
        <Select
          size="small"
          aria-label={t('bySheet')}
          value={filter.sheet ?? ''}
          onChange={(_, d) => onFilter({ ...filter, sheet: d.value || null })}
        >
          <option value="">{t('allSheets')}</option>
          {sheets.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
        <Select
          size="small"
          aria-label={t('byRule')}
          value={filter.rule ?? ''}
          onChange={(_, d) => onFilter({ ...filter, rule: d.value || null })}
        >
          <option value="">{t('allRules')}</option>
          {rules.map((r) => (
            <option key={r} value={r}>
              {ruleTitle(r, language)}
            </option>
          ))}
        </Select>
        <Select
          size="small"
          aria-label={t('sortBy')}
          value={filter.sort}
          onChange={(_, d) => onFilter({ ...filter, sort: d.value === 'sheet' ? 'sheet' : 'severity' })}
        >
          <option value="severity">{t('sortSeverity')}</option>
          <option value="sheet">{t('sortSheet')}</option>
        </Select>
      </div>
      {hidden.map((s) => (
        <Text key={s} className={styles.hidden} role="note">
          {t('hiddenCount', { n: counts[s], severity: t(s) })}{' '}
          <Link as="button" onClick={() => onFilter({ ...filter, shown: { ...filter.shown, [s]: true } })}>
            {t('show')}
          </Link>
        </Text>
      ))}
      {page && !page.listed && <Text block>{t('noMatches')}</Text>}
      {groups.map(([key, items], i) => {
        const [kind, value] = key.split('|') as [string, string];
        const title = kind === 'sheet' ? value : ruleTitle(value, language);
        return (
          <section key={`${key}|${i}`} className={styles.group} aria-label={title}>
            <div className={styles.groupTitle}>
              {kind !== 'sheet' && (
                <Badge appearance="filled" color={BADGE[kind as Severity]}>
                  {t(kind as Severity)}
                </Badge>
              )}
              <Text weight="semibold">{title}</Text>
              <Text size={200}>({page?.groups[key] ?? items.length})</Text>
            </div>
            <div role="list">
              {items.map((f, j) => (
                <FindingItem key={j} f={f} language={language} t={t} onGoTo={onGoTo} />
              ))}
            </div>
          </section>
        );
      })}
      {page && page.pages > 1 && (
        <nav className={styles.pager} aria-label={t('pages')}>
          <Button size="small" disabled={page.page === 0} onClick={() => onPage(page.page - 1)}>
            {t('previousPage')}
          </Button>
          <Text size={200} aria-live="polite">
            {t('pageOf', {
              page: page.page + 1,
              pages: page.pages,
              from: page.page * PAGE_SIZE + 1,
              to: page.page * PAGE_SIZE + page.items.length,
              n: page.listed,
            })}
          </Text>
          <Button size="small" disabled={page.page >= page.pages - 1} onClick={() => onPage(page.page + 1)}>
            {t('nextPage')}
          </Button>
        </nav>
      )}
    </div>
  );
}
