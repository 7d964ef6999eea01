import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { jixiao } from '../helpers/cli.js';
import { COLUMNS, HEADERS } from '../../src/node/output.js';
import { fixture, FIXTURES } from '../helpers/fixtures.js';

/** A workbook read back: each sheet's name and rows of cell values (strings resolved), and its raw XML. */
function readWorkbook(path: string) {
  const files = unzipSync(readFileSync(path));
  const xml = (name: string) => strFromU8(files[name]!);
  const strings = [...xml('xl/sharedStrings.xml').matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) =>
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
  const names = [...xml('xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]!);
  const sheets = names.map((name, i) => {
    const sheet = xml(`xl/worksheets/sheet${i + 1}.xml`);
    const rows = [...sheet.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((row) =>
      [...row[1]!.matchAll(/<c r="([A-Z]+)\d+"([^>]*)>(?:<v>([^<]*)<\/v>)?<\/c>/g)].map(([, column, attrs, v]) => ({
        column: column!,
        type: /t="s"/.test(attrs!)
          ? 'string'
          : /t="b"/.test(attrs!)
            ? 'boolean'
            : /s="\d+"/.test(attrs!)
              ? 'styled'
              : 'number',
        value: /t="s"/.test(attrs!) ? strings[Number(v)]! : v!,
      })),
    );
    return { name, sheet, rows };
  });
  return { files, xml, sheets };
}

const header = (rows: ReturnType<typeof readWorkbook>['sheets'][number]['rows']) => rows[0]!.map((c) => c.value);

describe('extract --format xlsx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-xlsx-'));
  writeFileSync(join(dir, 'seed.txt'), fixture('seed-shaodong-2020.txt'));
  writeFileSync(
    join(dir, 'formula.txt'),
    '一、存在的问题\n=HYPERLINK("http://x","点我")，全年支出520万元，完成率98%。\n二、改进措施\n加快进度。\n',
  );

  it('has one sheet per record kind, headed in Chinese, with the columns each kind uses', () => {
    const out = join(dir, 'figures.xlsx');
    expect(jixiao(['extract', dir, '-f', 'xlsx', '-o', out]).status).toBe(0);
    const { sheets } = readWorkbook(out);
    expect(sheets.map((s) => s.name)).toEqual(['金额', '百分比', '事件', '日期', '数量', '文号', '计量']);
    const money = sheets.find((s) => s.name === '金额')!;
    expect(header(money.rows)).toEqual([
      '文件',
      '原文',
      '起始偏移',
      '结束偏移',
      '行',
      '列',
      '值',
      '最小值',
      '约数',
      '单位',
      '币种',
      '章节',
      '章节标题',
      '所在句子',
    ]);
    // Numbers are numbers; the text cell that looks like a formula is a string, kept exact.
    const row = money.rows.find((r) => r[1]!.value === '520万元')!;
    expect(row[6]).toEqual({ column: 'G', type: 'number', value: '5200000' });
    expect(row[0]).toEqual({ column: 'A', type: 'string', value: join(dir, 'formula.txt') });
    const sentence = row.find((c) => c.column === 'N')!;
    expect(sentence).toEqual({
      column: 'N',
      type: 'string',
      value: '=HYPERLINK("http://x","点我")，全年支出520万元，完成率98%。',
    });
    // A column no date uses (currency) is not on the date sheet.
    expect(header(sheets.find((s) => s.name === '日期')!.rows)).not.toContain('币种');
  });

  it('gives a self-evaluation form its indicator, budget and total sheets, every column headed in Chinese', () => {
    const out = join(dir, 'form.xlsx');
    const form = join(dir, 'form');
    mkdirSync(form);
    writeFileSync(join(form, 'roads.txt'), readFileSync(join(FIXTURES, 'forms', 'roads-tab.txt')));
    expect(jixiao(['extract', form, '-f', 'xlsx', '-o', out]).status).toBe(0);
    const { sheets } = readWorkbook(out);
    expect(sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['指标', '预算', '总分']));
    const indicators = sheets.find((s) => s.name === '指标')!;
    expect(header(indicators.rows)).toEqual(expect.arrayContaining(['一级指标', '二级指标', '指标名称', '年度指标值']));
    expect(indicators.rows).toHaveLength(1 + 8);
    // No column anywhere is headed by its field name.
    for (const sheet of sheets) for (const title of header(sheet.rows)) expect(title).toMatch(/[\u4e00-\u9fff]/);
    expect(Object.keys(HEADERS['zh-CN']).sort()).toEqual([...COLUMNS].sort());
    expect(Object.keys(HEADERS.en).sort()).toEqual([...COLUMNS].sort());
  });

  it('freezes the header, filters every column, fits the widths, and has real dates, no formula, no link', () => {
    const out = join(dir, 'figures-2.xlsx');
    jixiao(['extract', join(dir, 'seed.txt'), '-f', 'xlsx', '-o', out]);
    const { sheets, xml, files } = readWorkbook(out);
    for (const { sheet, rows } of sheets) {
      expect(sheet).toContain('<pane ySplit="1" xSplit="0" topLeftCell="A2" activePane="bottomRight" state="frozen"/>');
      const last = String.fromCharCode(64 + rows[0]!.length);
      expect(sheet).toContain(`<autoFilter ref="A1:${last}${rows.length}"/>`);
      expect(sheet).toMatch(/<cols><col min="1" max="1" width="\d+" customWidth="1"\/>/);
      expect(sheet).not.toMatch(/<f>|<hyperlink/);
    }
    expect(xml('xl/workbook.xml')).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'`);
    expect(Object.keys(files).filter((f) => /hyperlink|externalLink|vbaProject/i.test(f))).toEqual([]);
    // The widest sentence column is capped; a short column stays narrow.
    const widths = [...sheets[0]!.sheet.matchAll(/width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths.reduce((a, b) => Math.max(a, b), 0)).toBe(60);
    expect(widths.reduce((a, b) => Math.min(a, b), 99)).toBeLessThan(12);
    // 9月7日 of 2020: Excel's serial day 44081, shown as yyyy-mm-dd.
    const dates = sheets.find((s) => s.name === '日期')!;
    const value = dates.rows[0]!.findIndex((c) => c.value === '值');
    const first = dates.rows.find((r) => r[1]?.value === '9月7日')!;
    expect(first[value]).toMatchObject({ type: 'styled', value: '44081' });
    expect(xml('xl/styles.xml')).toContain('formatCode="yyyy-mm-dd"');
  });

  it('heads the sheets in English with --locale en', () => {
    const out = join(dir, 'figures-en.xlsx');
    jixiao(['extract', join(dir, 'seed.txt'), '-f', 'xlsx', '-o', out, '--locale', 'en']);
    const { sheets } = readWorkbook(out);
    expect(sheets.map((s) => s.name)).toContain('Money');
    expect(header(sheets.find((s) => s.name === 'Money')!.rows).slice(0, 3)).toEqual(['File', 'Text', 'Start offset']);
  });
});
