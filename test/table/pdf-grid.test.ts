import { describe, expect, it } from 'vitest';
import type { GridCell } from '../../src/read/grid.js';
import { pdfPageBlocks, pdfRulings, type PdfTable } from '../../src/read/pdf-grid.js';
import { tableRecords } from '../../src/table/records.js';
import { BUDGET_10, gold, HEAD_10, HEAD_CQ, pdfPages } from './helpers.js';

const tables = (blocks: Awaited<ReturnType<typeof pdfPages>>) =>
  blocks.filter((b): b is PdfTable => b.type === 'table');
/** A pdf.js text item at 10 points, a CJK character 10 wide. */
const item = (str: string, x: number, y: number) => ({ str, transform: [10, 0, 0, 10, x, y], width: 10 * str.length });
const show = (cell: GridCell) =>
  cell.text + (cell.rowSpan > 1 ? `[r${cell.rowSpan}]` : '') + (cell.colSpan > 1 ? `[c${cell.colSpan}]` : '');

describe('pdfPageBlocks on a PDF printed from Word (LibreOffice)', () => {
  it('rebuilds a ruled table with its merged cells from the lines the page draws', async () => {
    const [table] = tables(await pdfPages('water-pdf.pdf'));
    expect(table!.ruled).toBe(true);
    expect(table!.page).toBe(1);
    const rows = table!.rows.map((r) => r.map(show));
    expect(rows[2]).toEqual(['项目资金（万元）[r5]', '[c2]', ...BUDGET_10]);
    expect(rows[9]).toEqual(['绩效指标[r10]', ...HEAD_10]);
    expect(rows[10]).toEqual(['产出指标[r5]', '数量指标[r2]', '新建集中供水工程', '≥12处', '12处', '10', '10', '']);
    expect(rows[11]).toEqual(['改造供水管网长度', '≥85公里', '87.6公里', '10', '10', '']);
    expect(rows.at(-1)).toEqual(['总分[c6]', '100', '99.5', '']);
  });

  it('joins the lines a narrow cell wrapped, with no space in CJK text and none inside a number', async () => {
    const [page1] = tables(await pdfPages('sanitation-pdf.pdf'));
    const texts = page1!.rows.flat().map((c) => c.text);
    // `项`/`目`/`资`/`金`… one character a line in the narrow first column; `640.0` + `0`.
    expect(texts).toContain('项目资金（万元）');
    expect(texts).toContain('城乡道路清扫保洁面积');
    expect(texts).toContain('640.00');
    expect(texts).toContain('98.04%');
    expect(texts).toContain('填埋场扩容工程延期，部分垃圾临时转运至邻县处理。');
  });

  it('gives the text outside tables as lines, spaces inside figures and words closed up', async () => {
    const blocks = await pdfPages('water-pdf.pdf');
    const lines = blocks.filter((b) => b.type === 'line').map((b) => b.text);
    expect(lines[0]).toBe('2023年度农村饮水安全巩固提升工程项目支出绩效自评报告');
    expect(lines).toContain('经单位自评，该项目自评得分99.5分，评价等级为优。项目支出绩效自评表如下。');
    // In reading order: the table stands between the lines before and after it.
    const at = blocks.findIndex((b) => b.type === 'table');
    expect(blocks[at - 1]).toMatchObject({ type: 'line', text: expect.stringContaining('自评表如下') });
    expect(blocks[at + 1]).toMatchObject({ type: 'line', text: '三、存在的问题' });
  });

  it('rebuilds a borderless table from where its text stands', async () => {
    const found = tables(await pdfPages('dept-cq-pdf.pdf'));
    expect(found.map((t) => t.ruled)).toEqual([false]);
    const rows = found[0]!.rows.map((r) => r.map((c) => c.text).filter(Boolean));
    expect(rows).toContainEqual(['2860.50', '3124.80', '3016.35', '96.53', '10', '9.7']);
    expect(rows).toContainEqual(HEAD_CQ);
    // `集中式饮用水水源` + `地水质达标率`: a name wrapped in its column.
    expect(rows).toContainEqual([
      '集中式饮用水水源地水质达标率',
      '%',
      '=',
      '100',
      '100',
      '100',
      '100',
      '10',
      '10',
      '是',
    ]);
  });

  it('reads the same records from a ruled form with its lines ignored (text positions alone)', async () => {
    const expected = gold('water-pdf');
    const records = tableRecords(tables(await pdfPages('water-pdf.pdf', { lines: false })));
    expect(records.filter((r) => r.kind === 'indicator').map((r) => r.name)).toEqual(
      expected.indicators.map((i) => i.name),
    );
    expect(records.filter((r) => r.kind === 'total')).toMatchObject([{ weight: 100, score: 99.5 }]);
  });

  it('takes the last row of a form standing alone at the top of a page for a table (a page break)', () => {
    const blocks = pdfPageBlocks(
      [
        item('总分', 60, 780),
        item('100', 360, 780),
        item('96.8', 420, 780),
        item('三、存在的问题', 56, 760),
        item('项目负责人：刘某', 56, 740),
        item('财务负责人：王某', 250, 740),
        item('2024年3月', 450, 740),
      ],
      [],
    );
    expect(blocks.map((b) => (b.type === 'table' ? b.rows.map((r) => r.map((c) => c.text)) : b.text))).toEqual([
      [['总分', '100', '96.8']],
      '三、存在的问题',
      '项目负责人：刘某 财务负责人：王某 2024年3月',
    ]);
  });

  it('keeps prose with wide gaps and short lines as lines', () => {
    const blocks = pdfPageBlocks(
      [item('项目负责人：刘某', 72, 700), item('财务负责人：王某', 300, 700), item('填报日期：2024年3月', 72, 680)],
      [],
    );
    expect(blocks.map((b) => [b.type, b.type === 'line' ? b.text : ''])).toEqual([
      ['line', '项目负责人：刘某 财务负责人：王某'],
      ['line', '填报日期：2024年3月'],
    ]);
  });
});

describe('pdfPageBlocks on drawn lines', () => {
  const h = (y: number, x0: number, x1: number) => ({ x0, y0: y, x1, y1: y });
  const v = (x: number, y0: number, y1: number) => ({ x0: x, y0, x1: x, y1 });

  it('merges the cells on either side of a missing inner line (rowSpan, colSpan)', () => {
    // Three columns at x 0/100/200/300, three rows at y 300/280/260/240 (PDF y grows upwards).
    // The line x=100 stops above the last two rows: 产出指标 spans them; the last row has no
    // line at x=200: 总分 spans two columns.
    const segments = [
      h(300, 0, 300),
      h(280, 0, 300),
      h(260, 100, 300),
      h(240, 0, 300),
      v(0, 240, 300),
      v(100, 240, 300),
      v(200, 260, 300),
      v(300, 240, 300),
    ];
    const items = [
      item('一级指标', 5, 286),
      item('三级指标', 105, 286),
      item('分值', 205, 286),
      item('产出指标', 5, 266),
      item('新建', 105, 266),
      item('10', 205, 266),
      item('总分100', 105, 246),
    ];
    const [table] = pdfPageBlocks(items, segments);
    expect(table).toMatchObject({ type: 'table', ruled: true, bbox: { x0: 0, y0: 240, x1: 300, y1: 300 } });
    expect((table as PdfTable).rows.map((r) => r.map(show))).toEqual([
      ['一级指标', '三级指标', '分值'],
      ['产出指标[r2]', '新建', '10'],
      ['总分100[c2]'],
    ]);
  });

  it('rebuilds a densely ruled page', () => {
    const segments = [];
    for (let k = 0; k <= 60; k++) segments.push(h(700 - k * 10, 0, 400));
    for (let k = 0; k <= 20; k++) segments.push(v(k * 20, 100, 700));
    const [table] = pdfPageBlocks([item('1', 5, 692)], segments);
    expect((table as PdfTable).rows.length).toBe(60);
    expect((table as PdfTable).rows[0]!.length).toBe(20);
    expect((table as PdfTable).rows[0]![0]!.text).toBe('1');
  });
});

describe('pdfRulings', () => {
  // pdf.js's operator numbers (the same in pdf.js 4 and 5).
  const OPS = {
    save: 10,
    restore: 11,
    transform: 12,
    moveTo: 13,
    lineTo: 14,
    curveTo: 15,
    closePath: 18,
    rectangle: 19,
    stroke: 20,
    fill: 22,
    eoFill: 23,
    endPath: 28,
    setFillRGBColor: 59,
    constructPath: 91,
  };

  it('reads pdf.js 4 paths: lines, rectangles, the transform, and thin filled boxes as lines', () => {
    const segments = pdfRulings(
      [10, 12, 91, 20, 11, 91, 22, 59, 91, 22, 91, 28],
      [
        null,
        [2, 0, 0, 2, 10, 20],
        [[13, 14], [0, 0, 100, 0], null],
        null,
        null,
        [[19], [50, 50, 200, 0.8], null],
        null,
        [255, 255, 255],
        [[19], [0, 0, 500, 700], null],
        null,
        [[19], [0, 0, 500, 700], null],
        null,
      ],
      OPS,
    );
    expect(segments).toEqual([
      { x0: 10, y0: 20, x1: 210, y1: 20 },
      { x0: 50, y0: 50.4, x1: 250, y1: 50.4 },
    ]);
  });

  it('reads pdf.js 5 paths: the paint operator and a flat buffer in one constructPath', () => {
    const box = new Float32Array([0, 10, 10, 1, 110, 10, 1, 110, 60, 1, 10, 60, 4]);
    const curve = new Float32Array([0, 0, 0, 2, 1, 1, 2, 2, 3, 3]);
    const segments = pdfRulings(
      [91, 91, 91],
      [
        [20, [box], null],
        [20, [curve], null],
        [28, [box], null],
      ],
      OPS,
    );
    expect(segments).toEqual([
      { x0: 10, y0: 10, x1: 110, y1: 10 },
      { x0: 110, y0: 10, x1: 110, y1: 60 },
      { x0: 110, y0: 60, x1: 10, y1: 60 },
      { x0: 10, y0: 60, x1: 10, y1: 10 },
    ]);
  });
});
