import { describe, expect, it } from 'vitest';
import { readBytes } from '../../src/read/index.js';
import { MAX_DEFLATE_RATIO, inflatedSize } from '../../src/read/inflate.js';
import { checkZipSize, zipEntries } from '../../src/read/zip.js';
import { deflated, docxParts, documentXml, wordReport, zeros, zip } from './make.js';

const MB = 1024 * 1024;

describe('.docx decompression bombs', () => {
  it('refuses a 1 MB package whose directory declares 520 MB, without inflating it', async () => {
    const bomb = zip(docxParts({ name: 'word/document.xml', data: zeros(520), size: 520 * MB }));
    expect(bomb.length).toBeLessThan(1.2 * MB);
    const result = await readBytes(bomb, 'bomb.docx', { locale: 'en' });
    expect(result).toEqual({
      ok: false,
      code: 'too-large',
      reason:
        'it unpacks to more than 200.0 MB, the limit on expanded size (its zip directory declares 520.0 MB); ' +
        'a real report is far smaller, so this may be a decompression bomb. ' +
        'If the file is genuine, raise the limit with --max-expanded-size',
    });
    // Mammoth took 13–48 s and 2–4 GB on it. Refused on what the directory declares, it is never inflated:
    const declaredOnly = zip(docxParts({ name: 'word/document.xml', data: new Uint8Array(9), size: 520 * MB }));
    expect(await readBytes(declaredOnly, 'bomb.docx')).toMatchObject({ code: 'too-large' });
  });

  it('refuses a package that understates its sizes, stopping once the limit is passed', async () => {
    const liar = zip(docxParts({ name: 'word/document.xml', data: zeros(300), size: 1000 }));
    const result = await readBytes(liar, 'liar.docx');
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
    expect(!result.ok && result.reason).toContain('解压到 word/document.xml 时超出');
    await expect(checkZipSize(liar, 10 * MB)).rejects.toMatchObject({ code: 'too-large' });
    // Nothing inflates more densely than deflate's bound, which lets small packages skip the counting.
    expect(zeros(300).length * MAX_DEFLATE_RATIO).toBeGreaterThanOrEqual(300 * MB);
    // Inflating stops just past the limit, not at the end of the 300 MB.
    const counted = await inflatedSize(zeros(300), 'deflate-raw', 10 * MB);
    expect(counted).toBeGreaterThan(10 * MB);
    expect(counted).toBeLessThan(15 * MB);
  });

  it('counts the entries an end record leaves out (a count of 0 hid a bomb from the check)', async () => {
    const bomb = Buffer.from(zip(docxParts(deflated('word/document.xml', 'x'.repeat(60 * MB)))));
    const end = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    bomb.writeUInt16LE(0, end + 8);
    bomb.writeUInt16LE(0, end + 10);
    const result = await readBytes(new Uint8Array(bomb), 'bomb.docx', { maxExpandedSize: 10 * MB });
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('reads the sizes a zip64 directory declares', async () => {
    const big = zip(docxParts({ name: 'word/document.xml', data: zeros(2), size: 5 * 2 ** 32, zip64: true }));
    expect(zipEntries(big).map((e) => e.size)).toEqual([expect.any(Number), expect.any(Number), 5 * 2 ** 32]);
    expect(await readBytes(big, 'big.docx')).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('takes the limit from maxExpandedSize, and reads a package under it', async () => {
    const report = zip(docxParts(deflated('word/document.xml', documentXml(['一、基本情况', '保密']))));
    expect(await readBytes(report, 'a.docx')).toMatchObject({ ok: true, text: '一、基本情况\n保密\n' });
    expect(await readBytes(report, 'a.docx', { maxExpandedSize: 500 })).toMatchObject({
      ok: false,
      code: 'too-large',
    });
    const padded = zip(docxParts({ name: 'word/document.xml', data: zeros(3), size: 3 * MB }));
    expect(await readBytes(padded, 'a.docx', { maxExpandedSize: 2 * MB })).toMatchObject({ code: 'too-large' });
  });

  it('passes a package as Word writes it, reading its directory as JSZip does', async () => {
    const report = await wordReport();
    await expect(checkZipSize(report, 200 * MB)).resolves.toBeUndefined();
    await expect(checkZipSize(report, 1000)).rejects.toMatchObject({ code: 'too-large' });
    expect(zipEntries(report).map((e) => e.name)).toContain('word/document.xml');
  });

  it('says a package with a damaged directory is not a valid .docx', async () => {
    const report = await wordReport();
    const cut = report.subarray(0, report.length - 30);
    expect(await readBytes(cut, 'cut.docx', { locale: 'en' })).toMatchObject({
      ok: false,
      code: 'corrupt-docx',
      reason: 'not a valid .docx (no zip directory); open and re-save it in Word',
    });
  });
});
