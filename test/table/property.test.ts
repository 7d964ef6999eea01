import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, extract, indicators, parse, type Report } from '../../src/index.js';
import { fromMarkdown, toMarkdown } from '../../src/markdown.js';
import { expectValidTree } from '../helpers/invariants.js';
import { BUDGET_10, HEAD_10, HEAD_CQ, HEAD_SC, TABLE_RULES } from './helpers.js';

interface AnyNode {
  type: string;
  value?: unknown;
  children?: AnyNode[];
  position: { start: { offset: number }; end: { offset: number } };
}

/** Every table node of a tree, in document order. */
function tablesOf(tree: Report): AnyNode[] {
  const out: AnyNode[] = [];
  const walk = (node: AnyNode) => {
    if (node.type === 'table') out.push(node);
    else node.children?.forEach(walk);
  };
  walk(tree as unknown as AnyNode);
  return out;
}

const leafValues = (node: AnyNode): string =>
  node.children ? node.children.map(leafValues).join('') : typeof node.value === 'string' ? node.value : '';

/**
 * Table nodes stand exactly where their source is: rows inside their table and cells inside
 * their row, in order; a cell's leaves lie inside the cell (no figure crosses a cell boundary)
 * and its text, white space aside, is its leaves'.
 */
function expectExactTables(input: string, tree: Report): void {
  for (const table of tablesOf(tree)) {
    const t = table.position;
    let rowAt = t.start.offset;
    for (const row of table.children!) {
      expect(row.type).toBe('tableRow');
      expect(row.position.start.offset).toBeGreaterThanOrEqual(rowAt);
      expect(row.position.end.offset).toBeLessThanOrEqual(t.end.offset);
      rowAt = row.position.end.offset;
      let cellAt = row.position.start.offset;
      for (const cell of row.children!) {
        expect(cell.type).toBe('tableCell');
        const { start, end } = cell.position;
        expect(start.offset).toBeGreaterThanOrEqual(cellAt);
        expect(end.offset).toBeLessThanOrEqual(row.position.end.offset);
        cellAt = end.offset;
        const walk = (node: AnyNode) => {
          expect(node.position.start.offset).toBeGreaterThanOrEqual(start.offset);
          expect(node.position.end.offset).toBeLessThanOrEqual(end.offset);
          node.children?.forEach(walk);
        };
        cell.children!.forEach(walk);
        expect(leafValues(cell).replace(/\s/g, '')).toBe(input.slice(start.offset, end.offset).replace(/\s/g, ''));
      }
    }
  }
}

/** The tables of a tree as the text of their cells, white space aside, trailing blanks dropped (GFM pads rows). */
const cellTexts = (tree: Report) =>
  tablesOf(tree).map((t) =>
    t.children!.map((r) => {
      // Markdown leaves hold their source: a `|` in a cell is written `\|`.
      const cells = r.children!.map((c) =>
        leafValues(c)
          .replace(/\s/g, '')
          .replace(/\\([!-/:-@[-`{-~])/g, '$1'),
      );
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      return cells;
    }),
  );

/** What form cells hold: labels, values with comparators and units, weights, scores, blanks, reasons. */
const CELL = fc.constantFrom(
  '',
  '',
  '产出指标',
  '效益指标',
  '满意度指标',
  '数量指标',
  '质量指标',
  '时效指标',
  '成本指标',
  '社会效益指标',
  '服务对象满意度指标',
  '新建机耕道路',
  '危桥改造数量',
  '≥40公里',
  '36公里',
  '≥95%',
  '96.5%',
  '100%',
  '≤0.65万元',
  '0.58万元',
  '≥18000',
  '平方米',
  '18650',
  '明显改善',
  '基本完成',
  '10',
  '15',
  '9.5',
  '100',
  '1、因汛期延后施工。',
  '年度资金总额',
  '其中：当年财政拨款',
  '1250.00',
  '877.00',
  '92.08%',
  '—',
  '/',
  '总分',
  '合计',
  '2020年9月7日',
  '1342.23万元',
  '20余万元',
  '2名',
  '1.',
  '一、',
  '（一）',
  '姓名',
  '职务',
  '张三',
  '科长',
  '-',
  ':--',
  '---',
  '\u3000',
  'a',
);

/** Official header rows (templates.md §4) and a staff table that is no form. */
const HEADER = fc.constantFrom(
  HEAD_10,
  ['绩效指标', ...HEAD_10],
  ['项目资金（万元）', ...BUDGET_10],
  HEAD_SC,
  HEAD_CQ,
  ['年度预算数（万元）', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', '原因'],
  ['序号', '姓名', '职务', '联系电话'],
);

const SEPARATOR = fc.constantFrom('\t', '|', ' | ', '｜', '  ', '    ', '\u3000\u3000', ' \t ');
const EOL = fc.constantFrom('\n', '\r\n', '\n\n', '\r');
const PROSE = fc.constantFrom(
  '一、基本情况',
  '二、绩效自评结果',
  '项目自评得分99.2分，等级为优。',
  '全年支出520万元，预算执行率95%。',
  '（一）主要职能',
  '1、组织实施全区统计调查，收集数据。',
  '保密',
  '',
);

interface Table {
  header: readonly string[];
  rows: string[][];
  separator: string;
  outer: boolean;
}

const table: fc.Arbitrary<Table> = fc
  .tuple(HEADER, SEPARATOR, fc.boolean(), fc.array(fc.array(CELL, { maxLength: 12 }), { maxLength: 8 }))
  .map(([header, separator, outer, rows]) => ({ header, rows, separator, outer }));

function writeTable({ header, rows, separator, outer }: Table, eol: string): string {
  const line = (cells: readonly string[]) => {
    const body = cells.join(separator);
    return outer ? `|${body}|` : body;
  };
  return [line(header), ...rows.map(line)].join(eol);
}

/** Plain text with tables in it: prose lines, tables, a BOM, any line ending. */
const tableText = fc
  .tuple(
    fc.boolean(),
    EOL,
    fc.array(
      fc.oneof(
        PROSE.map((p) => ({ prose: p })),
        table.map((t) => ({ table: t })),
      ),
      {
        minLength: 1,
        maxLength: 5,
      },
    ),
  )
  .map(([bom, eol, parts]) => {
    const body = parts.map((p) => ('prose' in p ? p.prose : writeTable(p.table, eol))).join(eol);
    return (bom ? '\uFEFF' : '') + body + eol;
  });

/** A form flattened into one line: header words and cells run together, with or without spaces. */
const flattened = fc
  .tuple(
    fc.constantFrom('', '项目支出绩效自评表（2023年度）项目名称某项目'),
    fc.array(table, { minLength: 1, maxLength: 2 }),
    fc.constantFrom('', ' ', '\u3000'),
  )
  .map(([lead, tables, glue]) =>
    [lead, ...tables.map((t) => [t.header.join(glue), ...t.rows.map((r) => r.join(glue))].join(glue))].join(''),
  );

function expectAllOk(input: string, tree: Report): void {
  expectValidTree(input, tree, { checkColumns: false });
  expectExactTables(input, tree);
  expect(() => extract(tree)).not.toThrow();
  expect(() => indicators(tree)).not.toThrow();
  expect(() => check(tree)).not.toThrow();
}

describe('parse on text with tables', () => {
  it('gives a valid tree whose table nodes stand exactly where their cells are (delimited lines)', () => {
    fc.assert(
      fc.property(tableText, (input) => expectAllOk(input, parse(input))),
      { numRuns: 400 },
    );
  });

  it('gives a valid tree on forms flattened into one line', () => {
    fc.assert(
      fc.property(flattened, (input) => expectAllOk(input, parse(input))),
      { numRuns: 300 },
    );
  });

  it('writes Markdown that reads back to the same tables, and settles', () => {
    fc.assert(
      fc.property(fc.oneof(tableText, flattened), (input) => {
        const tree = parse(input);
        const markdown = toMarkdown(tree);
        const again = fromMarkdown(markdown);
        expectValidTree(markdown, again, { markdown: true, checkColumns: false });
        expect(cellTexts(again)).toEqual(cellTexts(tree));
        // Prose may read differently once (a list item `1.　15` written `- 1.15`); from then on a fixed point.
        const second = toMarkdown(again);
        const third = fromMarkdown(second);
        expect(cellTexts(third)).toEqual(cellTexts(tree));
        expect(toMarkdown(third)).toBe(second);
      }),
      { numRuns: 300 },
    );
  });
});

describe('cases the properties found', () => {
  const H10 = HEAD_10.join('\t');

  it('reads no row of a header whose columns stand in another order than the row reader reads them', () => {
    // The Chongqing header puts 计量单位 before 指标性质: its cells came out of order, leaves overlapped.
    for (const input of [
      `${HEAD_CQ.join('')}≥95%877.00${HEAD_10.join('')}`,
      `${HEAD_CQ.join('\u3000\u3000')}\n≤0.65万元\u3000\u30001250.00\n${H10}\n`,
    ]) {
      expectAllOk(input, parse(input));
    }
  });

  it('takes a row of dashes for a delimiter row only under a table’s first row', () => {
    // `| -- |` (two dashes, as toMarkdown writes a narrow column) is a delimiter row; `-` in a later row is a cell.
    const markdown = '| 分值 | 得分 |\n| -- | -- |\n| 10 | - |\n| -- | -- |\n';
    const tree = parse(markdown);
    expectAllOk(markdown, tree);
    expect(cellTexts(tree)).toEqual([
      [
        ['分值', '得分'],
        ['10', '-'],
        ['--', '--'],
      ],
    ]);
  });

  it('keeps a pipe escaped as `\\|` in its cell', () => {
    const markdown = '| 指标 | 说明 |\n| --- | --- |\n| 甲 | a\\|b |\n';
    expect(cellTexts(parse(markdown))).toEqual([
      [
        ['指标', '说明'],
        ['甲', 'a|b'],
      ],
    ]);
  });

  it('reads no weight and score out of a percent or a year, nor a row out of prose after a header', () => {
    for (const input of [`|${H10}|\n全年支出520万元，预算执行率95%。\n`, `|${H10}|\n|2020年9月7日|\n一、基本情况\n`]) {
      const tree = parse(input);
      expectAllOk(input, tree);
      expect(tablesOf(tree)).toEqual([]);
    }
  });

  it('ends a flattened header at a word, not inside one, nor before a column it lacks', () => {
    // `偏差原因分析` + a row named `及改进措施`, or a header without its reason column + a row named after it.
    for (const input of [
      `${H10}\n\n9.5\t服务对象满意度指标\t10\t36公里\t≥18000\n\n${H10}\n`,
      `${HEAD_10.join('\u3000')}\u30001250.00\u3000平方米\u300018650\u3000平方米`,
    ]) {
      const tree = parse(input);
      expectAllOk(input, tree);
      const names = tablesOf(tree).flatMap((t) => t.children!.slice(1).map((r) => leafValues(r)));
      expect(names.join()).not.toMatch(/及改进措施|偏差原因/);
    }
  });

  it('reads no weight and score out of an amount, nor a score over half as much again as its weight', () => {
    for (const input of [
      `${HEAD_10.join('\t')}\n\n其中：当年财政拨款\t≤0.65万元\t-\t明显改善\t20余万元\n`,
      `绩效指标${HEAD_10.join('')}平方米877.00平方米1250.002名1、因汛期延后施工。`,
    ]) {
      const tree = parse(input);
      expectAllOk(input, tree);
      expect(tablesOf(tree)).toEqual([]);
    }
  });

  it('splits a row that opens with a pipe at its pipes, though a cell holds a tab', () => {
    const input = '| 指标 | 说明 |\n| --- | --- |\n| 甲 | a\tb |\n';
    expect(cellTexts(parse(input))).toEqual([
      [
        ['指标', '说明'],
        ['甲', 'ab'],
      ],
    ]);
  });

  it('reads a flattened row whose two qualitative values end alike (`明显改善基本改善`)', () => {
    const input = `${HEAD_10.join('')}产出指标数量指标道路通行条件明显改善基本改善109受汛期影响。总分10099`;
    const tree = parse(input);
    expectAllOk(input, tree);
    expect(indicators(tree).map((r) => [r.name, r.target, r.actual, r.weight, r.score])).toEqual([
      ['道路通行条件', '明显改善', '基本改善', 10, 9],
    ]);
  });

  it('makes no title of a table’s first row', () => {
    const input = '| 绩效指标 | 一级指标 |\n| --- | --- |\n| 产出 | 数量 |\n';
    const tree = parse(input);
    expectAllOk(input, tree);
    expect(tree.children.map((c) => c.type)).toEqual(['table']);
  });
});

describe('parse with a reader’s tables', () => {
  const text = '指标\t分值\n产出\t10\n';
  const cell = (start: number, end: number, spans: Partial<{ rowSpan: number; colSpan: number }> = {}) => ({
    start,
    end,
    rowSpan: 1,
    colSpan: 1,
    ...spans,
  });
  const layout = (first = cell(0, 2), more: object = {}) => ({
    source: 'docx' as const,
    start: 0,
    end: 11,
    rows: [
      { start: 0, end: 5, cells: [first, cell(3, 5)] },
      { start: 6, end: 11, cells: [cell(6, 8), cell(9, 11)] },
    ],
    ...more,
  });

  it('reads a valid layout', () => {
    const tree = parse(text, { tables: [layout()] });
    expectAllOk(text, tree);
    expect(cellTexts(tree)).toEqual([
      [
        ['指标', '分值'],
        ['产出', '10'],
      ],
    ]);
  });

  it('refuses a bad layout with a JixiaoError naming the option, before any work, however large its spans', () => {
    const bad: Array<[unknown, RegExp]> = [
      [[layout(cell(0, 2, { rowSpan: 1e9 }))], /rowSpan within the 2 rows, got \[1000000000,1\]/],
      [[layout(cell(0, 2, { colSpan: 1e9 }))], /span 1000000001 columns over 2 rows/],
      [[layout(cell(0, 2, { colSpan: 2.5 }))], /rowSpan and colSpan of 1 or more/],
      [[layout(cell(0, 2, { colSpan: Infinity }))], /rowSpan and colSpan of 1 or more/],
      [[layout(undefined, { start: 0.5 })], /expected \{ source, start, end, rows \}/],
      [[layout(), layout()], /table 1 starts at 0, inside or before the table before it/],
      [[layout(cell(0, 7))], /row 0, cell 0: expected start ≤ end within the row/],
      [[layout(cell(3, 5))], /row 0, cell 1: expected start ≤ end within the row, after the cell before/],
      [[layout(undefined, { rows: [layout().rows[1], layout().rows[0]] })], /row 1: expected start ≤ end/],
      [[layout(undefined, { align: 'left' })], /expected page ≥ 1 and align/],
      [[layout(undefined, { page: 0 })], /got \[0,null\]/],
      // A hole in the array is no table skipped.
      // eslint-disable-next-line no-sparse-arrays
      [[, layout()], /table 0: expected/],
      [[layout(undefined, { end: 999 })], /past the end of the text/],
    ];
    for (const [tables, message] of bad) {
      for (const run of [() => parse(text, { tables } as never), () => check(text, { tables } as never)]) {
        let error: unknown;
        try {
          run();
        } catch (e) {
          error = e;
        }
        expect(error, String(message)).toMatchObject({ name: 'JixiaoError', code: 'options', key: 'tables' });
        expect((error as Error).message).toMatch(message);
      }
    }
  });
});

interface CleanIndicator {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  weight: number;
  /** In tenths of a point. */
  score: number;
  reason: string;
}

const LEVELS: ReadonlyArray<[string, string]> = [
  ['产出指标', '数量指标'],
  ['产出指标', '质量指标'],
  ['产出指标', '时效指标'],
  ['产出指标', '成本指标'],
  ['效益指标', '社会效益指标'],
  ['效益指标', '可持续影响指标'],
  ['满意度指标', '服务对象满意度指标'],
];
const NAMES = [
  '新建机耕道路',
  '危桥改造数量',
  '养护农村公路里程',
  '培训人次',
  '设备购置数量',
  '群众满意度',
  '验收合格率',
];
const UNITS = ['公里', '座', '人次', '台', '%', '万元', '亩'];

/** One indicator row of a clean form: its target met with the full weight, or missed (or scored down) with a reason. */
const oneOf = <T>(list: readonly T[]) => fc.integer({ min: 0, max: list.length - 1 }).map((i) => list[i]!);
const cleanIndicator = fc
  .record({
    levels: oneOf(LEVELS),
    name: oneOf(NAMES),
    unit: oneOf(UNITS),
    kind: fc.constantFrom('≥', '≤', '定性'),
    target: fc.integer({ min: 2, max: 5000 }),
    decimals: fc.integer({ min: 0, max: 2 }),
    exact: fc.boolean(),
    met: fc.boolean(),
    down: fc.integer({ min: 0, max: 999 }),
  })
  .map((seed) => (weight: number): CleanIndicator => {
    const { levels, name, unit, kind, target, decimals, exact, met } = seed;
    // Points lost, in tenths: 1 to all but a tenth of the weight.
    const down = 1 + (seed.down % (weight * 10 - 1));
    let targetText: string;
    let actualText: string;
    if (kind === '定性') {
      targetText = '明显改善';
      actualText = met ? '明显改善' : '基本改善';
    } else {
      // Met exactly (`≤38万元` and 38万元) or with room; values with up to two decimals (`≤0.65万元`).
      const step = met && exact ? 0 : 1;
      const actual = kind === '≥' ? (met ? target + step : target - 1) : met ? target - step : target + 1;
      const shown = (n: number) => (n / 10 ** decimals).toFixed(decimals);
      targetText = `${kind}${shown(target)}${unit}`;
      actualText = `${shown(actual)}${unit}`;
    }
    // A missed target, or a score below the weight, has its reason; a met one may still lose points.
    const full = kind !== '定性' && met && down % 2 === 0;
    const score = full ? weight * 10 : down;
    const reason = score < weight * 10 ? '受汛期影响，部分任务延后，下一步加强调度。' : '';
    return {
      level1: levels[0],
      level2: levels[1],
      name,
      target: targetText,
      actual: actualText,
      weight,
      score,
      reason,
    };
  });

/** Weights of `count` indicators adding up to 90 (the budget execution row holds the other 10). */
const weights = fc.integer({ min: 3, max: 8 }).chain((count) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 89 }), { minLength: count - 1, maxLength: count - 1 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 90];
    return points.slice(1).map((p, k) => p - points[k]!);
  }),
);

/** A whole clean form: budget rows whose rates match their amounts, indicators, a total that adds up. */
const cleanForm = fc
  .record({
    weights,
    adjusted: fc.integer({ min: 10_000, max: 5_000_000 }),
    share: fc.integer({ min: 500, max: 1000 }),
    budgetScore: fc.integer({ min: 50, max: 100 }),
    separator: fc.constantFrom('\t', ' | ', '｜', 'gfm'),
    eol: fc.constantFrom('\n', '\r\n'),
    rateDecimals: fc.constantFrom(1, 2),
    prose: fc.boolean(),
  })
  .chain(({ weights: list, ...rest }) =>
    fc
      .array(cleanIndicator, { minLength: list.length, maxLength: list.length })
      .map((rows) => ({ ...rest, indicators: rows.map((row, k) => row(list[k]!)) })),
  )
  .map(({ indicators, adjusted, share, budgetScore, separator, eol, rateDecimals, prose }) => {
    // Amounts in 万元 with two decimals; the rate is executed ÷ adjusted, rounded as written.
    const executed = Math.round((adjusted * share) / 1000);
    const money = (cents: number) => (cents / 100).toFixed(2);
    const rate = `${((executed / adjusted) * 100).toFixed(rateDecimals)}%`;
    const tenths = (n: number) => String(n / 10);
    const total = budgetScore + indicators.reduce((sum, i) => sum + i.score, 0);
    const rows: string[][] = [
      ['项目资金（万元）', ...BUDGET_10],
      ['年度资金总额', money(adjusted), money(adjusted), money(executed), '10', rate, tenths(budgetScore)],
      [],
      HEAD_10 as string[],
      ...indicators.map((i) => [
        i.level1,
        i.level2,
        i.name,
        i.target,
        i.actual,
        String(i.weight),
        tenths(i.score),
        i.reason,
      ]),
      ['总分', '', '', '', '', '100', tenths(total), ''],
    ];
    const line = (cells: string[]) =>
      separator === 'gfm' ? `| ${cells.join(' | ')} |` : cells.join(separator).replace(/\s+$/, '');
    const table = (part: string[][]) =>
      separator === 'gfm'
        ? [line(part[0]!), `|${' --- |'.repeat(part[0]!.length)}`, ...part.slice(1).map(line)].join(eol)
        : part.map(line).join(eol);
    const budgetEnd = rows.indexOf(rows.find((r) => r.length === 0)!);
    const text = [
      separator === 'gfm' ? '# 某项目2023年度项目支出绩效自评报告' : '某项目2023年度项目支出绩效自评报告',
      '',
      separator === 'gfm' ? '## 一、自评结论' : '一、自评结论',
      prose ? `经自评，项目自评得分${tenths(total)}分。` : '经自评，项目完成了年度目标。',
      '',
      table(rows.slice(0, budgetEnd)),
      '',
      table(rows.slice(budgetEnd + 1)),
      '',
    ].join(eol);
    return { text, markdown: separator === 'gfm', count: indicators.length };
  });

describe('form rules on clean forms', () => {
  it('find nothing on a form whose weights add up, scores fit, reasons are given and rates match', () => {
    fc.assert(
      fc.property(cleanForm, ({ text, markdown, count }) => {
        const tree = markdown ? fromMarkdown(text) : parse(text);
        // The form is read: every indicator, the budget row and the total.
        const records = extract(tree);
        expect(indicators(tree)).toHaveLength(count);
        expect(records.filter((r) => r.kind === 'budget')).toHaveLength(1);
        expect(records.filter((r) => r.kind === 'total')).toHaveLength(1);
        const findings = check(tree).filter((m) => TABLE_RULES.has(m.ruleId!));
        expect(findings.map((m) => `${m.ruleId}: ${m.reason}`)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('read no records and find nothing in a table that is no form (a staff list)', () => {
    const staff = fc
      .tuple(
        fc.constantFrom('\t', '|', ' | ', '｜', '  '),
        fc.array(
          fc.tuple(fc.constantFrom('张三', '李四', '王五'), fc.constantFrom('科长', '副局长', '干部'), fc.nat(99)),
          { minLength: 1, maxLength: 6 },
        ),
      )
      .map(([separator, people]) =>
        [
          '一、人员情况',
          ['姓名', '职务', '年龄'].join(separator),
          ...people.map(([name, role, age]) => [name, role, `${age}岁`].join(separator)),
          '',
        ].join('\n'),
      );
    fc.assert(
      fc.property(staff, (text) => {
        const tree = parse(text);
        expect(tablesOf(tree)).toHaveLength(1);
        expect(indicators(tree)).toEqual([]);
        expect(check(tree).filter((m) => TABLE_RULES.has(m.ruleId!))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
