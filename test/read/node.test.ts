import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { readReport } from '../../src/node/read/read-report.js';
import { FIXTURES, fixture } from '../helpers/fixtures.js';
import { wordReport } from './make.js';

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-read-'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'seed-gb.txt'), iconv.encode(fixture('seed-shaodong-2020.txt'), 'gb18030'));
  writeFileSync(join(dir, 'report.docx'), await wordReport());
  writeFileSync(join(dir, 'big.txt'), '一'.repeat(4000));
  writeFileSync(join(dir, 'broken.doc'), 'not an OLE file');
});

describe('readReport (the CLI’s reader of files on disk)', () => {
  it('says what is wrong with a path before reading it', async () => {
    expect(await readReport(join(dir, 'missing.txt'))).toEqual({
      ok: false,
      code: 'not-found',
      reason: 'no such file (check the path)',
    });
    expect(await readReport(dir)).toMatchObject({ ok: false, code: 'not-a-file' });
    expect(await readReport(join(dir, 'empty.txt'))).toMatchObject({ ok: false, code: 'empty' });
    expect(await readReport(join(dir, 'big.txt'), { maxSize: 1000 })).toEqual({
      ok: false,
      code: 'too-large',
      reason: '12 KB is over the size limit of 1000 bytes; raise it with --max-size',
    });
  });

  it('speaks Chinese when given the locale', async () => {
    expect(await readReport(join(dir, 'missing.txt'), { locale: 'zh-CN' })).toMatchObject({
      reason: '文件不存在（请检查路径）',
    });
  });

  it('hands other files to readBytes, warnings and all', async () => {
    const gb = await readReport(join(dir, 'seed-gb.txt'));
    expect(gb).toMatchObject({ ok: true, encoding: 'gb18030', warnings: [{ code: 'encoding-fallback' }] });
    expect(await readReport(join(dir, 'report.docx'))).toMatchObject({ ok: true, format: 'text' });
    // A Buffer from readFile reaches pdf.js, which refuses Buffers, as plain bytes.
    const pdf = await readReport(join(FIXTURES, 'read', 'seed-shaodong-2020.pdf'));
    expect(pdf.ok && pdf.text.startsWith('附件2-3\n')).toBe(true);
  });

  it('reads Word 97–2003 files, which only Node can', async () => {
    // fixtures/read/short.doc: LibreOffice's .doc of a short report.
    const doc = await readReport(join(FIXTURES, 'read', 'short.doc'));
    expect(doc).toMatchObject({ ok: true, format: 'text', warnings: [] });
    expect(doc.ok && doc.text.trim().split('\n')).toEqual([
      '附件2-3',
      '某县林业局2020年度部门整体支出绩效自评报告',
      '一、部门（单位）基本概况',
      '保密',
    ]);
    expect(await readReport(join(dir, 'broken.doc'))).toMatchObject({
      ok: false,
      code: 'unreadable-doc',
      reason: expect.stringContaining('save it as .docx'),
    });
    expect(readFileSync(join(dir, 'broken.doc'), 'utf8')).toBe('not an OLE file');
  });
});
