// A reader whose code cannot be loaded (in a browser: a chunk the page cannot fetch) is not the file's fault.
import { Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { textPdf, wordReport } from './make.js';

afterEach(() => {
  vi.doUnmock('unpdf/pdfjs');
  vi.doUnmock('mammoth');
  vi.resetModules();
});

/** readBytes from a fresh module graph, with `module` failing to load, as a chunk the browser could not fetch. */
async function withUnloadable(module: string) {
  vi.resetModules();
  vi.doMock(module, () => {
    throw new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/assets/pdfjs-X.js');
  });
  return (await import('../../src/read/index.js')).readBytes;
}

describe('a reader that cannot be loaded', () => {
  it('makes a .pdf unsupported here, naming the cause, not a corrupt PDF', async () => {
    const readBytes = await withUnloadable('unpdf/pdfjs');
    const result = await readBytes(textPdf([['Budget 2020']]), 'a.pdf', { locale: 'en' });
    expect(result).toMatchObject({ ok: false, code: 'unsupported' });
    expect(!result.ok && result.reason).toMatch(/^cannot load the reader of \.pdf files here \(.+\); reload the page/);
  });

  it('makes a .docx that needs mammoth unsupported here, in Chinese by default', async () => {
    const readBytes = await withUnloadable('mammoth');
    // A hyperlink is beyond the lean reader (src/read/docx-lean.ts): mammoth reads it.
    const link = new ExternalHyperlink({ link: 'https://example.org', children: [new TextRun('附件')] });
    const document = new Document({ sections: [{ children: [new Paragraph({ children: [link] })] }] });
    const linked = await readBytes(new Uint8Array(await Packer.toBuffer(document)), 'a.docx');
    expect(linked).toMatchObject({ ok: false, code: 'unsupported' });
    expect(!linked.ok && linked.reason).toMatch(/^此处无法加载 \.docx 文件的读取程序（.*）；请刷新页面/);
    // A plain report needs no mammoth at all.
    expect(await readBytes(await wordReport(), 'a.docx')).toMatchObject({ ok: true });
  });
});
