import { XMLParser } from 'fast-xml-parser';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The manifest, parsed (the online validator needs internet; these are the checks it would make that matter to us). */
const root = join(__dirname, '../..');
const xml = readFileSync(join(root, 'manifest.xml'), 'utf8');
const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml) as {
  OfficeApp: Record<string, unknown>;
};
const app = doc.OfficeApp as Record<string, unknown>;

describe('manifest.xml', () => {
  it('is a task pane add-in for workbooks with read/write permission', () => {
    expect(app['@xsi:type']).toBe('TaskPaneApp');
    expect((app.Hosts as { Host: { '@Name': string } }).Host['@Name']).toBe('Workbook');
    expect(app.Permissions).toBe('ReadWriteDocument');
    expect(app.Id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('requires ExcelApi 1.13', () => {
    const set = (app.Requirements as { Sets: { Set: { '@Name': string; '@MinVersion': string } } }).Sets.Set;
    expect(set).toEqual({ '@Name': 'ExcelApi', '@MinVersion': '1.13' });
  });

  it('has Chinese overrides for its name and description', () => {
    expect((app.DisplayName as { Override: { '@Locale': string; '@Value': string } }).Override).toEqual({
      '@Locale': 'zh-CN',
      '@Value': '预算审核助手',
    });
    expect((app.Description as { Override: { '@Locale': string } }).Override['@Locale']).toBe('zh-CN');
  });

  it('uses HTTPS everywhere and ships every icon it names', () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1] as string);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
    for (const size of [16, 32, 64, 80]) {
      expect(xml).toContain(`assets/icon-${size}.png`);
      expect(existsSync(join(root, 'assets', `icon-${size}.png`))).toBe(true);
    }
  });

  it('adds a ribbon button that opens the task pane', () => {
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
    expect(xml).toMatch(/<bt:Override Locale="zh-CN" Value="审核工作簿"\/>/);
  });
});
