import { describe, expect, it } from 'vitest';
import {
  defaultFigureConfig,
  extract,
  inferFiscalYear,
  parse,
  type Event,
  type FlowContent,
  type Found,
  type Section,
  type FigureRecord,
} from '../../src/index.js';
import { fixture } from '../helpers/fixtures.js';
import { expectValidTree } from '../helpers/invariants.js';

const seed = fixture('seed-shaodong-2020.txt');

describe('the seed', () => {
  const tree = parse(seed);
  const records = extract(tree) as FigureRecord[];
  const of = (kind: string) => records.filter((r) => r.kind === kind).map((r) => [r.text, r.value]);

  it('knows the fiscal year is 2020 from the document number it cites', () => {
    expect(tree.data.fiscalYear).toEqual({ year: 2020, source: 'docRef', evidence: '[2020]' });
  });

  it('reads every amount', () => {
    expect(of('money')).toEqual([
      ['1342.23万元', 13422300],
      ['1027.62万元', 10276200],
      ['325.8万元', 3258000],
      ['3200万元', 32000000],
      ['20余万元', 200000],
      ['23000元', 23000],
      ['68亿元', 6800000000],
      ['7000万元', 70000000],
      ['19000元', 19000],
    ]);
  });

  it('reads every calendar date with the year the report implies', () => {
    expect(of('date')).toEqual([
      ['9月7日', '2020-09-07'],
      ['10月30日', '2020-10-30'],
      ['11月30日', '2020-11-30'],
      ['12月25日', '2020-12-25'],
      ['今年', '2020'],
      ['12月22日', '2020-12-22'],
      ['今年4月', '2020-04'],
      ['今年7月', '2020-07'],
      ['11月27日', '2020-11-27'],
      ['今年', '2020'],
      ['9月11日', '2020-09-11'],
      ['10月', '2020-10'],
      ['11月', '2020-11'],
      ['9月29日', '2020-09-29'],
    ]);
    expect(records.find((r) => r.text === '10月')).toMatchObject({ qualifier: 'before', yearInferred: true });
    expect(records.filter((r) => r.text === '今年').every((r) => r.qualifier === 'since')).toBe(true);
  });

  it('reads every count with its unit', () => {
    expect(of('count')).toEqual([
      ['2名', 2],
      ['12个', 12],
      ['70余个', 70],
      ['13个', 13],
      ['两个', 2],
      ['6人', 6],
      ['2-3个', null],
      ['一例', 1],
      ['120余个', 120],
      ['72名', 72],
      ['57家', 57],
      ['121家', 121],
      ['31名', 31],
      ['32名', 32],
      ['12名', 12],
      ['6名', 6],
      ['10家', 10],
      ['7436人', 7436],
      ['4家', 4],
      ['20户', 20],
      ['26个', 26],
      ['47人', 47],
      ['17人', 17],
    ]);
  });

  it('reads the document number, and not its year as a date', () => {
    expect(of('docRef')).toEqual([['邵东办字[2020]41号', '邵东办字〔2020〕41号']]);
  });

  it('places each figure in its section and sentence', () => {
    const money = records.find((r) => r.text === '1342.23万元')!;
    expect(money).toMatchObject({ section: '2、/（三）', sectionTitle: '疫情防控中彰显作为', line: 15 });
    expect(money.sentence).toBe(
      '经统计，邵东共收到各界人士捐款捐物折合人民币1342.23万元，其中统战成员捐赠金额达1027.62万元，协助政府采购抗疫物资325.8万元，成为邵东抗疫物资保障的“主力军”。',
    );
    expect(seed.slice(money.start, money.end)).toBe('1342.23万元');
  });

  it('wraps clauses headed by a date as events', () => {
    const events = records.filter((r) => r.kind === 'event');
    expect(events[0]).toMatchObject({
      value: '2020-09-07',
      text: '9月7日，邀请了邵阳市委党校副教授姚海波为统一战线成员上党课；',
    });
    expect(events.map((e) => e.value)).toContain('2020-04');
    // An event's sentence is its own clause, not the clause after it too.
    expect(events[0]!.sentence).toBe(events[0]!.text);
    const sub = (tree.children.find((n) => n.type === 'section' && n.marker.raw === '2、') as Section)
      .children[1] as Section;
    const paragraph = sub.children[1] as Extract<FlowContent, { type: 'paragraph' }>;
    const event = paragraph.children.find((c): c is Event => c.type === 'event')!;
    expect(event.children[0]).toMatchObject({ type: 'date', iso: '2020-09-07' });
  });

  it('gives every record every field, in one order (stable CSV columns)', () => {
    const keys = Object.keys(records[0]!);
    expect(keys).toEqual([
      'kind',
      'text',
      'start',
      'end',
      'line',
      'column',
      'value',
      'min',
      'max',
      'approx',
      'unit',
      'currency',
      'yearInferred',
      'qualifier',
      'subject',
      'section',
      'sectionTitle',
      'sentence',
      'direction',
      'flags',
    ]);
    for (const r of records) expect(Object.keys(r)).toEqual(keys);
  });

  it('keeps the tree lossless and valid with figures in it', () => {
    expectValidTree(seed, tree);
  });
});

describe('inferFiscalYear', () => {
  it('prefers the title, then a subtitle 年度, then the cover date, the text and cited documents', () => {
    expect(inferFiscalYear('…', '岳阳市2018年度部门整体支出绩效评价自评报告')).toMatchObject({
      year: 2018,
      source: 'title',
    });
    expect(
      inferFiscalYear('寻甸县2023年异地造林项目绩效自评报告\n(2024年度)\n', '寻甸县2023年异地造林项目绩效自评报告'),
    ).toMatchObject({ year: 2024, source: 'title' });
    expect(inferFiscalYear('单位名称:塘湖镇政府 填报日期:2021.5.18\n')).toMatchObject({ year: 2020, source: 'cover' });
    expect(inferFiscalYear('根据通知，做好2021年度涉农资金绩效自评工作，2021年全年召开会议48次。')).toMatchObject({
      year: 2021,
      source: 'text',
    });
    expect(inferFiscalYear('（邵东办字[2020]41号）')).toMatchObject({ year: 2020, source: 'docRef' });
    expect(inferFiscalYear('9月7日召开会议')).toBeUndefined();
    expect(inferFiscalYear('…', '某某局20年度部门整体支出绩效自评报告')).toMatchObject({ year: 2020, source: 'title' });
    expect(inferFiscalYear('…', '某某局2019-2020年度报告')).toMatchObject({ year: 2020 });
  });

  it('lets the caller override it', () => {
    const tree = parse('9月7日，召开会议。', { year: 2019 });
    expect(tree.data.fiscalYear).toEqual({ year: 2019, source: 'option', evidence: '2019' });
    expect((extract(tree) as FigureRecord[]).find((r) => r.kind === 'date')?.value).toBe('2019-09-07');
  });

  it('can leave figures as plain text', () => {
    const tree = parse('资金1342.23万元。', { figures: false });
    expect(extract(tree)).toEqual([]);
  });
});

describe('figure configuration', () => {
  it('takes user parsers and refiners, and a fresh default each time', () => {
    const config = defaultFigureConfig();
    config.parsers.push({
      name: 'phone',
      firstChars: '1',
      find: ({ text: input, from, to }) => {
        const out: Found[] = [];
        const re = /1[3-9]\d{9}/g;
        re.lastIndex = from;
        for (let m = re.exec(input); m && m.index + 11 <= to; m = re.exec(input)) {
          out.push({ type: 'count', start: m.index, end: m.index + 11, value: m[0], amount: 1, unit: '号码' });
        }
        return out;
      },
    });
    config.refiners.unshift({ name: 'no-money', refine: (found) => found.filter((f) => f.type !== 'money') });
    const records = extract(parse('联系电话13974010178，经费5万元。', { figures: config })) as FigureRecord[];
    expect(records.map((r) => [r.kind, r.text])).toEqual([['count', '13974010178']]);
    expect(defaultFigureConfig().parsers.map((p) => p.name)).toEqual([
      'docRef',
      'date',
      'money',
      'percent',
      'measure',
      'count',
    ]);
  });
});

describe('long sentences', () => {
  it('bounds a figure’s sentence when the text has no sentence ends (found by the benchmark: it was quadratic)', () => {
    const text = '2020年'.repeat(2000);
    const records = extract(text) as FigureRecord[];
    expect(records).toHaveLength(2000);
    for (const r of records) expect(r.sentence.length).toBeLessThanOrEqual(2 * 200 + r.text.length);
    // In the middle, the window is exactly 200 characters either side of the figure.
    const middle = records[1000]!;
    expect(middle.sentence).toBe(text.slice(middle.start - 200, middle.end + 200));
  });
});
