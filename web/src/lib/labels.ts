/**
 * Names of record kinds and record fields in the page's two languages: for column headers in the page and in
 * exported workbooks. CSV keeps the field names (stable for pandas and for the CLI's CSV). Pure: no DOM.
 */
import type { Locale } from './rc.js';

type Pair = readonly [zh: string, en: string];

const KINDS: Record<string, Pair> = {
  figures: ['数字', 'Figures'],
  money: ['金额', 'Money'],
  date: ['日期', 'Date'],
  count: ['数量', 'Count'],
  percent: ['百分比', 'Percent'],
  measure: ['计量', 'Measure'],
  docRef: ['文号', 'Document no.'],
  event: ['事件', 'Event'],
  indicator: ['绩效指标', 'Indicators'],
  budget: ['预算执行', 'Budget'],
  total: ['总分', 'Total score'],
};

const FIELDS: Record<string, Pair> = {
  file: ['文件', 'File'],
  kind: ['类型', 'Kind'],
  text: ['原文', 'Text'],
  start: ['起始偏移', 'Start offset'],
  end: ['结束偏移', 'End offset'],
  line: ['行', 'Line'],
  column: ['列', 'Column'],
  value: ['值', 'Value'],
  min: ['下限', 'Min'],
  max: ['上限', 'Max'],
  approx: ['约数', 'Approx.'],
  unit: ['单位', 'Unit'],
  currency: ['币种', 'Currency'],
  yearInferred: ['年份为推断', 'Year inferred'],
  qualifier: ['限定', 'Qualifier'],
  subject: ['对象', 'Subject'],
  section: ['章节编号', 'Section'],
  sectionTitle: ['章节标题', 'Section title'],
  sentence: ['所在句子', 'Sentence'],
  // Self-evaluation table rows (issue 11).
  table: ['表', 'Table'],
  row: ['行号', 'Row'],
  level1: ['一级指标', 'Level 1'],
  level2: ['二级指标', 'Level 2'],
  name: ['指标名称', 'Indicator'],
  target: ['年度指标值', 'Target'],
  comparator: ['比较', 'Comparator'],
  targetValue: ['指标数值', 'Target value'],
  actual: ['实际完成值', 'Actual'],
  actualValue: ['完成数值', 'Actual value'],
  weight: ['分值', 'Weight'],
  score: ['得分', 'Score'],
  reason: ['偏差原因', 'Deviation reason'],
  achieved: ['是否完成', 'Achieved'],
  item: ['项目', 'Item'],
  initial: ['年初预算数', 'Initial budget'],
  adjusted: ['全年预算数', 'Adjusted budget'],
  executed: ['全年执行数', 'Executed'],
  rate: ['执行率', 'Rate'],
};

const pick = (pair: Pair | undefined, locale: Locale, fallback: string) =>
  pair ? pair[locale === 'en' ? 1 : 0] : fallback;

/** A kind's name: `money` → 金额 / Money; `figures` names the sheet of all figures. */
export const sheetName = (kind: string, locale: Locale) => pick(KINDS[kind], locale, kind);

/** A field's column header: `sectionTitle` → 章节标题 / Section title; unknown fields keep their name. */
export const columnLabel = (field: string, locale: Locale) => pick(FIELDS[field], locale, field);
