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
import { csvCell, csvLine, CSV_BOM } from '../../src/node/format/csv.js';
import { COLUMNS, HEADERS, SHEETS } from '../../src/node/format/records.js';
import { readBytes as readInNode } from '../../src/read/index.js';
import { findingsCsv, findingsJson, findingsSarif, type FileFindings } from '../../web/src/lib/findings.js';
import { parseRc, rcToJson, settingNamed, severityOf, withSeverity } from '../../web/src/lib/rc.js';
import { findingsIn, isTableRow, recordsCsv, recordsWorkbook } from '../../web/src/lib/records.js';
import { lineStarts, segments } from '../../web/src/lib/segments.js';
import type { Finding, RecordRow } from '../../web/src/protocol.js';
import { textPdf, wordReport } from '../read/make.js';
import { readBytes, readOptions } from '../../web/src/read.js';
import { parseAs } from '../helpers/fixtures.js';

const seed = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'seed-shaodong-2020.txt'), 'utf8');

describe('csv (the CLI’s code, which the page bundles)', () => {
  it('neutralises cells that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}1+1`).replace(/"/g, '')).toMatch(/^'/);
    // Numbers stay numbers, negative ones too; text that only contains a sign later is left alone.
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell('1342.23万元')).toBe('1342.23万元');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('quotes commas, quotes and line breaks, and ends lines with CRLF (holds its JSDoc examples)', () => {
    expect(csvLine(['a.txt', -3.5, null])).toBe('a.txt,-3.5,\r\n');
    expect(csvCell('一，二,三')).toBe('"一，二,三"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(null)).toBe('');
    expect(CSV_BOM).toBe('\ufeff');
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
    const log = JSON.parse(findingsSarif(files, '9.9.9', 'zh-CN'));
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
    // As the CLI words it in the page's language.
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toBe('无法读取：not a valid .docx');
    expect(
      JSON.parse(findingsSarif(files, '9.9.9', 'en')).runs[0].invocations[0].toolExecutionNotifications[0],
    ).toMatchObject({
      message: { text: 'cannot read: not a valid .docx' },
    });
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

/** A bundled form read as the page reads it, its findings as the engine gives them (spans and related spans). */
async function form(name: string) {
  const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'forms', name)));
  const read = await readInNode(bytes, name);
  if (!read.ok) throw new Error(`${name}: ${read.reason}`);
  const tree = parseAs(read.format, read.text, { tables: read.tables });
  const span = (place: unknown) => {
    const p = place as { start: { offset: number }; end: { offset: number } };
    return { start: p.start.offset, end: p.end.offset };
  };
  const findings = check(tree).map((m): Finding => ({
    ...finding({ ruleId: m.ruleId!, ...span(m.place) }),
    ...(m.cause ? { related: span((m.cause as { place: unknown }).place) } : {}),
  }));
  return { text: read.text, records: extract(tree) as unknown as RecordRow[], findings };
}

describe('records: the CLI’s columns, headers and workbook, and the form rows a finding is about', () => {
  it('writes every record, or the forms’ rows only, with the CLI’s columns (holds its JSDoc example)', async () => {
    expect(recordsCsv([{ file: 'a.txt', records: [] }], 'all').startsWith('\ufefffile,kind,text,')).toBe(true);
    const { records } = await form('sanitation.docx');
    const files = [{ file: 'sanitation.docx', records }];
    const all = recordsCsv(files, 'all').split('\r\n');
    expect(all[0]).toBe(CSV_BOM + COLUMNS.join(','));
    expect(all).toHaveLength(records.length + 2);
    const rows = recordsCsv(files, 'tables').split('\r\n').slice(1, -1);
    expect(rows).toHaveLength(records.filter(isTableRow).length);
    expect(rows.map((r) => r.split(',')[1])).toEqual(records.filter(isTableRow).map((r) => r.kind));
  });

  it('lays out the workbook as the CLI does: a sheet per kind, its headers, an autofilter', async () => {
    const { records } = await form('sanitation.docx');
    const files = [{ file: 'sanitation.docx', records }];
    const book = recordsWorkbook(files, 'tables', 'zh-CN');
    expect(book.sheets.map((s) => s.sheet)).toEqual([SHEETS['zh-CN'].budget, SHEETS['zh-CN'].indicator, '总分']);
    expect(book.sheets[1]!.data[0]!.map((c) => c!.value)).toContain(HEADERS['zh-CN'].level1);
    expect(recordsWorkbook(files, 'all', 'en').sheets.map((s) => s.sheet)).toContain('Indicators');
    const blob = await writeXlsxFile(book.sheets as never, book.options as never).toBlob();
    const xlsx = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    expect(strFromU8(xlsx['xl/workbook.xml']!)).toContain('name="指标"');
    expect(strFromU8(xlsx['xl/worksheets/sheet2.xml']!)).toMatch(/<pane[^]*<autoFilter ref="A1:/);
  });

  it('marks the rows the form rules point at, as the form’s gold lists them, and not those a section finding spans', async () => {
    const gold = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'forms', 'sanitation.gold.json'), 'utf8'),
    ) as { findings: string[] };
    const { text, records, findings } = await form('sanitation.docx');
    const marked = records
      .filter(isTableRow)
      .flatMap((row) => findingsIn(row, findings, text).map((i) => `${findings[i]!.ruleId}@${String(row.name)}`));
    expect(marked.sort()).toEqual([...gold.findings].sort());
    // The report misses a section, whose finding spans the whole form: it is about no row.
    expect(findings.some((f) => f.ruleId === 'required-section' && f.start < records.find(isTableRow)!.start)).toBe(
      true,
    );
  });

  it('marks a row a finding relates to (the form’s total the text’s score differs from), and none of a row with no place', () => {
    const text = '经自评，得分95分。\n指标\t10\t9\n合计\t100\t96\n';
    const total = { start: text.indexOf('合计'), end: text.lastIndexOf('96') + 2 };
    const related = finding({ start: 7, end: 9, related: total });
    expect(findingsIn(total, [related], text)).toEqual([0]);
    expect(findingsIn({ start: text.indexOf('指标'), end: text.indexOf('合计') - 1 }, [related], text)).toEqual([]);
    expect(findingsIn({ start: null, end: null }, [related], text)).toEqual([]);
    // Its JSDoc example.
    const example = '表\n1\t指标\t10\t12\n';
    expect(
      findingsIn({ start: 4, end: 12 }, [{ start: 2, end: 12 } as Finding, { start: 0, end: 13 } as Finding], example),
    ).toEqual([0]);
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
    // The settings file's maxExpandedSize, as the CLI's configuration has it.
    const expanded = await readBytes(
      await wordReport(),
      'a.docx',
      readOptions({ rules: {}, locale: 'zh-CN', maxExpandedSize: 1000 }),
    );
    expect(expanded).toMatchObject({ ok: false, code: 'too-large' });
    expect(!expanded.ok && settingNamed(expanded.reason)).toBe('maxExpandedSize');
    expect(() => readOptions({ rules: {}, locale: 'en', maxExpandedSize: 0 })).toThrow(
      '"maxExpandedSize" must be a whole number of bytes above 0, not 0',
    );
    // A limit the page has no key for (nor has the settings file): the reason keeps the CLI's words alone.
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
