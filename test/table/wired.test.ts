/**
 * Self-evaluation forms wired through everything (issue 11, phase 2): the readers' tables,
 * table nodes in the tree, records from the tree, the rules, Markdown, the CLI. Each form of
 * fixtures/forms is read as a user reads it and held to its gold file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  check,
  extract,
  indicators,
  parse,
  rules,
  type IndicatorRecord,
  type Report,
  type TableNode,
} from '../../src/index.js';
import { fromMarkdown, toMarkdown } from '../../src/markdown.js';
import { readBytes } from '../../src/read/index.js';
import { jixiao } from '../helpers/cli.js';
import { expectValidTree } from '../helpers/invariants.js';
import { FORMS, TABLE_RULES } from './helpers.js';
import { parseAs } from '../helpers/fixtures.js';

interface Gold {
  id: string;
  indicators: Array<Partial<IndicatorRecord>>;
  budget: Array<{ item: string; initial: number; adjusted: number; executed: number; rate: number | null }>;
  total: { weight: number | null; score: number };
  findings: string[];
}

const cases = readdirSync(FORMS)
  // A form is a .docx, .pdf, .md or .txt with its gold beside it (headings.json is data for the forms' maker).
  .filter((f) => /\.(?:docx|pdf|md|txt)$/.test(f))
  .sort()
  .map((file) => {
    const id = file.replace(/\.[^.]+$/, '');
    return { file, gold: JSON.parse(readFileSync(join(FORMS, `${id}.gold.json`), 'utf8')) as Gold };
  });

/** A form read as the CLI reads it: bytes → text and tables → tree. */
async function read(file: string): Promise<{ text: string; tree: Report }> {
  const result = await readBytes(new Uint8Array(readFileSync(join(FORMS, file))), file);
  if (!result.ok) throw new Error(result.reason);
  const tree = parseAs(result.format, result.text, result.tables ? { tables: result.tables } : {});
  return { text: result.text, tree };
}

const norm = (s: unknown) => String(s ?? '').replace(/\s+/g, '');

describe('the bundled forms, read from every format', () => {
  for (const { file, gold } of cases) {
    it(`${file}: a valid tree, every indicator, budget row and total of its gold, and its findings only`, async () => {
      const { text, tree } = await read(file);
      expectValidTree(text, tree, { markdown: file.endsWith('.md') });
      const got = indicators(tree);
      expect(got).toHaveLength(gold.indicators.length);
      gold.indicators.forEach((g, i) => {
        const r = got[i]!;
        for (const key of ['level1', 'level2', 'name', 'target', 'actual'] as const)
          expect(norm(r[key]), key).toBe(norm(g[key]));
        expect([r.weight, r.score]).toEqual([g.weight, g.score]);
        if ('achieved' in g) expect(r.achieved, r.name).toBe(g.achieved);
        // Where the row stands: its offsets, line and column point into the text.
        expect(r.start).not.toBeNull();
        expect(text.slice(r.start!, r.end!)).toContain(text.slice(r.start!, r.start! + 1));
        expect(r.line).toBeGreaterThan(0);
      });
      const records = extract(tree);
      const budget = records.filter((r) => r.kind === 'budget');
      expect(budget.map((b) => [b.initial, b.adjusted, b.executed])).toEqual(
        gold.budget.map((b) => [b.initial, b.adjusted, b.executed]),
      );
      const total = records.find((r) => r.kind === 'total');
      expect(total && [total.weight, total.score]).toEqual([gold.total.weight, gold.total.score]);
      const found = check(tree)
        .filter((m) => TABLE_RULES.has(m.ruleId!))
        .map((m) => `${m.ruleId}@${m.reason}`);
      // Every expected finding, with its anchor in the message, and nothing else from the form rules.
      expect(found).toHaveLength(gold.findings.length);
      for (const expected of gold.findings) {
        const [rule, anchor] = expected.split('@') as [string, string];
        expect(
          found.some((f) => f.startsWith(`${rule}@`) && f.includes(anchor)),
          expected,
        ).toBe(true);
      }
    });
  }

  it('gives no finding of any form rule on a clean form', async () => {
    const clean = cases.filter((c) => c.gold.findings.length === 0);
    expect(clean.length).toBeGreaterThanOrEqual(4);
    for (const { file } of clean) {
      const { tree } = await read(file);
      expect(check(tree).filter((m) => TABLE_RULES.has(m.ruleId!))).toEqual([]);
    }
  });
});

describe('table nodes', () => {
  const form =
    '说明：\n一级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t新建道路\t≥40公里\t36公里\t10\t8\n';

  it('a tab-separated form is a table whose cells hold their figures, and no heading', () => {
    const tree = parse(form);
    expectValidTree(form, tree);
    const table = tree.children.find((n): n is TableNode => n.type === 'table')!;
    expect(table.source).toBe('tab');
    const cells = table.children[1]!.children;
    expect(cells.map((c) => form.slice(c.position.start.offset, c.position.end.offset))).toEqual([
      '产出指标',
      '新建道路',
      '≥40公里',
      '36公里',
      '10',
      '8',
    ]);
    expect(cells[3]!.children[0]).toMatchObject({ type: 'measure', amount: 36, unit: '公里' });
  });

  it('a flattened form: no figure across a cell boundary, no heading from a cell that starts with 1、', () => {
    const text = readFileSync(join(FORMS, 'agri-flat.txt'), 'utf8');
    const tree = parse(text);
    expectValidTree(text, tree);
    const values = extract(tree).flatMap((r) => (r.text === undefined ? [] : [r.text]));
    expect(values).not.toContain('20100%');
    expect(values.some((v) => /^\d{5,}/.test(v) && v.endsWith('%'))).toBe(false);
    const json = JSON.stringify(tree);
    expect(json).not.toContain('"raw":"1、"');
    expect(tree.children.flatMap((n) => (n.type === 'section' ? n.children : [])).some((n) => n.type === 'table')).toBe(
      true,
    );
  });

  it('a pipe table keeps its separators out of the leaves, and stops at a heading alone in a row', () => {
    const text = '一、情况 | | |\n指标 | 分值 | 得分\n产出 | 50 | 48\n二、其他 | | |\n正文。\n';
    const tree = parse(text);
    expectValidTree(text, tree);
    expect(tree.children.filter((n) => n.type === 'section')).toHaveLength(2);
  });

  it('a GFM table in Markdown, written back as a GFM table and read again the same', () => {
    const md =
      '# 某项目绩效自评报告\n\n## 一、自评表\n\n| 三级指标 | 分值 | 得分 |\n| --- | --: | --: |\n| 道路 | 10 | 8 |\n';
    const tree = fromMarkdown(md);
    expectValidTree(md, tree, { markdown: true });
    const table = JSON.stringify(tree).includes('"type":"table"');
    expect(table).toBe(true);
    const out = toMarkdown(tree);
    expect(out).toContain('| 三级指标 | 分值 | 得分 |');
    const again = fromMarkdown(out);
    expect(indicators(again).map((r) => [r.name, r.weight, r.score])).toEqual([['道路', 10, 8]]);
  });

  it('merged cells of a Word form keep their spans, and Markdown writes the covered slots empty', async () => {
    const { tree } = await read('water.docx');
    const spans = JSON.stringify(tree).match(/"rowSpan":\d+/g) ?? [];
    expect(spans.length).toBeGreaterThan(0);
    const md = toMarkdown(tree);
    expect(md).toMatch(/\| +\|/);
  });

  it('rejects tables that do not fit the text, saying how to fix it', () => {
    expect(() => parse('abc', { tables: [{ source: 'docx', start: 0, end: 9, rows: [] }] })).toThrow(
      /option "tables": table 0 ends at 9, past the end of the text/,
    );
    expect(() => parse('abc', { tables: 'x' as never })).toThrow(/option "tables": expected an array/);
  });
});

describe('the CLI', () => {
  it('extract --format jsonl writes one record per line, indicators and budget rows and totals among them', () => {
    const run = jixiao(['extract', join(FORMS, 'roads-tab.txt'), '--format', 'jsonl']);
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => l.kind === 'indicator')).toHaveLength(8);
    expect(lines.filter((l) => l.kind === 'budget')).toHaveLength(3);
    expect(lines.find((l) => l.kind === 'total')).toMatchObject({ weight: 100, score: 99.2 });
  });

  it('extract --format csv has one stable header: the figures’ columns, then the forms’', () => {
    const run = jixiao(['extract', join(FORMS, 'roads-tab.txt'), '--format', 'csv']);
    const [header, ...rows] = run.stdout
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(header!.split(',').slice(0, 4)).toEqual(['file', 'kind', 'text', 'start']);
    expect(header).toContain(',direction,flags,table,row,level1,level2,name,target,');
    expect(rows.some((r) => r.includes(',indicator,') && r.includes('危桥改造数量'))).toBe(true);
  });

  it('check covers the forms of the fixtures', () => {
    const run = jixiao(['check', join(FORMS, 'roads-tab.txt'), '--format', 'json']);
    const ids = (JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string }> }>).flatMap((f) =>
      f.messages.map((m) => m.ruleId),
    );
    expect(ids).toContain('budget-rate-mismatch');
    expect(ids).toContain('missed-target-full-score');
  });
});

it('every form rule is in recommended', () => {
  for (const id of TABLE_RULES) expect(rules.some((r) => r.id === id)).toBe(true);
});

describe('records are the caller’s own', () => {
  it('changing what indicators() or extract() gave changes neither a later call nor the rules', () => {
    const tree = parse(readFileSync(join(FORMS, 'roads-tab.txt'), 'utf8'));
    const first = indicators(tree);
    first[1]!.score = 0;
    first[1]!.achieved = true;
    for (const r of extract(tree)) if (r.kind === 'total') r.score = 1;
    expect(indicators(tree)[1]).toMatchObject({ name: '危桥改造数量', score: 10, achieved: false });
    expect(extract(tree).find((r) => r.kind === 'total')).toMatchObject({ score: 99.2 });
    expect(check(tree).map((m) => m.ruleId)).toContain('missed-target-full-score');
  });
});
