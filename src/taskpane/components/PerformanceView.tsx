import { Button, Checkbox, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { type BlankReason, type ProjectFacts, type ReportFinding } from '../../core';
import { localPage } from '../engine/pages';
import { defaultFilter, type FindingFilter } from '../finding-filter';
import type { Language, Translate } from '../i18n';
import { FindingsView } from './FindingsView';

const useStyles = makeStyles({
  section: { marginTop: '12px', display: 'flex', flexDirection: 'column', gap: '6px' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  amount: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, marginLeft: '28px' },
});

/** The 绩效目标 panel: insert target sheets for chosen projects or the department, fill self-evaluations, and checks. */
export function PerformanceView(props: {
  projects: readonly ProjectFacts[];
  findings: readonly ReportFinding[];
  /** Computed cells 填写自评得分 left blank, with why. */
  blanks: readonly BlankReason[];
  busy: boolean;
  language: Language;
  t: Translate;
  onInsert: (projects: readonly ProjectFacts[]) => void;
  onInsertSelfEvaluations: (projects: readonly ProjectFacts[]) => void;
  onInsertDepartment: () => void;
  onFillSelfEvaluation: () => void;
  onGoTo: (sheet: string, cell: string) => void;
}) {
  const { projects, findings, busy, t } = props;
  const styles = useStyles();
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set(projects.map((_, i) => i)));
  const [filter, setFilter] = useState<FindingFilter>(() => defaultFilter(true));
  const [page, setPage] = useState(0);
  const all = chosen.size === projects.length && projects.length > 0;
  return (
    <div>
      <section className={styles.section} aria-label={t('targetsTitle')}>
        <Text weight="semibold">{t('targetsTitle')}</Text>
        <Text className={styles.hint}>{t('targetsHint')}</Text>
        {projects.length === 0 ? (
          <Text>{t('noProjects')}</Text>
        ) : (
          <>
            <Checkbox
              label={t('selectAll')}
              checked={all ? true : chosen.size ? 'mixed' : false}
              onChange={() => setChosen(all ? new Set() : new Set(projects.map((_, i) => i)))}
            />
            {projects.map((p, i) => (
              <div key={i}>
                <Checkbox
                  label={p.name}
                  checked={chosen.has(i)}
                  onChange={() => {
                    const next = new Set(chosen);
                    if (next.has(i)) next.delete(i);
                    else next.add(i);
                    setChosen(next);
                  }}
                />
                <Text block className={styles.amount}>
                  {p.code ? `${p.code} ${p.codeName ?? ''} · ` : ''}
                  {p.total ?? '—'}
                </Text>
              </div>
            ))}
            <Button
              appearance="primary"
              disabled={busy || !chosen.size}
              onClick={() => props.onInsert(projects.filter((_, i) => chosen.has(i)))}
            >
              {t('insertTargets', { n: chosen.size })}
            </Button>
            <Button
              disabled={busy || !chosen.size}
              onClick={() => props.onInsertSelfEvaluations(projects.filter((_, i) => chosen.has(i)))}
            >
              {t('insertSelfEvals', { n: chosen.size })}
            </Button>
          </>
        )}
        <Button disabled={busy} onClick={props.onInsertDepartment}>
          {t('insertDepartment')}
        </Button>
      </section>
      <section className={styles.section} aria-label={t('selfEvalTitle')}>
        <Text weight="semibold">{t('selfEvalTitle')}</Text>
        <Text className={styles.hint}>{t('selfEvalHint')}</Text>
        <Button disabled={busy} onClick={props.onFillSelfEvaluation}>
          {t('fillSelfEval')}
        </Button>
        {props.blanks.length > 0 && (
          <div role="list" aria-label={t('blanksTitle')}>
            <Text weight="semibold" size={200}>
              {t('blanksTitle')}
            </Text>
            {props.blanks.map((b) => (
              <Text key={`${b.sheet}!${b.cell}`} block size={200} role="listitem">
                <Link as="button" onClick={() => props.onGoTo(b.sheet, b.cell)}>
                  {b.sheet}!{b.cell}
                </Link>
                ：{b.reason}
              </Text>
            ))}
          </div>
        )}
      </section>
      <section className={styles.section} aria-label={t('performanceFindings')}>
        <Text weight="semibold">{t('performanceFindings')}</Text>
        <FindingsView
          page={localPage(findings, filter, props.language, page)}
          total={findings.length}
          sheets={[...new Set(findings.map((f) => f.sheet))]}
          rules={[...new Set(findings.map((f) => f.rule))]}
          filter={filter}
          onFilter={(f) => {
            setFilter(f);
            setPage(0);
          }}
          onPage={setPage}
          language={props.language}
          t={t}
          onGoTo={props.onGoTo}
        />
      </section>
    </div>
  );
}
