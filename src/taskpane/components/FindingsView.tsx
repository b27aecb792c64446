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
import { useMemo, useState } from 'react';
import type { ReportFinding, Severity } from '../../core';
import { cellRef } from '../cell-ref';
import { listed, matching, ruleTitle, type FindingFilter } from '../finding-filter';
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
  const help = open ? ruleHelp(f.rule, language) : null;
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
  findings: readonly ReportFinding[];
  filter: FindingFilter;
  onFilter: (f: FindingFilter) => void;
  language: Language;
  t: Translate;
  onGoTo: (sheet: string, cell: string) => void;
}) {
  const { findings, filter, onFilter, t, onGoTo, language } = props;
  const styles = useStyles();
  const candidates = useMemo(() => matching(findings, filter, language), [findings, filter, language]);
  const visible = useMemo(() => listed(findings, filter, language), [findings, filter, language]);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of candidates) counts[f.severity]++;
  const sheets = [...new Set(findings.map((f) => f.sheet))];
  const rules = [...new Set(findings.map((f) => f.rule))];
  const groups = new Map<string, ReportFinding[]>();
  for (const f of visible) {
    const key = filter.sort === 'sheet' ? `sheet|${f.sheet}` : `${f.severity}|${f.rule}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const hidden = ORDER.filter((s) => !filter.shown[s] && counts[s] > 0);

  if (!findings.length) return <Text>{t('noFindings')}</Text>;
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
      {!visible.length && <Text block>{t('noMatches')}</Text>}
      {[...groups].map(([key, items]) => {
        const [kind, value] = key.split('|') as [string, string];
        const title = kind === 'sheet' ? value : ruleTitle(value, language);
        return (
          <section key={key} className={styles.group} aria-label={title}>
            <div className={styles.groupTitle}>
              {kind !== 'sheet' && (
                <Badge appearance="filled" color={BADGE[kind as Severity]}>
                  {t(kind as Severity)}
                </Badge>
              )}
              <Text weight="semibold">{title}</Text>
              <Text size={200}>({items.length})</Text>
            </div>
            <div role="list">
              {items.map((f, i) => (
                <FindingItem key={i} f={f} language={language} t={t} onGoTo={onGoTo} />
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}
