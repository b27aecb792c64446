import { Button, Dropdown, Field, Input, makeStyles, Option, Switch, Text, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { type CatalogData, RULE_METADATA, type RuleSetting } from '../../core';
import type { Settings } from '../../platform/types';
import type { Language, Translate } from '../i18n';

const useStyles = makeStyles({
  section: { marginTop: '14px', display: 'flex', flexDirection: 'column', gap: '8px' },
  rule: { display: 'grid', gridTemplateColumns: '1fr 96px', alignItems: 'center', gap: '6px' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  catalog: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
});

const LEVELS = ['default', 'error', 'warning', 'info', 'off'] as const;

export function SettingsView(props: {
  settings: Settings;
  language: Language;
  t: Translate;
  onChange: (s: Settings) => void;
  onImportCatalog: (file: File) => Promise<void>;
}) {
  const { settings, t, onChange, language, onImportCatalog } = props;
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const levelName = (l: (typeof LEVELS)[number]) =>
    l === 'default' ? (language === 'en-US' ? 'Default' : '默认') : l === 'off' ? t('ruleOff') : t(l);
  const levelOf = (id: string): (typeof LEVELS)[number] => {
    const s = settings.rules[id];
    return typeof s === 'string' ? s : (s?.severity ?? 'default');
  };
  const setLevel = (id: string, level: (typeof LEVELS)[number]) => {
    const rules: Record<string, RuleSetting> = { ...settings.rules };
    if (level === 'default') delete rules[id];
    else rules[id] = level;
    onChange({ ...settings, rules });
  };
  return (
    <div>
      <div className={styles.section}>
        <Field label={t('fiscalYear')} hint={t('fiscalYearHint')}>
          <Input
            type="number"
            value={settings.fiscalYear ? String(settings.fiscalYear) : ''}
            onChange={(_, d) => onChange({ ...settings, fiscalYear: /^\d{4}$/.test(d.value) ? Number(d.value) : null })}
          />
        </Field>
        <Switch
          label={t('markInfo')}
          checked={settings.markInfo}
          onChange={(_, d) => onChange({ ...settings, markInfo: d.checked })}
        />
      </div>
      <div className={styles.section}>
        <Text weight="semibold">{t('catalog')}</Text>
        <Text className={styles.hint}>{t('catalogHint')}</Text>
        {settings.catalogs.map((c: CatalogData, i) => (
          <div key={i} className={styles.catalog}>
            <Text size={200}>
              {Object.keys(c.sources)[0]} ·{' '}
              {t('imported', { n: c.entries.length, year: c.entries[0]?.versions[0]?.validFrom ?? '' })}
            </Text>
            <Button
              size="small"
              onClick={() => onChange({ ...settings, catalogs: settings.catalogs.filter((_, j) => j !== i) })}
            >
              {t('remove')}
            </Button>
          </div>
        ))}
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void onImportCatalog(file);
            e.target.value = '';
          }}
        />
        <Button onClick={() => fileInput.current?.click()}>{t('importCatalog')}</Button>
      </div>
      <div className={styles.section}>
        <Text weight="semibold">{t('rules')}</Text>
        {RULE_METADATA.map((m) => (
          <div key={m.id} className={styles.rule}>
            <Text size={200} title={language === 'en-US' ? m.description.en : m.description.zh}>
              {language === 'en-US' ? m.title.en : m.title.zh}
            </Text>
            <Dropdown
              size="small"
              aria-label={language === 'en-US' ? m.title.en : m.title.zh}
              value={levelName(levelOf(m.id))}
              selectedOptions={[levelOf(m.id)]}
              onOptionSelect={(_, d) => setLevel(m.id, d.optionValue as (typeof LEVELS)[number])}
              style={{ minWidth: '96px' }}
            >
              {LEVELS.map((l) => (
                <Option key={l} value={l}>
                  {levelName(l)}
                </Option>
              ))}
            </Dropdown>
          </div>
        ))}
      </div>
    </div>
  );
}
