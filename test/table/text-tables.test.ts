import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTextTables } from '../../src/table/text-tables.js';
import { BUDGET_10, form } from './helpers.js';

/** Each cell's offsets slice exactly its text out of the input. */
function expectExactCells(text: string, tables: ReturnType<typeof findTextTables>) {
  for (const table of tables) {
    expect(text.slice(table.start, table.end).length).toBe(table.end - table.start);
    for (const row of table.rows) {
      for (const cell of row) {
        if (cell.start === undefined) expect(cell.text).toBe('');
        else expect(text.slice(cell.start, cell.end)).toBe(cell.text);
      }
    }
  }
}

describe('findTextTables', () => {
  it('finds the tab-separated form, empty cells kept, rows at their lines', () => {
    const text = form('roads-tab.txt').toString('utf8');
    const tables = findTextTables(text);
    expect(tables.map((t) => [t.separator, t.rows.length])).toEqual([
      ['tab', 4],
      ['tab', 10],
    ]);
    const [budget, indicators] = tables;
    expect(budget!.rows[0]!.map((c) => c.text)).toEqual(['项目资金（万元）', ...BUDGET_10]);
    // The outer 绩效指标 column and the merged 一级 / 二级 cells are blank.
    expect(indicators!.rows[2]!.map((c) => c.text)).toEqual([
      '',
      '',
      '',
      '危桥改造数量',
      '≥6座',
      '5座',
      '10',
      '10',
      '1座危桥因汛期延至次年施工。',
    ]);
    // A table's source is its lines: it starts where its first line starts.
    expect(text.slice(budget!.start, budget!.start + 8)).toBe('项目资金（万元）');
    expectExactCells(text, tables);
  });

  it('finds `|`-separated rows that dropped merged cells, and GFM tables without their delimiter rows', () => {
    const pipes = findTextTables(form('health-pipe.txt').toString('utf8'));
    expect(pipes.map((t) => [t.separator, t.rows.length])).toEqual([
      ['pipe', 3],
      ['pipe', 10],
    ]);
    expect(pipes[1]!.rows[2]!.map((c) => c.text)).toEqual(['健康档案建档率', '≥90%', '92.3%', '10', '10']);
    const gfm = form('school.md').toString('utf8');
    const tables = findTextTables(gfm);
    expect(tables.map((t) => t.rows.length)).toEqual([5, 10]);
    expect(tables[1]!.rows[1]!.map((c) => c.text)).toEqual([
      '产出指标',
      '数量指标',
      '维修改造校舍面积',
      '≥',
      '18000',
      '平方米',
      '18650',
      '15',
      '15',
      '',
    ]);
    expectExactCells(gfm, tables);
  });

  it('lines space-separated rows up with their header by display column, so blank cells stay blank', () => {
    const text = form('forest-spaces.txt').toString('utf8');
    const [budget, indicators] = findTextTables(text);
    expect(budget!.rows[2]!.map((c) => c.text)).toEqual(['其中：财政资金', '350', '350', '343', '98%', '', '', '']);
    expect(indicators!.rows[2]!.map((c) => c.text)).toEqual([
      '',
      '',
      '购置扑火机具',
      '≥',
      '260',
      '台（套）',
      '260',
      '10',
      '10',
      '',
    ]);
    expect(indicators!.rows[9]!.map((c) => c.text)).toEqual(['合计', '', '', '', '', '', '', '100', '99.8', '']);
    expectExactCells(text, [budget!, indicators!]);
  });

  it('takes no prose, no numbered list and no single line for a table', () => {
    const text = [
      '一、项目基本情况',
      '项目全年预算920万元，其中当年财政拨款780万元。  主要用于新建集中供水工程12处，  改造供水管网85公里。',
      '1.  完成供水工程',
      '2.  改造供水管网',
      '（一）  项目概况',
      '指标\t分值',
      '根据区财政局关于开展2022年度绩效自评工作的通知要求，我局认真开展自评，现将有关情况报告如下：',
      '项目负责人：刘某    财务负责人：王某',
    ].join('\n');
    expect(findTextTables(text)).toEqual([]);
  });

  it('never throws, slices every cell exactly, and claims no line of ordinary prose (random input)', () => {
    const words = ['项目', '资金', '完成', '万元', '12处', '95%', '1.', '（一）', '一、', '指标', '分值', '≥', '得分'];
    const piece = fc.oneof(
      fc.mapToConstant({ num: words.length, build: (i) => words[i]! }),
      fc.constantFrom(' ', '  ', '\t', '|', '｜', '\u3000\u3000', '\n', '\r\n', '，', '。', '；'),
      fc.string({ maxLength: 3 }),
    );
    const input = fc.array(piece, { maxLength: 120 }).map((a) => a.join(''));
    fc.assert(
      fc.property(input, (text) => {
        const tables = findTextTables(text);
        expectExactCells(text, tables);
        for (const table of tables) {
          expect(table.start).toBeGreaterThanOrEqual(0);
          expect(table.end).toBeLessThanOrEqual(text.length);
          expect(table.rows.length).toBeGreaterThanOrEqual(2);
        }
      }),
      { numRuns: 500 },
    );
    // Prose: sentences of words and punctuation, single spaces at most, no separators.
    const sentence = fc
      .array(
        fc.constantFrom('项目', '资金', '全年预算920万元', '完成供水工程12处', '水质合格率96.8%', '我局', '认真'),
        {
          minLength: 2,
          maxLength: 12,
        },
      )
      .chain((ws) => fc.constantFrom('，', '、', ' ').map((sep) => ws.join(sep) + '。'));
    // Lines of one or more sentences; some writers put two spaces between sentences.
    const line = fc
      .array(sentence, { minLength: 1, maxLength: 4 })
      .chain((ss) => fc.constantFrom('', '  ').map((gap) => ss.join(gap)));
    const prose = fc.array(line, { minLength: 1, maxLength: 6 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(prose, (text) => {
        expect(findTextTables(text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a table’s grid linear in its cells: one row of 2,000 cells is no table with 2,000 rows of two', () => {
    // As one table, records and Markdown wrote every row out to the widest: 4 million slots (quadratic).
    const text = '指标\t'.repeat(2000) + '\n' + '产出\t10\n'.repeat(2000);
    const tables = findTextTables(text);
    expect(tables.map((t) => t.rows.length)).toEqual([2000]);
    for (const table of tables) {
      const cells = table.rows.reduce((n, row) => n + row.length, 0);
      const width = table.rows.reduce((w, row) => Math.max(w, row.length), 0);
      expect(table.rows.length * width).toBeLessThanOrEqual(8 * cells + 16 * table.rows.length);
    }
    expectExactCells(text, tables);
  });
});
