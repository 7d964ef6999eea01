import { describe, expect, it } from 'vitest';
import { docxTableGrid, type MammothElement } from '../../src/read/docx-table.js';
import { closeUp, expandGrid, joinLines } from '../../src/read/grid.js';
import { docxTables, form } from './helpers.js';

describe('docxTableGrid', () => {
  it('keeps the merged cells of a Word form: vertical merges as rowSpan, horizontal as colSpan', async () => {
    const [table] = await docxTables(form('water.docx'));
    const grid = docxTableGrid(table!);
    const show = grid.rows.map((r) => r.map((c) => `${c.text}/${c.rowSpan}x${c.colSpan}`));
    expect(show[2]!.slice(0, 3)).toEqual(['项目资金（万元）/5x1', '/1x2', '年初预算数/1x1']);
    expect(show[10]!.slice(0, 3)).toEqual(['产出指标/5x1', '数量指标/2x1', '新建集中供水工程/1x1']);
    expect(show[11]!.slice(0, 1)).toEqual(['改造供水管网长度/1x1']);
    expect(show.at(-1)).toEqual(['总分/1x6', '100/1x1', '99.5/1x1', '/1x1']);
    // Spans written out: the row under 新建集中供水工程 has its 一级 and 二级 from above.
    const slots = expandGrid(grid);
    expect(slots[11]!.slice(0, 4).map((s) => s?.cell.text)).toEqual([
      '绩效指标',
      '产出指标',
      '数量指标',
      '改造供水管网长度',
    ]);
  });

  it('joins a cell’s paragraphs and line breaks with no space between CJK text', () => {
    const p = (...children: MammothElement[]): MammothElement => ({ type: 'paragraph', children });
    const t = (value: string): MammothElement => ({ type: 'run', children: [{ type: 'text', value }] });
    const cell = (...children: MammothElement[]): MammothElement => ({
      type: 'tableCell',
      colSpan: 1,
      rowSpan: 1,
      children,
    });
    const grid = docxTableGrid({
      type: 'table',
      children: [
        {
          type: 'tableRow',
          children: [
            cell(p(t('偏差原因分析')), p(t('及改进措施'))),
            cell(p(t('更换LED')), p(t('lamps'))),
            cell(p(t('2022年'), { type: 'break', breakType: 'line' }, t('7月'))),
          ],
        },
      ],
    });
    expect(grid.rows[0]!.map((c) => c.text)).toEqual(['偏差原因分析及改进措施', '更换LED lamps', '2022年7月']);
  });
});

describe('cell text', () => {
  it('joinLines: CJK runs on, a number broken by a narrow column joins up, two words keep a space', () => {
    expect(joinLines(['年度指标', '值'])).toBe('年度指标值');
    expect(joinLines(['640.0', '0'])).toBe('640.00');
    expect(joinLines(['LED', 'lamps'])).toBe('LED lamps');
    expect(joinLines(['  ', '合格率', ''])).toBe('合格率');
  });

  it('closeUp: removes the spaces a PDF puts inside figures and words, keeps those between ASCII words', () => {
    expect(closeUp('2022 年7 月')).toBe('2022年7月');
    expect(closeUp('项目全年预算 260 万元')).toBe('项目全年预算260万元');
    expect(closeUp('自 评')).toBe('自评');
    expect(closeUp('≥ 90 %')).toBe('≥90%');
    expect(closeUp('LED  lamps 1 500')).toBe('LED lamps 1 500');
  });
});
