import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { readBytes, type ReadResult } from '../../src/read/index.js';
import { reason } from '../../src/read/messages.js';
import { fixture } from '../helpers/fixtures.js';
import { textPdf, wordReport } from './make.js';

const seed = fixture('seed-shaodong-2020.txt');
const utf8 = (text: string) => new TextEncoder().encode(text);

function failure(result: ReadResult): { code: string; reason: string } {
  if (result.ok) throw new Error(`expected a failure, got text ${JSON.stringify(result.text.slice(0, 40))}`);
  return { code: result.code, reason: result.reason };
}

describe('readBytes', () => {
  it('reads text in every encoding reviewers get, to the same report', async () => {
    const inputs: Array<[string, Uint8Array]> = [
      ['utf-8', utf8(seed)],
      ['utf-8', Buffer.concat([Uint8Array.of(0xef, 0xbb, 0xbf), utf8(seed)])],
      ['utf-16le', Buffer.concat([Uint8Array.of(0xff, 0xfe), iconv.encode(seed, 'utf16le')])],
      ['utf-16be', Buffer.concat([Uint8Array.of(0xfe, 0xff), iconv.encode(seed, 'utf16be')])],
      ['gb18030', iconv.encode(seed, 'gb18030')],
    ];
    for (const [encoding, bytes] of inputs) {
      const result = await readBytes(bytes, 'report.txt');
      expect(result).toMatchObject({ ok: true, text: seed, format: 'text', encoding });
    }
  });

  it('reads .md as Markdown, whatever the case of its extension', async () => {
    expect(await readBytes(utf8('# 标题\n'), 'a/B.MD')).toMatchObject({ ok: true, format: 'markdown' });
    expect(await readBytes(utf8('# 标题\n'), 'notes.markdown')).toMatchObject({ ok: true, format: 'markdown' });
    expect(await readBytes(utf8('# 标题\n'), 'C:\\报告\\a.md.txt')).toMatchObject({ ok: true, format: 'text' });
  });

  it('reads a .docx keeping Word’s numbering and its table rows', async () => {
    const result = await readBytes(await wordReport(), '报告.docx');
    expect(result).toMatchObject({ ok: true, format: 'text', warnings: [] });
    expect(result.ok && result.text.split('\n')).toEqual([
      '某县林业局2020年度部门整体支出绩效自评报告',
      '一、部门（单位）基本概况',
      '内设股室5个，全年支出520万元。',
      '二、部门（单位）整体支出绩效状况',
      '（一）完成造林任务',
      '9月7日，完成造林1.2万亩，预算执行率98%。',
      '指标\t年度目标\t实际完成',
      '造林面积\t1万亩\t1.2万亩',
      '',
    ]);
    // The table's rows are tab-separated lines, and `tables` says where each cell stands.
    const text = result.ok ? result.text : '';
    const [table] = result.ok ? (result.tables ?? []) : [];
    expect(table?.rows.map((row) => row.cells.map((c) => text.slice(c.start, c.end)))).toEqual([
      ['指标', '年度目标', '实际完成'],
      ['造林面积', '1万亩', '1.2万亩'],
    ]);
  });

  it('reads a PDF’s text layer', async () => {
    const result = await readBytes(textPdf([['Budget execution 2020', '预算执行率98%']]), 'a.pdf');
    expect(result).toMatchObject({ ok: true, format: 'text', text: 'Budget execution 2020\n预算执行率98%\n' });
  });

  it('gives each bad file a code and a Chinese reason that says what to do', async () => {
    const cases: Array<[Uint8Array, string, string, RegExp]> = [
      [new Uint8Array(0), 'a.txt', 'empty', /^文件为空$/],
      [utf8(' \n\t\n'), 'a.txt', 'empty', /只有空白/],
      [Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13), 'a.txt', 'binary', /\.docx/],
      [utf8('this is not a zip package'), 'a.docx', 'corrupt-docx', /Word 打开后重新保存/],
      [utf8('PK\u0003\u0004 cut short'), 'a.docx', 'corrupt-docx', /重新保存/],
      [utf8('not a pdf'), 'a.pdf', 'corrupt-pdf', /%PDF/],
      [textPdf([[]]), 'scan.pdf', 'pdf-no-text', /OCR/],
      [Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0), 'old.doc', 'unsupported', /命令行/],
    ];
    for (const [bytes, name, code, sentence] of cases) {
      const got = failure(await readBytes(bytes, name));
      expect([name, got.code]).toEqual([name, code]);
      expect(got.reason).toMatch(sentence);
      expect(got.reason).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('says the same in English with locale en', async () => {
    expect(failure(await readBytes(new Uint8Array(0), 'a.txt', { locale: 'en' })).reason).toBe('the file is empty');
    expect(failure(await readBytes(utf8('not a pdf'), 'a.pdf', { locale: 'en' })).reason).toBe(
      'not a valid PDF (no %PDF header); export or print it to PDF again, or supply the .docx',
    );
  });

  it('refuses bytes over maxSize, saying the limit and how to raise it', async () => {
    const got = failure(await readBytes(utf8('一'.repeat(1000)), 'a.txt', { maxSize: 1024, locale: 'en' }));
    expect(got).toEqual({
      code: 'too-large',
      reason: '3 KB is over the size limit of 1 KB; raise it with --max-size',
    });
    expect(await readBytes(utf8('一'.repeat(1000)), 'a.txt', { maxSize: 3000 })).toMatchObject({ ok: true });
  });

  it('decodes in the encoding given, without guessing', async () => {
    const bytes = iconv.encode('一、基本情况', 'gb18030');
    expect(await readBytes(bytes, 'a.txt', { encoding: 'gb18030' })).toMatchObject({
      text: '一、基本情况',
      encoding: 'gb18030',
      warnings: [],
    });
  });

  it('holds its JSDoc example', async () => {
    const result = await readBytes(new TextEncoder().encode('一、基本情况'), 'report.txt');
    expect(result.ok && result.text).toBe('一、基本情况');
    expect(reason('empty', 'en', { empty: 'document' })).toBe('the document has no text');
  });

  it('gives text the parser reads as the same report, whatever the container', async () => {
    const docx = await readBytes(await wordReport(), 'a.docx');
    const titles = (text: string) =>
      parse(text)
        .children.filter((n) => n.type === 'section')
        .map((s) => s.children[0]!.type);
    expect(docx.ok && titles(docx.text)).toEqual(['sectionTitle', 'sectionTitle']);
  });
});
