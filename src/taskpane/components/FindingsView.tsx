import { Badge, Button, Input, makeStyles, mergeClasses, Text, ToggleButton, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ReportFinding, Severity } from '../../core/report/report';
import { ALL_RULES } from '../../core/rules/registry';
import type { Language, Translate } from '../i18n';
import { listItemStyle } from './list-item-style';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: '6px', marginBottom: '8px' },
  group: { marginTop: '10px' },
  groupTitle: { display: 'flex', alignItems: 'center', gap: '6px', margin: '4px 0' },
  item: {
    ...listItemStyle,
    whiteSpace: 'normal',
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  where: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const ORDER: Severity[] = ['error', 'warning', 'info'];
const BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

export function FindingsView(props: {
  findings: readonly ReportFinding[];
  language: Language;
  t: Translate;
  onGoTo: (sheet: string, cell: string) => void;
}) {
  const { findings, t, onGoTo, language } = props;
  const styles = useStyles();
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: false });
  const [query, setQuery] = useState('');
  const titles = useMemo(
    () =>
      Object.fromEntries(ALL_RULES.map((r) => [r.meta.id, language === 'en-US' ? r.meta.title.en : r.meta.title.zh])),
    [language],
  );
  const counts = useMemo(() => {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of findings) c[f.severity]++;
    return c;
  }, [findings]);
  const visible = findings.filter(
    (f) =>
      shown[f.severity] &&
      (!query || `${f.message} ${f.sheet} ${f.cells.join(' ')}`.toLowerCase().includes(query.toLowerCase())),
  );
  const groups = new Map<string, ReportFinding[]>();
  for (const f of visible) {
    const key = `${f.severity}|${f.rule}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const ordered = [...groups].sort(
    ([a], [b]) => ORDER.indexOf(a.split('|')[0] as Severity) - ORDER.indexOf(b.split('|')[0] as Severity),
  );

  if (!findings.length) return <Text>{t('noFindings')}</Text>;
  return (
    <div>
      <div className={styles.filters} role="group" aria-label="severity">
        {ORDER.map((s) => (
          <ToggleButton key={s} size="small" checked={shown[s]} onClick={() => setShown({ ...shown, [s]: !shown[s] })}>
            {t(s)} {counts[s]}
          </ToggleButton>
        ))}
      </div>
      <Input
        placeholder={t('search')}
        value={query}
        onChange={(_, d) => setQuery(d.value)}
        aria-label={t('search')}
        style={{ width: '100%' }}
      />
      {!visible.length && <Text block>{t('noMatches')}</Text>}
      {ordered.map(([key, items]) => {
        const [severity, rule] = key.split('|') as [Severity, string];
        return (
          <section key={key} className={styles.group} aria-label={titles[rule] ?? rule}>
            <div className={styles.groupTitle}>
              <Badge appearance="filled" color={BADGE[severity]}>
                {t(severity)}
              </Badge>
              <Text weight="semibold">{titles[rule] ?? rule}</Text>
              <Text size={200}>({items.length})</Text>
            </div>
            {items.map((f, i) => (
              <Button
                key={i}
                appearance="subtle"
                className={mergeClasses(styles.item, styles[severity])}
                onClick={() => onGoTo(f.sheet, f.cells[0] ?? 'A1')}
                title={t('goTo', { cell: `${f.sheet}!${f.cells[0] ?? ''}` })}
                data-finding={`${f.sheet}!${f.cells[0] ?? ''}`}
              >
                <Text block>{f.message}</Text>
                <Text block className={styles.where}>
                  {f.sheet}!{f.cells.slice(0, 4).join(' ')}
                  {f.cells.length > 4 ? ' …' : ''}
                </Text>
              </Button>
            ))}
          </section>
        );
      })}
    </div>
  );
}
