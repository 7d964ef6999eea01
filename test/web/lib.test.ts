/**
 * The page's pure parts, in Node: CSV safety, the configuration file round trip, highlight runs, the exported
 * formats. The browser tests (page.test.ts) cover the same through the page; these pin the edge cases.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import writeXlsxFile from 'write-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { check, extract, rules, type FigureRecord } from '../../src/index.js';
import { csvCell, toCsv } from '../../web/src/lib/csv.js';
import { findingsCsv, findingsJson, findingsSarif, type FileFindings } from '../../web/src/lib/findings.js';
import { columnLabel, sheetName } from '../../web/src/lib/labels.js';
import { parseRc, rcToJson, settingNamed, severityOf, withSeverity } from '../../web/src/lib/rc.js';
import {
  FIGURE_COLUMNS,
  figuresCsv,
  findingsIn,
  tableColumns,
  tablesCsv,
  xlsxCell,
  xlsxSheets,
} from '../../web/src/lib/records.js';
import { lineStarts, segments } from '../../web/src/lib/segments.js';
import type { Finding, RecordRow } from '../../web/src/protocol.js';
import { textPdf, wordReport } from '../read/make.js';
import { readBytes, readOptions } from '../../web/src/read.js';

const seed = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'seed-shaodong-2020.txt'), 'utf8');

describe('csv', () => {
  it('neutralises cells that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}1+1`).replace(/"/g, '')).toMatch(/^'/);
    // Numbers stay numbers, negative ones too; text that only contains a sign later is left alone.
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell('1342.23万元')).toBe('1342.23万元');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('quotes commas, quotes and line breaks, and writes a BOM and CRLF lines', () => {
    expect(toCsv(['file', 'value'], [{ file: 'a.txt', value: 1 }])).toBe('\ufefffile,value\r\na.txt,1\r\n');
    expect(csvCell('一，二,三')).toBe('"一，二,三"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(null)).toBe('');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });
});

describe('.jixiaorc.json', () => {
  it('keeps every key it does not use, in order, through import, edit and export', () => {
    const text = JSON.stringify({
      $schema: 'x.json',
      ignore: ['drafts/**'],
      rules: { 'rate-consistency': ['error', { tolerance: 0.5 }] },
      maxSize: 1000,
      future: { anything: true },
    });
    const read = parseRc(text);
    if (!read.ok) throw new Error(read.error);
    const rc = { ...read.rc, rules: withSeverity(read.rc.rules, 'rate-consistency', 'warn'), profile: 'generic' };
    const out = JSON.parse(rcToJson(rc));
    expect(Object.keys(out)).toEqual(['$schema', 'ignore', 'rules', 'maxSize', 'future', 'profile']);
    expect(out).toEqual({
      ...JSON.parse(text),
      rules: { 'rate-consistency': ['warn', { tolerance: 0.5 }] },
      profile: 'generic',
    });
  });

  it('drops a setting set back to undefined, and an empty rules object', () => {
    const read = parseRc('{"rules": {"no-template-text": "off"}, "locale": "en"}');
    if (!read.ok) throw new Error(read.error);
    expect(read.rc.rules).toEqual({ 'no-template-text': 'off' });
    expect(rcToJson({ ...read.rc, rules: withSeverity(read.rc.rules, 'no-template-text', undefined) })).toBe(
      '{\n  "locale": "en"\n}\n',
    );
  });

  it('says what is wrong with a file it cannot use', () => {
    expect(parseRc('{"rules": ')).toMatchObject({ ok: false, error: expect.stringContaining('not valid JSON') });
    expect(parseRc('[]')).toMatchObject({ ok: false, error: expect.stringContaining('one JSON object') });
    expect(parseRc('{"rules": ["x"]}')).toMatchObject({ ok: false, error: expect.stringContaining('"rules"') });
    expect(parseRc('{"profile": 3}')).toMatchObject({ ok: false, error: expect.stringContaining('"profile"') });
    expect(parseRc('{"locale": "fr"}')).toMatchObject({ ok: false, error: expect.stringContaining('"fr"') });
    // A BOM, as Windows editors write it, is fine.
    expect(parseRc('\ufeff{}').ok).toBe(true);
  });

  it('reads severities as the core does: names, numbers, tuples', () => {
    expect([severityOf('off'), severityOf(1), severityOf(['error', {}]), severityOf('loud')]).toEqual([
      'off',
      'warn',
      'error',
      undefined,
    ]);
  });
});

describe('segments', () => {
  it('cuts the text where figures and findings start and end', () => {
    const runs = segments(6, [{ start: 1, end: 3 }], [{ start: 2, end: 5 }]);
    expect(runs.map((s) => [s.start, s.end, s.figure, s.findings])).toEqual([
      [0, 1, -1, []],
      [1, 2, 0, []],
      [2, 3, 0, [0]],
      [3, 5, -1, [0]],
      [5, 6, -1, []],
    ]);
  });

  it('gives an empty finding a place, and cuts at line starts', () => {
    const runs = segments(4, [], [{ start: 2, end: 2 }], [0, 2]);
    expect(runs.map((s) => [s.start, s.end, s.findings])).toEqual([
      [0, 2, []],
      [2, 2, [0]],
      [2, 4, []],
    ]);
    expect(lineStarts('一、\r\n保密\n')).toEqual([0, 4, 7]);
    expect(lineStarts('a\rb\nc')).toEqual([0, 2, 4]);
  });

  it('covers the seed exactly once, each finding’s runs spelling its source', () => {
    const findings = check(seed).map((m) => {
      const place = m.place as { start: { offset: number }; end: { offset: number } };
      return { start: place.start.offset, end: place.end.offset };
    });
    const figures = (extract(seed) as FigureRecord[]).filter((r) => r.kind !== 'event');
    const runs = segments(seed.length, figures, findings, lineStarts(seed));
    expect(runs.map((r) => seed.slice(r.start, r.end)).join('')).toBe(seed);
    findings.forEach((f, i) => {
      const text = runs.filter((r) => r.findings.includes(i)).map((r) => seed.slice(r.start, r.end));
      expect(text.join('')).toBe(seed.slice(f.start, f.end));
    });
    figures.forEach((f, i) => {
      expect(
        runs
          .filter((r) => r.figure === i)
          .map((r) => seed.slice(r.start, r.end))
          .join(''),
      ).toBe(f.text);
    });
  });
});

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'no-empty-annex',
  severity: 'error',
  message: '佐证附件为“无”',
  url: 'https://example.invalid/no-empty-annex.md',
  line: 3,
  column: 1,
  endLine: 3,
  endColumn: 2,
  start: 10,
  end: 11,
  ...over,
});

describe('findings formats', () => {
  const files: FileFindings[] = [
    {
      file: 'a/报告.txt',
      ok: true,
      findings: [finding({}), finding({ ruleId: 'numbering-style', severity: 'warning' })],
    },
    { file: 'b.docx', ok: false, code: 'corrupt-docx', reason: 'not a valid .docx', findings: [] },
  ];

  it('writes the CLI’s JSON', () => {
    const json = JSON.parse(findingsJson(files));
    expect(json[0].messages[0]).toEqual({
      ruleId: 'no-empty-annex',
      severity: 'error',
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 2,
      message: '佐证附件为“无”',
      url: 'https://example.invalid/no-empty-annex.md',
    });
    expect(json[1]).toEqual({
      file: 'b.docx',
      error: { code: 'corrupt-docx', reason: 'not a valid .docx' },
      messages: [],
    });
  });

  it('writes SARIF with relative paths, the rules, and unreadable files as notifications', () => {
    const info = rules.map((r) => ({
      id: r.id,
      severity: r.severity,
      summary: r.summary,
      url: `x/${r.id}.md`,
      docs: `rules/${r.id}.html`,
    }));
    const log = JSON.parse(findingsSarif(files, info, '9.9.9'));
    const run = log.runs[0];
    expect(run.tool.driver.version).toBe('9.9.9');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.id));
    expect(run.results).toHaveLength(2);
    expect(run.results[0].ruleIndex).toBe(rules.findIndex((r) => r.id === 'no-empty-annex'));
    expect(run.results[1].level).toBe('warning');
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'a/%E6%8A%A5%E5%91%8A.txt',
      uriBaseId: '%SRCROOT%',
    });
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].descriptor.id).toBe('corrupt-docx');
  });

  it('writes CSV with one line per finding and per unreadable file', () => {
    const rows = findingsCsv(files)
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows).toHaveLength(4);
    expect(rows[0]).toBe('file,line,column,endLine,endColumn,severity,ruleId,message,url');
    expect(rows[3]).toBe('b.docx,,,,,error,corrupt-docx,not a valid .docx,');
  });
});

/** A table row as the tables helper's `extract()` will give them (issue 11), made up to test the view code. */
const indicator = (over: Record<string, unknown>): RecordRow => ({
  kind: 'indicator',
  level1: '产出指标',
  level2: '数量指标',
  name: '培训人次',
  target: '≥500人次',
  weight: 10,
  score: 10,
  start: 100,
  end: 140,
  line: 5,
  column: 1,
  ...over,
});

describe('records', () => {
  const figures = extract(seed) as unknown as RecordRow[];
  const table = [
    indicator({}),
    indicator({ name: '=cmd|x', start: 140, end: 180 }),
    { kind: 'budget', item: '年度资金总额', adjusted: 1000000, rate: 98.5, start: 180, end: 200 },
  ] as RecordRow[];

  it('writes figures with the CLI’s columns, leaving table rows out', () => {
    const csv = figuresCsv([{ file: 'seed.txt', records: [...figures, ...table] }]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('\ufeff' + FIGURE_COLUMNS.join(','));
    expect(lines).toHaveLength(figures.length + 1);
  });

  it('writes table rows with every field, and neutralises formulas in them', () => {
    const csv = tablesCsv([{ file: 'form.docx', records: [...figures, ...table] }]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      '\ufefffile,kind,level1,level2,name,target,weight,score,start,end,line,column,item,adjusted,rate',
    );
    expect(lines[2]).toContain(`,'=cmd|x,`);
    expect(tableColumns([{ kind: 'total', score: 90 }])).toEqual(['file', 'kind', 'score']);
  });

  it('marks a row failing when a finding points into it', () => {
    const findings = [
      finding({ start: 150, end: 152 }),
      finding({ start: 0, end: 5 }),
      finding({ start: 200, end: 200 }),
    ];
    expect(table.map((row) => findingsIn(row, findings))).toEqual([[], [0], []]);
    expect(findingsIn({ start: 190, end: 201 }, findings)).toEqual([2]);
    // A row whose place is not known meets no finding (the tables stage gives null offsets then).
    expect(findingsIn({ start: null, end: null }, findings)).toEqual([]);
  });

  it('types xlsx cells: numbers, booleans, full dates, text', () => {
    expect(xlsxCell(13422300)).toEqual({ type: Number, value: 13422300 });
    expect(xlsxCell(true)).toEqual({ type: Boolean, value: true });
    expect(xlsxCell('2020-09-07')).toEqual({ type: Date, value: new Date(Date.UTC(2020, 8, 7)), format: 'yyyy-mm-dd' });
    expect(xlsxCell('2020-09')).toEqual({ type: String, value: '2020-09' });
    expect(xlsxCell(null)).toBeNull();
  });

  it('makes a workbook with a sheet of figures and one per kind of table row, headed in the page’s language', async () => {
    const names = { sheet: (k: string) => sheetName(k, 'zh-CN'), column: (c: string) => columnLabel(c, 'zh-CN') };
    const sheets = xlsxSheets([{ file: 'seed.txt', records: [...figures, ...table] }], names);
    expect(sheets.map((s) => s.sheet)).toEqual(['数字', '绩效指标', '预算执行']);
    expect(sheets[0]!.data).toHaveLength(figures.length + 1);
    expect(sheets[0]!.data[0]![1]).toEqual({ value: '类型', fontWeight: 'bold' });
    const blob = await writeXlsxFile(sheets as never).toBlob();
    const book = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    expect(strFromU8(book['xl/workbook.xml']!)).toContain('name="绩效指标"');
    expect(strFromU8(book['xl/worksheets/sheet1.xml']!)).toContain('<pane');
  });
});

describe('read: the CLI’s reader with the page’s settings', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('holds its JSDoc example, and passes the settings file’s encoding and maxSize to the reader', async () => {
    expect(readOptions({ rules: {}, locale: 'en', encoding: 'gb18030' })).toEqual({
      locale: 'en',
      encoding: 'gb18030',
    });
    const options = readOptions({ rules: {}, locale: 'zh-CN', maxSize: 4 });
    expect(await readBytes(bytes('12345'), 'a.txt', options)).toMatchObject({ ok: false, code: 'too-large' });
    // GB18030 forced: bytes that would be read as UTF-8 are decoded as GB18030.
    const forced = readOptions({ rules: {}, locale: 'zh-CN', encoding: 'gb18030' });
    expect(await readBytes(new Uint8Array([0xc4, 0xbf, 0xc2, 0xbc]), 'a.txt', forced)).toMatchObject({
      ok: true,
      text: '目录',
      encoding: 'gb18030',
    });
  });

  it('finds the settings key that does what a reason’s CLI flag does (holds its JSDoc example)', async () => {
    expect(settingNamed('文件大小 60.0 MB，超过上限 50.0 MB；如确需读取，请用 --max-size 调高上限')).toBe('maxSize');
    // The readers' own sentences: the flags the page has a key for, and those it has none for.
    const tooLarge = await readBytes(bytes('12345'), 'a.txt', { maxSize: 4, locale: 'en' });
    expect(!tooLarge.ok && settingNamed(tooLarge.reason)).toBe('maxSize');
    const gb = await readBytes(new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xbb, 0xf9, 0xb1, 0xbe]), 'a.txt');
    expect(gb.ok && gb.warnings.map((w) => settingNamed(w.reason))).toEqual(['encoding']);
    // Limits the page has no key for (nor has the settings file): the reason keeps the CLI's words alone.
    const expanded = await readBytes(await wordReport(), 'a.docx', { maxExpandedSize: 1000 });
    expect(expanded).toMatchObject({ ok: false, code: 'too-large' });
    expect(!expanded.ok && settingNamed(expanded.reason)).toBeUndefined();
    const pages = await readBytes(textPdf([['Budget'], ['2020']]), 'a.pdf', { maxPages: 1 });
    expect(pages).toMatchObject({ ok: false, code: 'too-large' });
    expect(!pages.ok && settingNamed(pages.reason)).toBeUndefined();
  });

  it('refuses settings the CLI refuses, saying which and what is allowed', () => {
    const config = { rules: {}, locale: 'zh-CN' as const };
    expect(() => readOptions({ ...config, encoding: 'big5' })).toThrow(
      '"encoding" must be one of utf-8, utf-16le, utf-16be, gb18030, not "big5"',
    );
    expect(() => readOptions({ ...config, maxSize: '10 MB' })).toThrow('"maxSize" must be a whole number');
    expect(() => readOptions({ ...config, maxSize: 0 })).toThrow('"maxSize"');
    expect(() => readOptions({ ...config, maxSize: 1.5 })).toThrow('"maxSize"');
  });
});
