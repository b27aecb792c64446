import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { NOT_CHECKED_REASON_NAMES, type NotCheckedReason, type ReportCoverage } from '../../core';
import type { Language } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'block', margin: '2px 0 6px' },
  summary: { cursor: 'pointer' },
  list: { margin: '4px 0 0', paddingLeft: '18px' },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const EN_REASONS: Readonly<Record<NotCheckedReason, string>> = {
  table_missing: 'table missing',
  table_unknown_type: 'table not typed',
  column_not_found: 'line or column not found',
  structure_unconfirmed: 'structure unconfirmed',
  formula_not_calculated: 'formula not calculated',
  blank: 'no data',
  rule_off: 'rule off',
  other: 'other',
};

/**
 * "已核对 N 项勾稽关系，M 项未能核对" — and, one click away, what was not checked and why. Unresolved is never a pass.
 */
export function CoverageView(props: { coverage: ReportCoverage; language: Language }) {
  const { coverage, language } = props;
  const styles = useStyles();
  // The list is rendered only while open: closed, it is not part of the page (nor of its list items).
  const [open, setOpen] = useState(false);
  const en = language === 'en-US';
  const { closed, failed, notChecked } = coverage.identities;
  const head = en
    ? `${closed + failed} identities checked, ${notChecked} could not be checked`
    : `已核对 ${closed + failed} 项勾稽关系，${notChecked} 项未能核对`;
  if (!coverage.notChecked.length)
    return (
      <Text block className={styles.root} data-coverage="">
        {head}
      </Text>
    );
  return (
    <details className={styles.root} data-coverage="" open={open}>
      <summary
        className={styles.summary}
        onClick={(e) => {
          e.preventDefault();
          setOpen(!open);
        }}
      >
        <Text>{head}</Text>
      </summary>
      {open && (
        <ul className={styles.list}>
          {coverage.notChecked.map((e, i) => (
            <li key={i}>
              <Text>{e.message}</Text>{' '}
              <Text className={styles.meta}>
                {e.sheet ? `${e.sheet} · ` : ''}
                {en ? EN_REASONS[e.reason] : NOT_CHECKED_REASON_NAMES[e.reason]}
                {e.count && e.count > 1 ? ` × ${e.count}` : ''}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
