/**
 * Word and PDF files in the web console, in a real browser: the page reads them with the CLI's reader
 * (`readBytes` of jixiao/read), in the module worker and from a plain folder (file://). Expectations come from
 * `readBytes` and `check()` run here on the same bytes. pdf.js and mammoth are fetched only when such a file comes,
 * from the page's own origin, and no request leaves 127.0.0.1.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, extract, parse } from '../../src/index.js';
import { readBytes, type ReadResult } from '../../src/read/index.js';
import { deflated, docxParts, documentXml, passwordPdf, textPdf, wordReport, zip } from '../read/make.js';
import { isTableRow } from '../../web/src/lib/records.js';
import type { RecordRow } from '../../web/src/protocol.js';
import { BrowserSession, DIST, ROOT, addFiles, fileRow, inPage, openFile, shownSource } from './browser.js';
import './matchers.js';
import { parseAs } from '../helpers/fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'jixiao-web-read-'));
const SEED_TXT = join(ROOT, 'fixtures', 'seed-shaodong-2020.txt');
/** The seed printed to PDF by LibreOffice in a Chinese font (fixtures/read/make.mjs). */
const SEED_PDF = join(ROOT, 'fixtures', 'read', 'seed-shaodong-2020.pdf');
/** A self-evaluation form written in Word, and another form printed to a ruled PDF (fixtures/forms). */
const FORM_DOCX = join(ROOT, 'fixtures', 'forms', 'water.docx');
const FORM_PDF = join(ROOT, 'fixtures', 'forms', 'sanitation-pdf.pdf');

const session = new BrowserSession();
/** The files given to the page, written below: readable ones and the two the reader refuses. */
const files: Record<'wordReport' | 'seedDocx' | 'formPdf' | 'damagedDocx' | 'protectedPdf', string> = {
  wordReport: join(work, '林业局自评报告.docx'),
  seedDocx: join(work, 'seed-shaodong-2020.docx'),
  formPdf: join(work, '造林项目自评.pdf'),
  damagedDocx: join(work, 'damaged.docx'),
  protectedPdf: join(work, 'protected.pdf'),
};
const readable = [files.wordReport, files.seedDocx, FORM_DOCX, SEED_PDF, files.formPdf, FORM_PDF];

beforeAll(async () => {
  const word = await wordReport();
  writeFileSync(files.wordReport, word);
  // The seed as a Word document: one paragraph per line, as a report typed into Word without styles.
  const escape = (line: string) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lines = readFileSync(SEED_TXT, 'utf8').split('\n').map(escape);
  writeFileSync(files.seedDocx, zip(docxParts(deflated('word/document.xml', documentXml(lines)))));
  // A project form's PDF as finance systems' Java report writers make them: the Chinese font not embedded, so its
  // text comes only through Adobe's CMaps (a chunk of their own).
  writeFileSync(
    files.formPdf,
    textPdf([
      ['2020年度造林项目支出绩效自评报告', '一、项目基本情况', '项目预算520万元，实际支出509.6万元。'],
      ['二、绩效目标完成情况', '预算执行率98%，完成造林1.2万亩，完成率120%。', '三、存在的问题', '（200字以内）'],
    ]),
  );
  // Damaged in transit: the Word report cut off after its first part.
  writeFileSync(files.damagedDocx, word.slice(0, 600));
  writeFileSync(files.protectedPdf, passwordPdf());
  await session.start();
}, 120_000);

afterAll(async () => {
  await session.close();
  rmSync(work, { recursive: true, force: true });
});

/** What the CLI's reader and the core say of a file: read here, in Node, from the same bytes. */
async function inNode(path: string): Promise<{ read: ReadResult; messages: ReturnType<typeof check> }> {
  const read = await readBytes(new Uint8Array(readFileSync(path)), basename(path));
  return { read, messages: read.ok ? check(parseAs(read.format, read.text)) : [] };
}

/** The assets the page has fetched since `from` (an index into the session's requests), by what they hold. */
function fetched(from: number): { pdfjs: boolean; mammoth: boolean; names: string[] } {
  const names = session.requested
    .slice(from)
    .map((url) => /\/assets\/([^/?#]+\.js)$/.exec(url)?.[1])
    .filter((name): name is string => name !== undefined);
  const holds = (marker: string) =>
    names.some((name) => readFileSync(join(DIST, 'assets', name), 'utf8').includes(marker));
  return {
    names,
    // pdf.js sets up its in-thread worker under this name; this is mammoth's own error for a missing input.
    pdfjs: holds('globalThis.pdfjsWorker'),
    mammoth: holds('Could not find file in options'),
  };
}

/** Checks one readable file's row and report against what Node's reader and core say. */
async function expectSameAsNode(page: Page, path: string): Promise<void> {
  const name = basename(path);
  const { read, messages } = await inNode(path);
  if (!read.ok) throw new Error(`${name} does not read in Node: ${read.reason}`);
  const cells = await fileRow(page, name).locator('td').allTextContents();
  expect(cells[0], name).toBe(
    `已检查${read.warnings.map((w) => `读取提示（${w.code}） ${inPage(w.reason)}`).join('')}`,
  );
  expect(cells[1], name).toBe(String(messages.filter((m) => m.fatal).length));
  expect(cells[2], name).toBe(String(messages.filter((m) => !m.fatal).length));
  const records = extract(parseAs(read.format, read.text)) as unknown as RecordRow[];
  expect(cells[cells.length - 1], name).toBe(String(records.filter((r) => !isTableRow(r)).length));
  await openFile(page, name);
  // The file named for what it is (a Word file whose reader handed on Markdown is still a Word file).
  const kind = { docx: 'Word 文档（.docx）', pdf: 'PDF', md: 'Markdown' }[extname(name).slice(1)] ?? '纯文本';
  await expect(page.locator('.report-head .meta'), name).toHaveText(
    new RegExp(`^格式：${kind.replace(/[.()]/g, '\\$&')}`),
  );
  // The text exactly as the reader gave it, and the core's findings on it, in order.
  expect(await shownSource(page), name).toBe(read.text);
  await expect(page.locator('.finding-go')).toHaveCount(messages.length);
  expect(await page.evaluate(`[...document.querySelectorAll('.finding-go')].map((i) => i.dataset.rule)`), name).toEqual(
    messages.map((m) => m.ruleId),
  );
  await expect(page.locator('.finding-go .message')).toHaveText(messages.map((m) => m.reason));
  await page.getByRole('tab', { name: /^文件列表/ }).click();
}

describe('Word and PDF files in the web console', () => {
  it('reads .docx and .pdf in the worker as the CLI does, fetching pdf.js and mammoth only when they come', async () => {
    const { page, done } = await session.newPage();
    const start = session.requested.length;
    await page.goto(session.url());
    await addFiles(page, [SEED_TXT]);
    // A text file needs neither reader.
    expect(fetched(start)).toMatchObject({ pdfjs: false, mammoth: false });

    let from = session.requested.length;
    await addFiles(page, [SEED_TXT, files.wordReport]);
    expect(fetched(from)).toMatchObject({ pdfjs: false, mammoth: true });
    from = session.requested.length;
    await addFiles(page, [SEED_TXT, files.wordReport, SEED_PDF]);
    expect(fetched(from)).toMatchObject({ pdfjs: true });

    await addFiles(page, [SEED_TXT, ...readable]);
    for (const path of readable) await expectSameAsNode(page, path);
    // The reader's own Word numbering came through: 一、 and （一） as the parser's section markers.
    const { read } = await inNode(files.wordReport);
    expect(read.ok && parse(read.text).children.filter((n) => n.type === 'section')).toHaveLength(2);
    await done();
  }, 120_000);

  it('reports a damaged .docx and a password-protected PDF with the CLI’s codes and reasons, and reads the rest', async () => {
    const { page, done } = await session.newPage();
    await page.goto(session.url());
    await addFiles(page, [files.damagedDocx, files.protectedPdf, SEED_TXT, files.wordReport, SEED_PDF]);
    const status = async (path: string) =>
      (await fileRow(page, basename(path)).locator('td').first().textContent()) ?? '';
    for (const [path, code] of [
      [files.damagedDocx, 'corrupt-docx'],
      [files.protectedPdf, 'encrypted-pdf'],
    ] as const) {
      const { read } = await inNode(path);
      expect(read).toMatchObject({ ok: false, code });
      expect(await status(path)).toBe(`无法读取（${code}） ${!read.ok && inPage(read.reason)}`);
    }
    // The rest of the batch went on.
    for (const path of [SEED_TXT, files.wordReport, SEED_PDF]) expect(await status(path)).toMatch(/^已检查/);
    await expect(page.locator('#totals')).toContainText('共 5 个文件');
    await expect(page.locator('#totals')).toContainText('2 个文件无法读取');

    // In English: the reader's English reasons.
    await page.click('#language');
    const read = await readBytes(new Uint8Array(readFileSync(files.protectedPdf)), 'protected.pdf', { locale: 'en' });
    await expect(fileRow(page, 'protected.pdf').locator('td').first()).toHaveText(
      `Cannot read（encrypted-pdf） ${!read.ok && inPage(read.reason, 'en')}`,
    );
    await done();
  }, 120_000);

  it('says a reader could not be loaded, not that the file is bad, and reads the rest', async () => {
    const { context, page, done } = await session.newPage();
    // The server has lost pdf.js's chunk (a partial copy of web/dist, say).
    await context.route(/\/assets\/pdfjs-[^/]+\.js$/, (route) => route.abort());
    await page.goto(session.url());
    await addFiles(page, [SEED_PDF, SEED_TXT]);
    const cell = fileRow(page, basename(SEED_PDF)).locator('td').first();
    await expect(cell).toHaveText(/^无法读取（unsupported） 此处无法加载 \.pdf 文件的读取程序（.+）；请刷新页面/);
    await expect(fileRow(page, basename(SEED_TXT)).locator('td').first()).toHaveText('已检查');
    await done();
  }, 120_000);

  it('reads them from a plain folder (file://) too, loading each reader’s script only when needed', async () => {
    const { page, done } = await session.newPage();
    const start = session.requested.length;
    await page.goto(session.url('file'));
    await addFiles(page, [SEED_TXT]);
    await expect(page.locator('.note')).toBeVisible(); // the engine runs on the page
    expect(fetched(start)).toMatchObject({ pdfjs: false, mammoth: false });
    await addFiles(page, [SEED_TXT, ...readable, files.damagedDocx, files.protectedPdf]);
    const loaded = fetched(start);
    expect(loaded).toMatchObject({ pdfjs: true, mammoth: true });
    // Classic scripts (the page may not load modules from a folder), none of the worker's modules.
    expect(loaded.names.filter((name) => !/^(page-|engine-inline-|.+\.classic-)/.test(name))).toEqual([]);
    for (const path of readable) await expectSameAsNode(page, path);
    await expect(fileRow(page, 'damaged.docx').locator('td').first()).toHaveText(/^无法读取（corrupt-docx）/);
    await expect(fileRow(page, 'protected.pdf').locator('td').first()).toHaveText(/^无法读取（encrypted-pdf）/);
    await done();
  }, 120_000);

  it('made no request to any host but 127.0.0.1', () => {
    session.expectNoRequestAway();
  });
});
