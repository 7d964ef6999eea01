/**
 * The web console in a real browser: Debian's Chromium driven by playwright-core, the page built by `npm run web`
 * and served from 127.0.0.1. Expectations come from the core run here on the same files (`check`, `extract`,
 * `toMarkdown`), never from lists written into the test. Every request the browser makes is recorded, and none
 * may leave 127.0.0.1.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, extract, indicators, parse, rules, type FigureRecord } from '../../src/index.js';
import { fromMarkdown, toMarkdown } from '../../src/markdown.js';
import { COLUMNS } from '../../src/node/output.js';
import { readBytes } from '../../src/read/index.js';
import { jixiao } from '../helpers/cli.js';
import { inPage } from './browser.js';
import { BrowserSession, DIST, ROOT, addFiles, fileRow, openFile, shownSource, until } from './browser.js';
import './matchers.js';
import { parseAs } from '../helpers/fixtures.js';

const SEED = join(ROOT, 'fixtures', 'seed-shaodong-2020.txt');
const seed = readFileSync(SEED, 'utf8');
const work = mkdtempSync(join(tmpdir(), 'jixiao-web-'));

const session = new BrowserSession();
beforeAll(() => session.start(), 120_000);
afterAll(async () => {
  await session.close();
  rmSync(work, { recursive: true, force: true });
});
const newPage = () => session.newPage();

/** Clicks an export button and returns the file it downloads. */
async function exported(page: Page, kind: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${kind}"]`)]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

/** A CSV's rows (RFC 4180 quoting), the BOM stripped. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\ufeff/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') cell += body[i++];
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

const offsets = (m: ReturnType<typeof check>[number]) => {
  const place = m.place as { start: { offset: number }; end: { offset: number } };
  return { start: place.start.offset, end: place.end.offset };
};

describe('web console', () => {
  it('shows the seed’s findings, marks each in its source, and its figures', async () => {
    const { page, done } = await newPage();
    await page.goto(session.url());
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await addFiles(page, [SEED]);
    const expected = check(seed);
    expect(expected.map((m) => m.ruleId)).toEqual(
      expect.arrayContaining(['no-placeholder-section', 'numbering-style', 'no-empty-annex']),
    );

    // The batch row counts what check() says.
    const row = page.locator('.files tbody tr').first();
    const cells = await row.locator('td').allTextContents();
    expect(cells[1]).toBe(String(expected.filter((m) => m.fatal).length));
    expect(cells[2]).toBe(String(expected.filter((m) => !m.fatal).length));
    expect(cells[3]).toBe('hunan-dept-overall');
    expect(cells[4]).toBe(String(parse(seed).data.fiscalYear!.year));

    await openFile(page, 'seed-shaodong-2020.txt');
    const items = page.locator('.finding-go');
    await expect(items).toHaveCount(expected.length);
    for (let i = 0; i < expected.length; i++) {
      const m = expected[i]!;
      const item = items.nth(i);
      await expect(item).toHaveAttribute('data-rule', m.ruleId!);
      await expect(item.locator('.where')).toHaveText(`第 ${m.line} 行第 ${m.column} 列`);
      await expect(item.locator('.message')).toHaveText(m.reason);
      await expect(item.locator('.severity')).toHaveText(m.fatal ? '错误' : '警告');
      // The rule's page in the build, not GitHub: it opens on an offline intranet.
      await expect(page.locator('a.docs').nth(i)).toHaveAttribute('href', `rules/${m.ruleId}.html`);

      // Clicking it marks exactly its span of the source, and brings it into view.
      await item.click();
      const { start, end } = offsets(m);
      const marked = await page.locator('.source .active').allTextContents();
      expect(marked.join('')).toBe(seed.slice(start, end));
      await expect(page.locator('.source .active').first()).toBeInViewport();
      await expect(item).toHaveAttribute('aria-pressed', 'true');
    }

    // Figures: in the table and marked in the source, as extract() has them.
    const records = extract(seed) as FigureRecord[];
    await page.getByRole('tab', { name: /^数字/ }).click();
    const texts = await page.locator('.figures tbody td.text').allTextContents();
    expect(texts).toEqual(records.map((r) => r.text));
    const inline = records.filter((r) => r.kind !== 'event');
    const marks = page.locator('.source mark.fig');
    expect(await marks.allTextContents()).toEqual(inline.map((r) => r.text));
    // Hovering a figure shows its value.
    const money = records.findIndex((r) => r.kind === 'money');
    const mark = page.locator(`.source mark.fig[data-fig="${money}"]`);
    await mark.hover();
    await expect(page.locator('#tip')).toBeVisible();
    await expect(page.locator('#tip')).toHaveText(
      `金额：${(records[money]!.value as number).toLocaleString('zh-CN', { maximumFractionDigits: 6 })} 元`,
    );
    // No self-evaluation table in the seed: said so, not an empty table.
    await page.getByRole('tab', { name: /^自评表/ }).click();
    await expect(page.locator('.side-panel')).toContainText('没有识别出自评表');

    await done();
  }, 60_000);

  it('shows a Word form’s indicator, budget and total rows, the failing ones marked, each shown in the source on a click', async () => {
    const FORMS = join(ROOT, 'fixtures', 'forms');
    const name = 'sanitation.docx';
    const { page, done } = await newPage();
    await page.goto(session.url());
    await addFiles(page, [SEED, join(FORMS, name)]);
    // What Node says of the same bytes: the CLI's reader, then the core; and the form's gold, written by hand.
    const read = await readBytes(new Uint8Array(readFileSync(join(FORMS, name))), name);
    if (!read.ok) throw new Error(read.reason);
    const tree = parseAs(read.format, read.text, { tables: read.tables });
    const rows = indicators(tree);
    const records = extract(tree);
    const total = records.find((r) => r.kind === 'total')!;
    const gold = JSON.parse(readFileSync(join(FORMS, 'sanitation.gold.json'), 'utf8')) as { findings: string[] };
    const number = (n: unknown) =>
      typeof n === 'number' ? n.toLocaleString('zh-CN', { maximumFractionDigits: 6 }) : String(n ?? '');

    // The batch's score column: the form's total; the seed, with no form, has none.
    expect((await fileRow(page, name).locator('td').allTextContents())[5]).toBe(number(total.score));
    expect((await fileRow(page, 'seed-shaodong-2020.txt').locator('td').allTextContents())[5]).toBe('');

    await openFile(page, name);
    await page.getByRole('tab', { name: /^自评表/ }).click();
    const table = page.locator('table.form-indicator');
    await expect(table.locator('caption')).toHaveText(`绩效指标（${rows.length} 行）`);
    expect(await table.locator('thead th').allTextContents()).toEqual([
      '一级指标',
      '二级指标',
      '指标名称',
      '年度指标值',
      '实际完成值',
      '分值',
      '得分',
      '偏差原因',
      '是否完成',
      '问题',
    ]);
    const shown = table.locator('tbody tr');
    await expect(shown).toHaveCount(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const rules = gold.findings.filter((f) => f.endsWith(`@${r.name}`)).map((f) => f.split('@')[0]!);
      const row = shown.nth(i);
      const problems = rules.join(', ') + (r.achieved === false ? '未完成' : '');
      expect(await row.locator('th, td').allTextContents(), r.name).toEqual([
        r.level1,
        r.level2,
        r.name,
        r.target,
        r.actual,
        number(r.weight),
        number(r.score),
        r.reason ?? '',
        r.achieved === null ? '—' : r.achieved ? '是' : '否',
        problems,
      ]);
      // Marked failing exactly when a form rule points at it or it missed its target.
      const failing = rules.length > 0 || r.achieved === false;
      expect((await row.getAttribute('class'))?.split(' ').includes('failing') ?? false, r.name).toBe(failing);
    }
    // The form's three findings are on its rows (sanitation.gold.json lists them).
    for (const f of gold.findings) {
      const [rule, indicator] = f.split('@');
      await expect(shown.filter({ hasText: indicator! }).locator('.problems')).toContainText(rule!);
    }
    // Budget lines and the total, as extract() gives them.
    const budget = records.filter((r) => r.kind === 'budget');
    await expect(page.locator('table.form-budget tbody tr')).toHaveCount(budget.length);
    expect(await page.locator('table.form-budget tbody tr th').allTextContents()).toEqual(budget.map((b) => b.item));
    expect(await page.locator('table.form-total tbody tr td').allTextContents()).toEqual([
      number(total.weight),
      number(total.score),
      '',
    ]);

    // A row's name shows it in the source: its line marked and in view, the row pressed.
    const missed = rows.findIndex((r) => r.name === '垃圾清运量');
    const go = shown.nth(missed).getByRole('button');
    await expect(go).toHaveAttribute('aria-label', '在原文中显示“垃圾清运量”这一行');
    await go.click();
    await expect(go).toHaveAttribute('aria-pressed', 'true');
    const line = page.locator('.source .line.row-active');
    await expect(line).toHaveCount(1);
    await expect(line).toHaveAttribute('data-line', String(rows[missed]!.line));
    expect((await line.textContent())!.replace(/^\d+/, '')).toContain(
      read.text.slice(rows[missed]!.start!, rows[missed]!.end!),
    );
    await expect(line).toBeInViewport();
    // So does a click anywhere on a row, and the keyboard on its button.
    await shown.nth(0).locator('td').nth(3).click();
    await expect(page.locator('.source .line.row-active')).toHaveAttribute('data-line', String(rows[0]!.line));
    await shown.nth(missed).getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.source .line.row-active')).toHaveAttribute('data-line', String(rows[missed]!.line));

    // Exports of this report: what `jixiao extract` writes of the same file, byte for byte; the forms' rows alone
    // with the same columns.
    await page.getByLabel('当前报告').check();
    const cli = jixiao(['extract', name], { cwd: FORMS });
    expect(cli.status).toBe(0);
    const all = await exported(page, 'figures-csv');
    expect(all.name).toBe('sanitation.figures.csv');
    expect(all.bytes.toString('utf8')).toBe(cli.stdout);
    const forms = await exported(page, 'tables-csv');
    expect(forms.name).toBe('sanitation.tables.csv');
    const text = forms.bytes.toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('\ufeff' + COLUMNS.join(','));
    expect(lines.slice(1)).toEqual(
      cli.stdout
        .split('\r\n')
        .slice(1)
        .filter((l) => l === '' || /^[^,]*,(indicator|budget|total),/.test(l)),
    );
    const csv = parseCsv(text);
    const at = (field: string) => COLUMNS.indexOf(field);
    const indicatorRows = csv.slice(1).filter((r) => r[at('kind')] === 'indicator');
    expect(indicatorRows.map((r) => r[at('name')])).toEqual(rows.map((r) => r.name));
    expect(indicatorRows.map((r) => r[at('score')])).toEqual(rows.map((r) => String(r.score)));
    expect(indicatorRows.map((r) => r[at('achieved')])).toEqual(rows.map((r) => String(r.achieved ?? '')));
    // The workbook of the forms' rows: the CLI's sheets and headers.
    const xlsx = await exported(page, 'tables-xlsx');
    expect(xlsx.name).toBe('sanitation.tables.xlsx');
    const book = unzipSync(new Uint8Array(xlsx.bytes));
    expect(strFromU8(book['xl/workbook.xml']!)).toMatch(/name="预算"[^]*name="指标"[^]*name="总分"/);
    expect(strFromU8(book['xl/sharedStrings.xml']!)).toContain('垃圾清运量');
    await done();
  }, 90_000);

  it('opens a finding’s rule page from the build itself, so the docs work offline', async () => {
    // Every rule has its page, titled as its docs (docs/rules/<id>.md).
    for (const rule of rules) {
      const html = readFileSync(join(DIST, 'rules', `${rule.id}.html`), 'utf8');
      expect(html).toContain(`<title>${rule.id} · jixiao</title>`);
      expect(html).toContain(`<h1>${rule.id}</h1>`);
    }
    const { context, page, done } = await newPage();
    await page.goto(session.url());
    await addFiles(page, [SEED]);
    await openFile(page, 'seed-shaodong-2020.txt');
    const first = check(seed)[0]!;
    const [docs] = await Promise.all([context.waitForEvent('page'), page.locator('a.docs').first().click()]);
    await docs.waitForLoadState();
    expect(docs.url()).toBe(`${session.url()}rules/${first.ruleId}.html`);
    expect(await docs.title()).toBe(`${first.ruleId} · jixiao`);
    await expect(docs.locator('h1')).toHaveText(first.ruleId!);
    // The rendered docs: its sections and examples, styled by the build's own stylesheet.
    await expect(docs.locator('h2').first()).toHaveText('检查什么');
    expect(await docs.evaluate('getComputedStyle(document.body).maxWidth')).not.toBe('none');
    await done();
  });

  it('shows the outline as a tree that collapses, and each entry scrolls the source to its section', async () => {
    const { page, done } = await newPage();
    await page.goto(session.url());
    await addFiles(page, [SEED]);
    await openFile(page, 'seed-shaodong-2020.txt');
    const tree = parse(seed);
    const top = tree.children.filter((n) => n.type === 'section');
    await expect(page.locator('.tree > li')).toHaveCount(top.length);
    const parent = top.findIndex((s) => s.children.some((c) => c.type === 'section'));
    const toggle = page.locator('.tree > li').nth(parent).locator('> button.toggle');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const children = page.locator('.tree > li').nth(parent).locator('> ul > li');
    expect(await children.count()).toBeGreaterThan(0);
    await toggle.press('Enter');
    await expect(page.locator('.tree > li').nth(parent).locator('> button.toggle')).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    await expect(page.locator('.tree > li').nth(parent).locator('> ul')).toHaveCount(0);
    // Focus stays on the toggle, so the keyboard can open it again.
    await expect(page.locator('.tree > li').nth(parent).locator('> button.toggle')).toBeFocused();

    const last = top[top.length - 1]!;
    await page.locator('.tree > li').last().locator('> button.go').click();
    await expect(page.locator(`.source .line[data-line="${last.position.start.line}"]`)).toBeInViewport();
    await done();
  }, 60_000);

  it('exports findings, figures and Markdown whose content matches the core', async () => {
    const { page, done } = await newPage();
    await page.goto(session.url());
    const md = join(ROOT, 'fixtures', 'seed-shaodong-2020.md');
    await addFiles(page, [SEED, md]);
    await openFile(page, 'seed-shaodong-2020.txt');
    await page.getByLabel('当前报告').check();

    // Findings as JSON: the CLI's shape.
    const json = await exported(page, 'findings-json');
    expect(json.name).toBe('seed-shaodong-2020.findings.json');
    const entries = JSON.parse(json.bytes.toString('utf8'));
    expect(entries).toEqual([
      {
        file: 'seed-shaodong-2020.txt',
        messages: check(seed).map((m) => {
          const place = m.place as { start: { line: number; column: number }; end: { line: number; column: number } };
          return {
            ruleId: m.ruleId,
            severity: m.fatal ? 'error' : 'warning',
            line: place.start.line,
            column: place.start.column,
            endLine: place.end.line,
            endColumn: place.end.column,
            message: m.reason,
            url: m.url,
          };
        }),
      },
    ]);

    // Figures as CSV: BOM, the CLI's columns, one line per figure.
    const csv = await exported(page, 'figures-csv');
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]!.slice(0, 3)).toEqual(['file', 'kind', 'text']);
    const records = extract(seed) as FigureRecord[];
    expect(rows.slice(1).map((r) => r[2])).toEqual(records.map((r) => r.text));
    expect(rows.slice(1).map((r) => r[7])).toEqual(records.map((r) => String(r.value ?? '')));

    // The report as Markdown: what toMarkdown() writes.
    const markdown = await exported(page, 'markdown');
    expect(markdown.name).toBe('seed-shaodong-2020.md');
    expect(markdown.bytes.toString('utf8')).toBe(toMarkdown(parse(seed)));

    // The whole batch: SARIF with every file's results, a workbook, and a zip of Markdown files.
    await page.getByLabel('全部文件').check();
    const sarifText = (await exported(page, 'findings-sarif')).bytes.toString('utf8');
    const sarif = JSON.parse(sarifText);
    // What `jixiao check --format sarif` writes of the same files, from the same code.
    const cliSarif = jixiao(['check', 'seed-shaodong-2020.md', 'seed-shaodong-2020.txt', '-f', 'sarif'], {
      cwd: join(ROOT, 'fixtures'),
    });
    expect(cliSarif.stdout).toBe(sarifText);
    const mdText = readFileSync(md, 'utf8');
    // Files in the order added: by name, so the .md first.
    const all = [...check(fromMarkdown(mdText)), ...check(seed)];
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(all.map((m) => m.ruleId));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'seed-shaodong-2020.md',
      uriBaseId: '%SRCROOT%',
    });

    const xlsx = await exported(page, 'figures-xlsx');
    expect(xlsx.name).toBe('jixiao.xlsx');
    const book = unzipSync(new Uint8Array(xlsx.bytes));
    const sheets = Object.keys(book)
      .filter((path) => /^xl\/worksheets\/sheet\d+\.xml$/.test(path))
      .map((path) => strFromU8(book[path]!));
    // A sheet per kind, each a header row plus its figures: every figure of both files; money as a number.
    const figureCount = records.length + extract(fromMarkdown(mdText)).length;
    expect(sheets.reduce((n, sheet) => n + sheet.match(/<row /g)!.length - 1, 0)).toBe(figureCount);
    expect(sheets.join('')).toContain('<v>13422300</v>');
    expect(strFromU8(book['xl/sharedStrings.xml']!)).toContain('章节标题');
    // The CLI's workbook of the same files, sheet for sheet and cell for cell.
    const out = join(work, 'cli.xlsx');
    const cli = jixiao(['extract', 'seed-shaodong-2020.md', 'seed-shaodong-2020.txt', '-f', 'xlsx', '-o', out], {
      cwd: join(ROOT, 'fixtures'),
    });
    expect(cli.status).toBe(0);
    const cliBook = unzipSync(new Uint8Array(readFileSync(out)));
    for (const path of [
      'xl/workbook.xml',
      'xl/sharedStrings.xml',
      ...Object.keys(cliBook).filter((p) => p.includes('worksheets/sheet')),
    ])
      expect(strFromU8(book[path]!), path).toBe(strFromU8(cliBook[path]!));

    const zip = await exported(page, 'markdown');
    expect(zip.name).toBe('jixiao-markdown.zip');
    const files = unzipSync(new Uint8Array(zip.bytes));
    expect(Object.keys(files).sort()).toEqual(['seed-shaodong-2020 (2).md', 'seed-shaodong-2020.md']);
    expect(strFromU8(files['seed-shaodong-2020.md']!)).toBe(toMarkdown(fromMarkdown(mdText)));
    await done();
  }, 60_000);

  it('switches to English and back, with messages in the language chosen', async () => {
    const { page, done } = await newPage();
    await page.goto(session.url());
    await addFiles(page, [SEED]);
    await openFile(page, 'seed-shaodong-2020.txt');
    await page.click('#language');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('h1')).toHaveText('jixiao performance report checker');
    await expect(page.locator('#language')).toBeFocused();
    const english = check(seed, { locale: 'en' });
    await expect(page.locator('.finding-go .message')).toHaveText(english.map((m) => m.reason));
    await expect(page.locator('.finding-go .severity').first()).toHaveText(english[0]!.fatal ? 'error' : 'warning');
    await page.click('#language');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('.finding-go .message')).toHaveText(check(seed).map((m) => m.reason));
    await done();
  }, 60_000);

  it('edits rule settings and reads and writes .jixiaorc.json, keeping the keys only the CLI uses', async () => {
    const { page, done } = await newPage();
    await page.goto(session.url());
    await addFiles(page, [SEED]);
    await openFile(page, 'seed-shaodong-2020.txt');
    await page.click('#settings');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();

    // A rule off: its finding goes.
    await dialog.getByLabel('规则 no-empty-annex 的级别').selectOption('off');
    const rest = check(seed, { rules: { 'no-empty-annex': 'off' } });
    await expect(page.locator('.finding-go')).toHaveCount(rest.length);
    await expect(page.locator('.finding-go[data-rule="no-empty-annex"]')).toHaveCount(0);

    const [saved] = await Promise.all([page.waitForEvent('download'), dialog.locator('#rc-export').click()]);
    expect(JSON.parse(readFileSync((await saved.path())!, 'utf8'))).toEqual({ rules: { 'no-empty-annex': 'off' } });

    // Import a CLI configuration: its settings apply, and its CLI-only keys survive the round trip.
    const rc = {
      $schema: './node_modules/jixiao/dist/config.schema.json',
      profile: 'generic',
      rules: { 'numbering-style': 'error', 'rate-consistency': ['error', { tolerance: 0.5 }] },
      encoding: 'utf-8',
      maxSize: 10_000_000,
      ignore: ['drafts/**'],
      maxWarnings: 5,
    };
    const rcPath = join(work, '.jixiaorc.json');
    writeFileSync(rcPath, JSON.stringify(rc));
    await dialog.locator('#rc-input').setInputFiles(rcPath);
    await expect(dialog.getByLabel('规则 numbering-style 的级别')).toHaveValue('error');
    await expect(dialog.getByLabel('报告模板')).toHaveValue('generic');
    const withRc = check(seed, { profile: 'generic', rules: rc.rules as never });
    await expect(page.locator('.finding-go')).toHaveCount(withRc.length);
    await expect(page.locator('.finding-go .severity')).toHaveText(withRc.map((m) => (m.fatal ? '错误' : '警告')));

    await dialog.getByLabel('规则 rate-consistency 的级别').selectOption('warn');
    const [again] = await Promise.all([page.waitForEvent('download'), dialog.locator('#rc-export').click()]);
    expect(again.suggestedFilename()).toMatch(/jixiaorc\.json$/);
    expect(JSON.parse(readFileSync((await again.path())!, 'utf8'))).toEqual({
      ...rc,
      rules: { 'numbering-style': 'error', 'rate-consistency': ['warn', { tolerance: 0.5 }] },
    });

    // A configuration the core refuses: said so, with the rule named, and the settings stay as they were.
    const bad = join(work, 'bad.json');
    writeFileSync(bad, JSON.stringify({ rules: { 'no-such-rule': 'error' } }));
    await dialog.locator('#rc-input').setInputFiles(bad);
    await expect(dialog.getByRole('alert')).toContainText('bad.json');
    await expect(dialog.getByRole('alert')).toContainText('no-such-rule');
    await expect(dialog.getByLabel('规则 numbering-style 的级别')).toHaveValue('error');
    const broken = join(work, 'broken.json');
    writeFileSync(broken, '{"rules": ');
    await dialog.locator('#rc-input').setInputFiles(broken);
    await expect(dialog.getByRole('alert')).toContainText('not valid JSON');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await done();
  }, 60_000);

  it('starts from the defaults, and says so, when the settings saved last time are refused', async () => {
    const { context, page, done } = await newPage();
    await context.addInitScript(
      `localStorage.setItem('jixiao.settings', JSON.stringify({ rules: { 'retired-rule': 'error' }, ignore: ['x/**'] }))`,
    );
    await page.goto(session.url());
    await expect(page.locator('#status')).toContainText('retired-rule');
    await expect(page.locator('#status')).toContainText('上次保存的设置');
    await addFiles(page, [SEED]);
    await expect(page.locator('.files tbody td').nth(1)).toHaveText(String(check(seed).filter((m) => m.fatal).length));
    await done();
  }, 60_000);

  it('reads GB18030 text, and reports files it cannot read with the CLI’s codes while the rest go on', async () => {
    const { page, done } = await newPage();
    await page.goto(session.url());
    // GB18030: the seed's first lines, encoded by the test (iconv-lite), must read back exactly.
    const { default: iconv } = await import('iconv-lite');
    const gbText = seed.split('\n').slice(0, 12).join('\n');
    const gb = join(work, 'gb18030.txt');
    writeFileSync(gb, iconv.encode(gbText, 'gb18030'));
    const empty = join(work, 'empty.txt');
    writeFileSync(empty, '');
    const binary = join(work, 'photo.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0]));
    const docx = join(work, 'form.docx');
    writeFileSync(docx, Buffer.from('PK\u0003\u0004 not really a document'));
    await addFiles(page, [gb, empty, binary, docx, SEED]);

    const status = async (name: string) => (await fileRow(page, name).locator('td').first().textContent()) ?? '';
    // The CLI's reader, run here on the same bytes, says the same on each row: code and reason, or its warnings.
    for (const path of [empty, binary, docx, gb]) {
      const name = path.slice(work.length + 1);
      const read = await readBytes(new Uint8Array(readFileSync(path)), name);
      expect(await status(name)).toBe(
        read.ok
          ? `已检查${read.warnings.map((w) => `读取提示（${w.code}） ${inPage(w.reason)}`).join('')}`
          : `无法读取（${read.code}） ${inPage(read.reason)}`,
      );
    }
    expect(await status('empty.txt')).toContain('（empty）');
    expect(await status('photo.txt')).toContain('（binary）');
    expect(await status('form.docx')).toContain('（corrupt-docx）');
    // Not UTF-8, so read as GB18030: the reader's warning is on the row; it names the CLI's --encoding, so the row
    // also says what does that here.
    expect(await status('gb18030.txt')).toContain('读取提示（encoding-fallback）');
    expect(await status('gb18030.txt')).toContain('（网页中：在“规则设置”中导入设有 encoding 的 .jixiaorc.json）');
    await expect(page.locator('#totals')).toHaveText(
      `共 5 个文件：${check(gbText).filter((m) => m.fatal).length + check(seed).filter((m) => m.fatal).length} 个错误，` +
        `${check(gbText).filter((m) => !m.fatal).length + check(seed).filter((m) => !m.fatal).length} 个警告，3 个文件无法读取`,
    );

    await openFile(page, 'gb18030.txt');
    await expect(page.locator('.report-head .meta')).toContainText('GB18030');
    expect(await page.locator('.read-warnings li').allTextContents()).toEqual([
      expect.stringMatching(/^读取提示（encoding-fallback）：不是有效的 UTF-8 编码/),
    ]);
    // Each line's text after its line number: together, the text exactly as decoded.
    expect(await shownSource(page)).toBe(gbText);

    // Filtering: only the unreadable ones.
    await page.getByRole('tab', { name: /^文件列表/ }).click();
    await page.getByLabel('显示').selectOption('unreadable');
    await expect(page.locator('.files tbody tr')).toHaveCount(3);
    await page.getByLabel('显示').selectOption('all');
    await page.getByLabel('按文件名筛选').fill('seed');
    await expect(page.locator('.files tbody tr')).toHaveCount(1);
    await done();
  }, 60_000);

  it('takes a folder (report files only, as the CLI) and files dropped on the page, named by their path', async () => {
    const { mkdirSync } = await import('node:fs');
    const folder = join(work, 'submissions');
    for (const dir of ['', 'county', '.drafts', 'node_modules/x']) mkdirSync(join(folder, dir), { recursive: true });
    writeFileSync(join(folder, 'city.txt'), seed);
    writeFileSync(join(folder, 'county', 'report.md'), readFileSync(join(ROOT, 'fixtures', 'seed-shaodong-2020.md')));
    writeFileSync(join(folder, 'county', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(folder, '.drafts', 'old.txt'), seed);
    writeFileSync(join(folder, '.hidden.txt'), seed);
    writeFileSync(join(folder, 'node_modules', 'x', 'readme.md'), '# x');
    const { page, done } = await newPage();
    await page.goto(session.url());
    await page.setInputFiles('#folder-input', folder);
    await until(page, `document.querySelectorAll('.files td.ok').length === 2`);
    expect(await page.locator('.files tbody th').allTextContents()).toEqual([
      'submissions/city.txt',
      'submissions/county/report.md',
    ]);

    // Dropped files (a DataTransfer made in the page: a folder cannot be dropped from a test).
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.items.add(new File([${JSON.stringify(seed)}], 'dropped.txt', { type: 'text/plain' }));
      data.items.add(new File(['   '], 'blank.txt', { type: 'text/plain' }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    })()`);
    await until(
      page,
      `document.querySelectorAll('.files tbody tr').length === 4 && !document.querySelector('.pending')`,
    );
    expect(await page.locator('.files tbody th').allTextContents()).toEqual([
      'blank.txt',
      'dropped.txt',
      'submissions/city.txt',
      'submissions/county/report.md',
    ]);
    await expect(page.locator('.files tbody tr').first().locator('td').first()).toContainText('（empty）');
    await expect(page.locator('#drop-hint')).toHaveText('或把文件、文件夹拖到这里（.txt、.md、.docx、.pdf）');
    await done();
  }, 60_000);

  it('stays responsive while 500 reports are checked off the main thread, and lists all 500', async () => {
    // 500 reports written here: the seed with a different unit, year and amounts each, some with the
    // placeholder section filled in.
    const folder = join(work, 'batch');
    const paths: string[] = [];
    const texts: string[] = [];
    await import('node:fs/promises').then((fs) => fs.mkdir(folder, { recursive: true }));
    for (let i = 0; i < 500; i++) {
      let text = seed.replaceAll('邵东市委统战部', `第${i + 1}统战部`).replaceAll('1342.23', String(1000 + i));
      if (i % 3 === 0) text = text.replace('\n保密\n', '\n本部门共有在编人员12名，内设机构4个。\n');
      if (i % 5 === 0) text = text.replaceAll('2020', '2021');
      const path = join(folder, `report-${String(i + 1).padStart(3, '0')}.txt`);
      writeFileSync(path, text);
      paths.push(path);
      texts.push(text);
    }
    const { page, done } = await newPage();
    await page.goto(session.url());
    // Note, at the moment a click is handled, how many files are done and how many still wait.
    await page.evaluate(`
      window.seen = [];
      document.addEventListener('click', () => {
        window.seen.push([
          document.querySelectorAll('.files td.ok').length,
          document.querySelectorAll('.files td.pending').length,
        ]);
      }, true);
    `);
    await page.setInputFiles('#file-input', paths);
    // The engine runs in a worker here (no note that it runs on the page).
    await expect(page.locator('.note')).toHaveCount(0);
    // Once the first results are in, click a column header: the page must answer while the rest are checked.
    await until(page, `document.querySelectorAll('.files td.ok').length > 0`);
    await page.click('button[data-key="sort-errors"]');
    await expect(page.locator('th', { has: page.locator('[data-key="sort-errors"]') })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    const [checked, waiting] = ((await page.evaluate('window.seen')) as number[][])[0]!;
    expect(checked).toBeGreaterThan(0);
    expect(waiting).toBeGreaterThan(0); // the click was handled while the worker was still busy
    expect(checked! + waiting!).toBe(500);

    await until(page, `document.querySelectorAll('.files td.ok').length === 500`, 120_000);
    await expect(page.locator('.files tbody tr')).toHaveCount(500);
    let errors = 0;
    let warnings = 0;
    for (const text of texts)
      for (const m of check(text)) {
        if (m.fatal) errors++;
        else warnings++;
      }
    await expect(page.locator('#totals')).toHaveText(
      `共 500 个文件：${errors} 个错误，${warnings} 个警告，0 个文件无法读取`,
    );
    // Sorted by errors, ascending: the first row has the fewest.
    const firstErrors = Number(await page.locator('.files tbody tr').first().locator('td').nth(1).textContent());
    const fewest = texts.reduce((min, t) => Math.min(min, check(t).filter((m) => m.fatal).length), Infinity);
    expect(firstErrors).toBe(fewest);
    await done();
  }, 180_000);

  it('passes axe-core’s accessibility checks, and works from the keyboard', async () => {
    const { page, done } = await newPage();
    await page.goto(session.url());
    await addFiles(page, [SEED, join(ROOT, 'fixtures', 'forms', 'sanitation.docx')]);
    const audit = async () => {
      // Evaluated through the DevTools protocol: a <script> tag would be refused by the page's CSP, as it should.
      await page.evaluate(axe.source);
      const result = (await page.evaluate('axe.run().then((r) => r.violations)')) as Array<{
        id: string;
        nodes: Array<{ target: string[] }>;
      }>;
      return result.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    };
    expect(await audit()).toEqual([]);

    // Keyboard only: Tab to the first file's button, Enter opens it; arrows move between the views' tabs.
    await page.locator('button[data-key^="open-"]').first().focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#tab-report')).toBeFocused();
    await expect(page.locator('#tab-report')).toHaveAttribute('aria-selected', 'true');
    await page.waitForSelector('.finding-go');
    expect(await audit()).toEqual([]);
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('#tab-files')).toBeFocused();
    await expect(page.locator('#panel-files')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('#panel-report')).toBeVisible();
    // The form's rows (the first file by name is the form), failing ones marked, in both languages.
    await page.getByRole('tab', { name: /^自评表/ }).click();
    await page.waitForSelector('table.form-indicator tr.failing');
    expect(await audit()).toEqual([]);
    await page.click('#language');
    await page.waitForSelector('table.form-indicator tr.failing');
    expect(await audit()).toEqual([]);
    await page.click('#language');

    await page.click('#settings');
    expect(await audit()).toEqual([]);
    await done();
  }, 60_000);

  it('works from a plain folder (file://), running the engine on the page when workers are refused', async () => {
    const { context, page, done } = await newPage();
    await page.goto(session.url('file'));
    await addFiles(page, [SEED]);
    await expect(page.locator('.note')).toBeVisible();
    await openFile(page, 'seed-shaodong-2020.txt');
    await expect(page.locator('.finding-go')).toHaveCount(check(seed).length);
    // The rules' docs open from the folder too: no server, no network.
    const [docs] = await Promise.all([context.waitForEvent('page'), page.locator('a.docs').first().click()]);
    await docs.waitForLoadState();
    expect(docs.url()).toBe(`file://${join(DIST, 'rules', `${check(seed)[0]!.ruleId}.html`)}`);
    await expect(docs.locator('h1')).toHaveText(check(seed)[0]!.ruleId!);
    await done();
  }, 60_000);

  it('made no request to any host but 127.0.0.1', () => {
    session.expectNoRequestAway();
    // The worker's own requests are among those recorded: the engine module it loads.
    expect(session.requested.some((url) => /\/assets\/engine-(?!inline)[^/]+\.js$/.test(url))).toBe(true);
  });
});
