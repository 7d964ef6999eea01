import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, parse, type FigureRecord } from '../../src/index.js';
import { readBytes } from '../../src/read/index.js';
import { loadPdf } from '../../src/read/pdf.js';
import { checkPdfStreams } from '../../src/read/pdf-streams.js';
import { FIXTURES, fixture } from '../helpers/fixtures.js';
import { content, onePage, passwordPdf, textPdf, zlibZeros } from './make.js';

const MB = 1024 * 1024;
const LIMITS = { maxExpandedSize: 200 * MB, maxPages: 2000 };
const read = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, 'read', name)));
const noSpace = (text: string) => text.replace(/\s+/g, '');

describe('PDF text', () => {
  it('reads every character of a Chinese report printed to PDF by LibreOffice', async () => {
    // fixtures/read/make.mjs: the seed as a .docx in WenQuanYi Zen Hei with a table, printed by LibreOffice.
    const result = await readBytes(read('seed-shaodong-2020.pdf'), 'seed-shaodong-2020.pdf');
    expect(result).toMatchObject({ ok: true, format: 'text', warnings: [] });
    if (!result.ok) return;
    // Line breaks and the spaces pdf.js puts where the layout leaves gaps aside, the text is the seed's.
    const seed = noSpace(fixture('seed-shaodong-2020.txt'));
    expect(noSpace(result.text)).toBe(seed + '指标年度目标实际完成得分预算执行率100%98%9');
    const money = (text: string) =>
      (extract(parse(text)) as FigureRecord[]).filter((r) => r.kind === 'money').map((r) => r.value);
    expect(money(fixture('seed-shaodong-2020.txt')).length).toBeGreaterThan(3);
    expect(money(result.text)).toEqual(money(fixture('seed-shaodong-2020.txt')));
  });

  it('reads Chinese set in a font that is not embedded, through the bundled CMaps', async () => {
    // Without CMaps pdf.js finds no text at all in it (the file was reported as a scan).
    const result = await readBytes(textPdf([['预算执行率98%，完成造林1.2万亩。']]), 'form.pdf');
    expect(result).toMatchObject({ ok: true, text: '预算执行率98%，完成造林1.2万亩。\n', warnings: [] });
  });

  it('warns when a PDF needs a CMap that is not shipped', async () => {
    const traditional = onePage(
      content('BT /F2 12 Tf 20 170 Td (Annex) Tj ET BT /F1 12 Tf 20 150 Td <7e3e6548> Tj ET'),
      '/Font << /F1 5 0 R /F2 7 0 R >>',
      [
        {
          dictionary:
            '<< /Type /Font /Subtype /Type0 /BaseFont /MingLiU /Encoding /UniCNS-UCS2-H /DescendantFonts [6 0 R] >>',
        },
        {
          dictionary:
            '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /MingLiU ' +
            '/CIDSystemInfo << /Registry (Adobe) /Ordering (CNS1) /Supplement 4 >> /FontDescriptor 8 0 R >>',
        },
        { dictionary: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>' },
        {
          dictionary:
            '<< /Type /FontDescriptor /FontName /MingLiU /Flags 6 /FontBBox [0 -200 1000 900] ' +
            '/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
        },
      ],
    );
    const result = await readBytes(traditional, 'tw.pdf', { locale: 'en' });
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.warnings).toEqual([
      {
        code: 'missing-cmap',
        reason:
          'the PDF uses the character map UniCNS-UCS2-H, which jixiao does not ship, so some text may be missing; ' +
          'supply the .docx or a PDF with embedded fonts',
      },
    ]);
  });

  it('gives the tables reader text items with positions and each page’s drawing', async () => {
    const { document } = await loadPdf(read('seed-shaodong-2020.pdf'), LIMITS);
    try {
      const page = await document.getPage(1);
      const items = (await page.getTextContent()).items.filter((i) => 'str' in i && i.str);
      expect(items[0]).toMatchObject({ str: '附件 2-3', transform: expect.any(Array), width: expect.any(Number) });
      expect((await page.getOperatorList()).fnArray.length).toBeGreaterThan(0);
    } finally {
      await document.destroy();
    }
  });
});

describe('protected PDFs', () => {
  it('says a PDF needs a password, and asks for an unprotected copy', async () => {
    // It was reported as a corrupt PDF.
    expect(await readBytes(passwordPdf(), 'password.pdf')).toEqual({
      ok: false,
      code: 'encrypted-pdf',
      reason: 'PDF 受密码保护，无法读取文字；请向报送单位索取未加密的版本（或 .docx 原文件）',
    });
  });

  it('reads a PDF that forbids copying and printing but opens without a password', async () => {
    const result = await readBytes(read('restricted.pdf'), 'restricted.pdf');
    expect(result.ok && noSpace(result.text)).toBe(
      '附件2-3某县林业局2020年度部门整体支出绩效自评报告一、部门（单位）基本概况保密',
    );
  });
});

describe('PDF decompression bombs and page counts', () => {
  /** A page whose content stream inflates to `megabytes` MB (of white space, to pdf.js). */
  const bomb = (megabytes: number) =>
    onePage({
      dictionary: `<< /Length ${zlibZeros(megabytes).length} /Filter /FlateDecode >>`,
      stream: zlibZeros(megabytes),
    });

  it('refuses a 1 MB PDF whose content inflates to 1 GB, before pdf.js decodes it', async () => {
    // It took pdf.js 134 s; now inflating stops at the 200 MB limit.
    const file = bomb(1024);
    expect(file.length).toBeLessThan(1.5 * MB);
    expect(await readBytes(file, 'bomb.pdf', { locale: 'en' })).toEqual({
      ok: false,
      code: 'too-large',
      reason:
        'it unpacks to more than 200.0 MB, the limit on expanded size (reached in object 4); ' +
        'a real report is far smaller, so this may be a decompression bomb. ' +
        'If the file is genuine, raise the limit with --max-expanded-size',
    });
  });

  it('takes the limit from maxExpandedSize and counts every stream', async () => {
    expect(await readBytes(bomb(3), 'a.pdf', { maxExpandedSize: 2 * MB })).toMatchObject({ code: 'too-large' });
    const twoPages = textPdf([['Budget 2020'], ['Annex']], { flate: true });
    await expect(checkPdfStreams(twoPages, 1000)).resolves.toBeUndefined();
    await expect(checkPdfStreams(twoPages, 40)).rejects.toMatchObject({ code: 'too-large' });
    expect(await readBytes(twoPages, 'a.pdf')).toMatchObject({ ok: true, text: 'Budget 2020\nAnnex\n' });
  });

  it('does not count images, which text extraction never decodes', async () => {
    const image = zlibZeros(16);
    const scan = onePage(content('q 300 0 0 200 0 0 cm /Im1 Do Q'), '/XObject << /Im1 5 0 R >>', [
      {
        dictionary:
          '<< /Type /XObject /Subtype /Image /Width 4096 /Height 4096 /ColorSpace /DeviceGray ' +
          `/BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>`,
        stream: image,
      },
    ]);
    expect(await readBytes(scan, 'scan.pdf', { maxExpandedSize: MB })).toMatchObject({ code: 'pdf-no-text' });
  });

  it('refuses a PDF with more pages than maxPages', async () => {
    const three = textPdf([['one'], ['two'], ['three']]);
    expect(await readBytes(three, 'a.pdf', { maxPages: 2, locale: 'en' })).toEqual({
      ok: false,
      code: 'too-large',
      reason: '3 pages is over the page limit of 2; if the file is genuine, raise it with --max-pages',
    });
    expect(await readBytes(three, 'a.pdf', { maxPages: 3 })).toMatchObject({ ok: true });
  });
});
