/**
 * Extracted records as spreadsheet rows: the columns and their headers, CSV lines, JSON Lines.
 * Browser-safe (no `node:` import): the web console's engine bundles it, so the page's exports
 * have the CLI's columns and headers.
 */
import { RECORD_FIELDS, type ExtractRecord, type Locale } from '../../index.js';
import { csvLine } from './csv.js';

/** One extracted record with the file it came from. */
export type Row = { file: string } & ExtractRecord;

/**
 * The CSV columns, in order: `file`, then every field of every kind of record `extract()`
 * gives (figures' fields, then those only the rows of self-evaluation forms have), so every
 * CSV has the same columns whatever its files hold.
 */
export const COLUMNS: string[] = ['file', ...RECORD_FIELDS];

export const csvHeader = () => COLUMNS.join(',') + '\r\n';
export const csvRow = (row: Row) =>
  csvLine(
    COLUMNS.map((c) => (row as unknown as Record<string, unknown>)[c]),
    COLUMNS,
  );
/** JSON Lines keep every value exact: JSON has no formulas. */
export const jsonLine = (row: object) => JSON.stringify(row) + '\n';

/** Sheet names by record kind; a kind not listed (a new one) is named by its id. */
export const SHEETS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    money: '金额',
    date: '日期',
    event: '事件',
    count: '数量',
    percent: '百分比',
    measure: '计量',
    docRef: '文号',
    indicator: '指标',
    budget: '预算',
    total: '总分',
  },
  en: {
    money: 'Money',
    date: 'Dates',
    event: 'Events',
    count: 'Counts',
    percent: 'Percents',
    measure: 'Measures',
    docRef: 'Document numbers',
    indicator: 'Indicators',
    budget: 'Budget',
    total: 'Totals',
  },
};

/** Column headers by field, every column in both languages (a test checks). */
export const HEADERS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    file: '文件',
    kind: '类型',
    text: '原文',
    start: '起始偏移',
    end: '结束偏移',
    line: '行',
    column: '列',
    value: '值',
    min: '最小值',
    max: '最大值',
    approx: '约数',
    unit: '单位',
    currency: '币种',
    yearInferred: '年份为推断',
    qualifier: '限定',
    subject: '对象',
    section: '章节',
    sectionTitle: '章节标题',
    sentence: '所在句子',
    direction: '增减',
    flags: '标记',
    table: '表格序号',
    row: '行序号',
    level1: '一级指标',
    level2: '二级指标',
    name: '指标名称',
    target: '年度指标值',
    comparator: '比较方式',
    targetValue: '指标数值',
    actual: '实际完成值',
    actualValue: '完成数值',
    weight: '分值',
    score: '得分',
    reason: '偏差原因',
    achieved: '是否完成',
    item: '资金项目',
    initial: '年初预算数（元）',
    adjusted: '全年预算数（元）',
    executed: '全年执行数（元）',
    rate: '执行率（%）',
    rateStated: '执行率为填报值',
  },
  en: {
    file: 'File',
    kind: 'Kind',
    text: 'Text',
    start: 'Start offset',
    end: 'End offset',
    line: 'Line',
    column: 'Column',
    value: 'Value',
    min: 'Min',
    max: 'Max',
    approx: 'Approximate',
    unit: 'Unit',
    currency: 'Currency',
    yearInferred: 'Year inferred',
    qualifier: 'Qualifier',
    subject: 'Subject',
    section: 'Section',
    sectionTitle: 'Section title',
    sentence: 'Sentence',
    direction: 'Direction',
    flags: 'Flags',
    table: 'Table',
    row: 'Row',
    level1: 'Level 1',
    level2: 'Level 2',
    name: 'Indicator',
    target: 'Target',
    comparator: 'Comparator',
    targetValue: 'Target value',
    actual: 'Actual',
    actualValue: 'Actual value',
    weight: 'Weight',
    score: 'Score',
    reason: 'Reason',
    achieved: 'Achieved',
    item: 'Item',
    initial: 'Initial budget (yuan)',
    adjusted: 'Full-year budget (yuan)',
    executed: 'Executed (yuan)',
    rate: 'Execution rate (%)',
    rateStated: 'Rate as stated',
  },
};
