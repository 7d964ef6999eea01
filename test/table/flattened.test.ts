import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFlattenedTables } from '../../src/table/flattened.js';
import { textTables } from '../../src/table/text.js';
import { form, HEAD_10 } from './helpers.js';

const text = form('agri-flat.txt').toString('utf8');

describe('findFlattenedTables', () => {
  it('recognises a form run into one line and cuts it back at its cell boundaries', () => {
    const [budget, indicators] = findFlattenedTables(text);
    expect(budget!.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['年度资金总额', '2000.00', '2000.00', '1930.00', '10', '96.50%', '9.65'],
      ['其中：当年财政拨款', '1600.00', '1600.00', '1552.00', '', '97.00%', ''],
      ['上年结转资金', '400.00', '400.00', '378.00', '', '94.50%', ''],
    ]);
    expect(indicators!.rows[1]!.map((c) => c.text)).toEqual([
      '',
      '产出指标',
      '数量指标',
      '新建标准化生产基地',
      '≥5000亩',
      '5200亩',
      '10',
      '10',
      '',
    ]);
    expect(indicators!.rows.at(-1)!.map((c) => c.text)).toEqual(['总分', '', '', '', '', '', '100', '96.15', '']);
  });

  it('reads no figure across what were cell boundaries, and keeps a reason opening with `1、` in its cell', () => {
    const tables = findFlattenedTables(text);
    const cells = tables.flatMap((t) => t.rows.flat());
    // `1010` is a weight and a score, `1081、…` a weight, a score and a reason starting `1、`.
    expect(cells.map((c) => c.text)).not.toContain('1010');
    const reason = cells.find((c) => c.text.startsWith('1、'));
    expect(reason?.text).toBe('1、部分合作社分红机制尚未落实；2、下一步完善章程。');
    const row = tables[1]!.rows.find((r) => r.some((c) => c === reason))!;
    expect(row.map((c) => c.text).slice(3, 8)).toEqual(['利益联结机制', '健全', '基本健全', '10', '8']);
    // Every cell is exactly its source.
    for (const cell of cells) if (cell.start !== undefined) expect(text.slice(cell.start, cell.end)).toBe(cell.text);
  });

  it('cuts the split columns of the Sichuan form: the actual, weight and score digits by the target', () => {
    const sichuan =
      '年度预算数（万元）年初预算调整后预算数预算执行数预算执行率权重得分原因总额48052046890%109部分项目12月完工，尾款次年支付。' +
      '其中：财政资金48050045090%' +
      '一级指标二级指标三级指标指标性质指标值度量单位完成值权重得分未完成原因分析' +
      '产出指标数量指标维修改造校舍面积≥18000平方米186501515时效指标开学前完工率≥90%83.31082所学校因设计变更顺延至10月完工。' +
      '效益指标社会效益指标消除校舍安全隐患定性有效消除有效消除1515合计10093';
    const [budget, indicators] = findFlattenedTables(sichuan);
    expect(budget!.rows.slice(1).map((r) => r.map((c) => c.text))).toEqual([
      ['总额', '480', '520', '468', '90%', '10', '9', '部分项目12月完工，尾款次年支付。'],
      ['其中：财政资金', '480', '500', '450', '90%', '', '', ''],
    ]);
    expect(indicators!.rows.slice(1).map((r) => r.map((c) => c.text))).toEqual([
      ['产出指标', '数量指标', '维修改造校舍面积', '≥', '18000', '平方米', '18650', '15', '15', ''],
      ['', '时效指标', '开学前完工率', '≥', '90', '%', '83.3', '10', '8', '2所学校因设计变更顺延至10月完工。'],
      ['效益指标', '社会效益指标', '消除校舍安全隐患', '定性', '有效消除', '', '有效消除', '15', '15', ''],
      ['合计', '', '', '', '', '', '', '100', '93', ''],
    ]);
  });

  it('reads through the spaces a PDF copy puts inside figures and between cells', () => {
    const spaced =
      '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 产出指标 数量指标 维护路灯数量 ≥8500 盏 8620 盏 20 20 ' +
      '质量指标 路灯亮灯率 ≥98% 98.6% 20 20 总分 100 99.8';
    const [table] = findFlattenedTables(spaced);
    expect(table!.rows.map((r) => r.map((c) => c.text))).toEqual([
      HEAD_10.slice(0, 7),
      ['产出指标', '数量指标', '维护路灯数量', '≥8500盏', '8620盏', '20', '20'],
      ['', '质量指标', '路灯亮灯率', '≥98%', '98.6%', '20', '20'],
      ['总分', '', '', '', '', '100', '99.8'],
    ]);
    // The cell `≥8500盏` stands for `≥8500 盏` in the input.
    const cell = table!.rows[1]![3]!;
    expect(spaced.slice(cell.start, cell.end)).toBe('≥8500 盏');
  });

  it('finds nothing in prose that names the columns of a form', () => {
    const prose = '自评表中的年度指标值、实际完成值、分值和得分由项目单位填写，偏差原因分析及改进措施由财务科审核。';
    expect(findFlattenedTables(prose)).toEqual([]);
    expect(textTables(prose)).toEqual([]);
  });

  it('reads long runs of header words without retrying them word by word', () => {
    // `执行率得分` reads two ways at every word (exponential once); a run of headers was read
    // again from each of its words (quadratic). Both are bounded now: these took minutes.
    expect(findFlattenedTables('执行率得分'.repeat(20000))).toEqual([]);
    expect(findFlattenedTables(HEAD_10.join('').repeat(2000))).toEqual([]);
  });

  it('never throws and slices its cells exactly (random glued text)', () => {
    const bits = [
      ...HEAD_10,
      '产出指标',
      '数量指标',
      '≥',
      '95%',
      '1010',
      '12处',
      '。',
      '1、',
      '总分',
      '100',
      '新建工程',
      '—',
      '2000.00',
    ];
    const input = fc
      .array(fc.mapToConstant({ num: bits.length, build: (i) => bits[i]! }), { maxLength: 60 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(input, (s) => {
        for (const table of findFlattenedTables(s)) {
          for (const cell of table.rows.flat()) {
            if (cell.start !== undefined) expect(s.slice(cell.start, cell.end).replace(/\s/g, '')).toBe(cell.text);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
