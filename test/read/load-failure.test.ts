// A reader whose code cannot be loaded (in a browser: a chunk the page cannot fetch) is not the file's fault.
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

  it('makes a .docx unsupported here, in Chinese by default', async () => {
    const readBytes = await withUnloadable('mammoth');
    const result = await readBytes(await wordReport(), 'a.docx');
    expect(result).toMatchObject({ ok: false, code: 'unsupported' });
    expect(!result.ok && result.reason).toMatch(/^此处无法加载 \.docx 文件的读取程序（.*）；请刷新页面/);
  });
});
