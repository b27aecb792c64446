import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReviewSummary } from '../engine/pages';
import type { Translate } from '../i18n';
import { listItemStyle } from './list-item-style';

const useStyles = makeStyles({
  sheet: { marginTop: '10px' },
  item: listItemStyle,
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  unknown: { color: tokens.colorPaletteDarkOrangeForeground2 },
});

export function TablesView(props: {
  report: Pick<ReviewSummary, 'tables' | 'typeNames'>;
  t: Translate;
  onGoTo: (sheet: string, range: string) => void;
}) {
  const { report, t, onGoTo } = props;
  const styles = useStyles();
  const sheets = [...new Set(report.tables.map((x) => x.sheet))];
  const hidden = new Set(report.tables.filter((x) => x.hidden).map((x) => x.sheet));
  return (
    <div>
      {sheets.map((sheet) => (
        <section key={sheet} className={styles.sheet} aria-label={sheet}>
          <Text weight="semibold">{sheet}</Text>
          {hidden.has(sheet) ? (
            <Text className={styles.meta} data-hidden-sheet>
              {t('hiddenSheet')}
            </Text>
          ) : null}
          {report.tables
            .filter((x) => x.sheet === sheet)
            .map((x) => (
              <Button
                key={x.range}
                appearance="subtle"
                className={styles.item}
                onClick={() => onGoTo(x.sheet, x.range)}
                data-table={`${x.sheet}!${x.range}`}
              >
                <Text block className={x.type === 'unknown' ? styles.unknown : undefined}>
                  {report.typeNames[x.type] ?? x.type}
                  {x.title ? ` · ${x.title}` : ''}
                </Text>
                <Text block className={styles.meta}>
                  {x.range} · {x.unit ?? t('unitUnknown')} ·{' '}
                  {x.dataRows ? t('rows', { n: x.dataRows[1] - x.dataRows[0] + 1 }) : t('noData')}
                </Text>
              </Button>
            ))}
        </section>
      ))}
    </div>
  );
}
