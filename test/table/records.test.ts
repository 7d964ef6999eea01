import { describe, expect, it } from 'vitest';
import type { Grid } from '../../src/read/grid.js';
import { tableRecords } from '../../src/table/records.js';
import type { BudgetRecord, IndicatorRecord, TableRecord, TotalRecord } from '../../src/table/types.js';
import { gold, gridsOf, HEAD_10, HEAD_CQ, HEAD_SC } from './helpers.js';

/** Every form fixture, with its gold: the records must be exactly the gold's. */
const FIXTURES = [
  ['water', 'water.docx'],
  ['water-pdf', 'water-pdf.pdf'],
  ['sanitation', 'sanitation.docx'],
  ['sanitation-pdf', 'sanitation-pdf.pdf'],
  ['dept-cq', 'dept-cq.docx'],
  ['dept-cq-pdf', 'dept-cq-pdf.pdf'],
  ['elderly', 'elderly.md'],
  ['school', 'school.md'],
  ['roads-tab', 'roads-tab.txt'],
  ['health-pipe', 'health-pipe.txt'],
  ['forest-spaces', 'forest-spaces.txt'],
  ['agri-flat', 'agri-flat.txt'],
] as const;

const of = <K extends TableRecord['kind']>(records: TableRecord[], kind: K) =>
  records.filter((r): r is Extract<TableRecord, { kind: K }> => r.kind === kind);

describe('tableRecords on the form fixtures', () => {
  for (const [id, file] of FIXTURES) {
    it(`${file}: every indicator, budget row and total as in its gold`, async () => {
      const expected = gold(id);
      const records = tableRecords(await gridsOf(file));
      const indicators = of(records, 'indicator').map((r) => ({
        level1: r.level1,
        level2: r.level2,
        name: r.name,
        target: r.target,
        actual: r.actual,
        weight: r.weight,
        score: r.score,
        reason: r.reason,
        achieved: r.achieved,
      }));
      expect(indicators).toEqual(expected.indicators);
      const budget = of(records, 'budget').map(({ item, initial, adjusted, executed, rate }) => ({
        item,
        initial,
        adjusted,
        executed,
        rate,
      }));
      expect(budget).toEqual(expected.budget);
      expect(of(records, 'total').map(({ weight, score }) => ({ weight, score }))).toEqual([expected.total]);
    });
  }
});

const line = (texts: readonly string[]) => texts.map((text) => ({ text, rowSpan: 1, colSpan: 1 }));
const row = (...texts: string[]) => line(texts);
const cell = (text: string, rowSpan = 1, colSpan = 1) => ({ text, rowSpan, colSpan });
const indicators = (grid: Grid) => of(tableRecords([grid]), 'indicator');

describe('indicator rows', () => {
  const head = line(HEAD_10);

  it('fill 一级 and 二级 down from merged cells, and from blank cells in copied text', () => {
    const merged = indicators({
      rows: [
        head,
        [cell('产出指标', 3), cell('数量指标', 2), ...row('新建集中供水工程', '≥12处', '12处', '10', '10', '')],
        row('改造供水管网长度', '≥85公里', '87.6公里', '10', '10', ''),
        [cell('质量指标'), ...row('水质检测合格率', '≥95%', '96.8%', '10', '10', '')],
      ],
    });
    const blank = indicators({
      rows: [
        head,
        row('产出指标', '数量指标', '新建集中供水工程', '≥12处', '12处', '10', '10', ''),
        row('', '', '改造供水管网长度', '≥85公里', '87.6公里', '10', '10', ''),
        row('', '质量指标', '水质检测合格率', '≥95%', '96.8%', '10', '10', ''),
      ],
    });
    const labels = [
      ['产出指标', '数量指标', '新建集中供水工程'],
      ['产出指标', '数量指标', '改造供水管网长度'],
      ['产出指标', '质量指标', '水质检测合格率'],
    ];
    expect(merged.map((r) => [r.level1, r.level2, r.name])).toEqual(labels);
    expect(blank.map((r) => [r.level1, r.level2, r.name])).toEqual(labels);
  });

  it('read a row labelled only in the 一级 column (预算执行率) as an indicator of that name', () => {
    const [first, second] = indicators({
      rows: [
        head,
        [cell('预算执行率', 1, 3), ...row('100%', '97.2%', '10', '9.72', '年末尚有少量未拨付。')],
        row('产出指标', '', '服务老年人数', '≥3000人', '3126人', '10', '10', ''),
      ],
    });
    expect(first).toMatchObject({ level1: '预算执行率', level2: null, name: '预算执行率', score: 9.72 });
    // A new 一级 with its 二级 left blank carries no 二级 from the row above.
    expect(second).toMatchObject({ level1: '产出指标', level2: null, name: '服务老年人数' });
  });

  it('compose the target from split 指标性质 / 指标值 / 度量单位 columns, with the unit on a bare actual', () => {
    const [area, safety] = indicators({
      rows: [
        line(HEAD_SC),
        row('产出指标', '数量指标', '维修改造校舍面积', '≥', '18000', '平方米', '18650', '15', '15', ''),
        row('效益指标', '社会效益指标', '消除校舍安全隐患', '定性', '有效消除', '', '有效消除', '15', '15', ''),
      ],
    });
    expect(area).toMatchObject({
      target: '≥18000平方米',
      comparator: '≥',
      targetValue: 18000,
      actual: '18650平方米',
      actualValue: 18650,
      unit: '平方米',
      achieved: true,
    });
    expect(safety).toMatchObject({ target: '有效消除', comparator: '定性', targetValue: null, achieved: true });
  });

  it('take the adjusted target when a form gives both 年初 and 调整 values (Chongqing)', () => {
    const [air] = indicators({
      rows: [line(HEAD_CQ), row('空气质量优良天数比例', '%', '≥', '88', '90', '91.2', '100', '10', '10', '是')],
    });
    expect(air).toMatchObject({ level1: null, level2: null, target: '≥90%', targetValue: 90, actual: '91.2%' });
  });

  it('infer comparators from the text and respect them: ≤38万元/处 is met by 37.6万元/处', () => {
    const rows = indicators({
      rows: [
        head,
        row('产出指标', '成本指标', '单处工程平均造价', '≤38万元/处', '37.6万元/处', '10', '10', ''),
        row('产出指标', '时效指标', '服务需求响应时间', '24小时以内', '26小时', '10', '8', '偏远村组路程较远。'),
        row('产出指标', '质量指标', '验收合格率', '100%', '98.5%', '10', '9', '个别工程返工。'),
        row('效益指标', '可持续影响指标', '工程运行管护机制', '健全', '基本健全', '10', '8', '考核办法未出台。'),
      ],
    });
    expect(rows.map((r) => [r.comparator, r.achieved])).toEqual([
      ['≤', true],
      ['≤', false],
      ['≥', false],
      ['定性', null],
    ]);
  });

  it('keep the reason as written, and empty as ""', () => {
    const [missed, met] = indicators({
      rows: [
        head,
        row('产出指标', '数量指标', '危桥改造数量', '≥6座', '5座', '10', '10', '1座危桥因汛期延至次年施工。'),
        row('产出指标', '数量指标', '养护农村公路里程', '≥1860公里', '1860公里', '10', '10', ''),
      ],
    });
    expect([missed!.reason, met!.reason]).toEqual(['1座危桥因汛期延至次年施工。', '']);
  });

  it('place the cells of copied rows that dropped merged or blank cells by what they hold', () => {
    const rows = indicators({
      ragged: true,
      rows: [
        line(['绩效指标', ...HEAD_10]),
        row('产出指标', '数量指标', '老年人健康体检人数', '≥1.8万人', '1.86万人', '15', '15'),
        row('健康档案建档率', '≥90%', '92.3%', '10', '10'),
        row('质量指标', '体检报告反馈率', '100%', '98.5%', '10', '9', '个别村卫生室反馈滞后。'),
      ],
    });
    expect(rows.map((r) => [r.level1, r.level2, r.name, r.weight, r.score, r.reason])).toEqual([
      ['产出指标', '数量指标', '老年人健康体检人数', 15, 15, ''],
      ['产出指标', '数量指标', '健康档案建档率', 10, 10, ''],
      ['产出指标', '质量指标', '体检报告反馈率', 10, 9, '个别村卫生室反馈滞后。'],
    ]);
  });

  it('skip notes spanning the value columns and rows with no values', () => {
    const rows = indicators({
      rows: [
        head,
        row('产出指标', '数量指标', '新建集中供水工程', '≥12处', '12处', '10', '10', ''),
        [cell('评价结论'), cell('项目完成较好，达到预期目标。', 1, 7)],
        row('效益指标', '', '', '', '', '', '', ''),
      ],
    });
    expect(rows.map((r) => r.name)).toEqual(['新建集中供水工程']);
  });
});

describe('budget rows and totals', () => {
  it('scale amounts to yuan by the header unit, drop 其中：, compute an empty rate', () => {
    const budget = of(
      tableRecords([
        {
          rows: [
            row('项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'),
            row('年度资金总额', '456.30', '500.00', '480.00', '10', '', '9.6'),
            row('其中：当年财政拨款', '456.30', '456.30', '440.00', '—', '96.43%', '—'),
          ],
        },
      ]),
      'budget',
    );
    expect(
      budget.map((b: BudgetRecord) => [b.item, b.initial, b.adjusted, b.executed, b.rate, b.weight, b.score]),
    ).toEqual([
      ['年度资金总额', 4563000, 5000000, 4800000, 96, 10, 9.6],
      ['当年财政拨款', 4563000, 4563000, 4400000, 96.43, null, null],
    ]);
  });

  it('read a 合计 row under a budget header as the sum of the amounts, not as the form total', () => {
    const records = tableRecords({
      rows: [
        row('资金来源', '年初预算数', '全年预算数', '全年执行数'),
        row('财政资金', '300', '300', '290'),
        row('合计', '300', '300', '290'),
      ],
    });
    expect(records.map((r) => [r.kind, r.kind === 'budget' ? r.item : ''])).toEqual([
      ['budget', '财政资金'],
      ['budget', '合计'],
    ]);
  });

  it('read amounts in yuan under a （元） header, and a caption row stating the unit', () => {
    const yuan = of(
      tableRecords([
        {
          rows: [
            row('资金来源', '年初预算数（元）', '全年预算数', '全年执行数'),
            row('财政资金', '12000', '12000', '11800'),
          ],
        },
      ]),
      'budget',
    );
    const caption = of(
      tableRecords([
        {
          rows: [
            [cell('单位：元', 1, 4)],
            row('资金来源', '年初预算数', '全年预算数', '全年执行数'),
            row('财政资金', '12000', '12000', '11800'),
          ],
        },
      ]),
      'budget',
    );
    expect(yuan[0]).toMatchObject({ initial: 12000, executed: 11800 });
    expect(caption[0]).toMatchObject({ initial: 12000, executed: 11800 });
  });

  it('read totals from 总分 / 合计 rows and from a 自评总分 field', () => {
    const totals = of(
      tableRecords([
        { rows: [row('主管部门', '区生态环境局', '自评总分（分）', '97.7')] },
        {
          rows: [
            row('一级指标', '三级指标', '分值', '得分'),
            row('产出指标', '新建机耕道路', '10', '8'),
            row('合  计', '', '100', '96.7'),
          ],
        },
      ]),
      'total',
    );
    expect(totals.map((t: TotalRecord) => [t.table, t.weight, t.score])).toEqual([
      [0, null, 97.7],
      [1, 100, 96.7],
    ]);
  });

  it('give nothing for tables no form header names', () => {
    const records = tableRecords([
      { rows: [row('序号', '姓名', '职务', '联系电话'), row('1', '刘某', '科长', '023-12345678')] },
      { rows: [row('年份', '收入', '支出'), row('2022', '100', '90')] },
    ]);
    expect(records).toEqual([]);
  });

  it('continue a form broken across pages: a table with no header as wide as the one before', () => {
    const head = line(HEAD_10.slice(0, 7));
    const records = tableRecords([
      { rows: [head, row('产出指标', '数量指标', '维护路灯数量', '≥8500盏', '8620盏', '20', '20')] },
      {
        rows: [
          row('', '质量指标', '路灯亮灯率', '≥98%', '98.6%', '20', '20'),
          [cell('总分', 1, 5), cell('100'), cell('99.8')],
        ],
      },
    ]) as Array<IndicatorRecord | TotalRecord>;
    expect(
      records.map((r) => (r.kind === 'indicator' ? [r.table, r.level1, r.name] : [r.table, r.weight, r.score])),
    ).toEqual([
      [0, '产出指标', '维护路灯数量'],
      [1, '产出指标', '路灯亮灯率'],
      [1, 100, 99.8],
    ]);
  });
});

describe('headers', () => {
  it('read a header written over two rows in copied text (merged header cells lost)', () => {
    const rows = indicators({
      rows: [
        row('绩效指标', '', '', '年度指标值', '实际完成值', '分值', '得分'),
        row('一级指标', '二级指标', '三级指标', '', '', '', ''),
        row('产出指标', '数量指标', '新建集中供水工程', '≥12处', '12处', '10', '10'),
      ],
    });
    expect(rows).toMatchObject([{ level1: '产出指标', name: '新建集中供水工程', target: '≥12处', weight: 10 }]);
  });

  it('read a two-row Word header whose value headings are merged down', () => {
    const rows = indicators({
      rows: [
        [cell('绩效指标', 1, 3), cell('年度指标值', 2), cell('实际完成值', 2), cell('分值', 2), cell('得分', 2)],
        row('一级指标', '二级指标', '三级指标'),
        row('产出指标', '数量指标', '新建集中供水工程', '≥12处', '12处', '10', '10'),
      ],
    });
    expect(rows).toMatchObject([{ level1: '产出指标', name: '新建集中供水工程', target: '≥12处', weight: 10 }]);
  });
});
