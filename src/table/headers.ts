import { charSet, inSet } from '../text/chars.js';

/**
 * What a column of a self-evaluation form holds, read from its header's wording
 * (templates.md §4: the 财预〔2020〕10号 form, the Sichuan split-column form, the
 * Chongqing 部门整体 form, and their variants). Position alone never decides.
 */
export type Role =
  | 'outer'
  | 'level1'
  | 'level2'
  | 'name'
  | 'nature'
  | 'target'
  | 'targetInitial'
  | 'targetAdjusted'
  | 'unit'
  | 'actual'
  | 'weight'
  | 'score'
  | 'reason'
  | 'item'
  | 'initial'
  | 'adjusted'
  | 'executed'
  | 'rate'
  | 'ignore';

/** A header cell read: its role, and the money unit it states (`（万元）` → 10000), if any. */
export interface HeaderWord {
  role: Role;
  scale: number | null;
}

/** Header wordings, parentheses and white space removed, by role. */
const WORDS: Record<string, Role> = {};
const add = (role: Role, words: string) => {
  for (const word of words.split(' ')) WORDS[word] = role;
};
add('level1', '一级指标 一级');
add('level2', '二级指标 二级');
add('name', '三级指标 三级 指标名称 三级指标名称 绩效指标名称 具体指标 指标内容 指标项目');
add('outer', '绩效指标 年度绩效指标 项目绩效指标 部门绩效指标 整体绩效指标 绩效目标 年度绩效目标');
add('nature', '指标性质 指标方向 性质 指标类型 指标属性');
add(
  'target',
  '年度指标值 指标值 年度目标值 目标值 全年指标值 预期指标值 预期目标值 计划值 绩效目标值 年度绩效目标值 指标目标值 年度计划值',
);
add('targetInitial', '年初指标值 年初目标值 年初计划值');
add('targetAdjusted', '调整指标值 调整后指标值 全年调整指标值 调整目标值 调整后目标值 全年调整目标值');
add('unit', '度量单位 计量单位 单位');
add(
  'actual',
  '实际完成值 完成值 全年完成值 全年实际完成值 实际值 实际完成 全年实际值 实际完成情况 完成情况 实际完成数',
);
add('weight', '分值 权重 指标权重 权重分值 标准分值 分数 满分 执行率权重 指标分值');
add('score', '得分 指标得分 自评得分 评分 实际得分 执行率得分 评价得分 自评分 指标自评得分');
add(
  'reason',
  '偏差原因分析及改进措施 未完成原因分析 原因 偏差原因 偏差原因分析 未完成原因 偏差原因及改进措施 原因分析 ' +
    '未完成原因分析及改进措施 原因分析及改进措施 偏差原因分析及整改措施 未完成原因及改进措施 偏差及原因',
);
add(
  'item',
  '项目资金 年度预算数 资金来源 预算资金 部门预算执行情况 资金类别 预算执行情况 项目资金情况 资金构成 资金项目',
);
add('initial', '年初预算数 年初预算 年初预算金额 年初数 年初批复预算数 年初预算批复数');
add(
  'adjusted',
  '全年预算数 调整后预算数 全年调整预算数 调整预算数 调整后预算 全年预算 预算数 调整后全年预算数 全年预算金额 调整后预算金额',
);
add('executed', '全年执行数 预算执行数 执行数 实际执行数 实际支出数 全年支出数 决算数 支出数 全年实际支出 实际支出');
add('rate', '执行率 预算执行率 全年执行率 资金执行率');
add('ignore', '得分系数 是否核心指标 核心指标 评分标准 指标解释 备注 指标说明 评分规则 计分方法 序号');

/** Header words by their first character's code, longest first: for matching inside glued text. */
const BY_FIRST = new Map<number, string[]>();
for (const word of Object.keys(WORDS).sort((a, b) => b.length - a.length)) {
  const list = BY_FIRST.get(word.charCodeAt(0)) ?? [];
  list.push(word);
  BY_FIRST.set(word.charCodeAt(0), list);
}

/**
 * The first and the second characters of the header words (every one has two or more). The
 * search for flattened forms asks at every character of a report, and one in seven starts
 * a header word's first character (项, 年, 全, 分…) but few its first two: two bit-table reads
 * answer them without a string, a map lookup and an empty array (flattened forms in our
 * fixtures, CPU: 668 → 495 µs by the first character alone).
 */
const FIRSTS = charSet(
  Object.keys(WORDS)
    .map((word) => word[0])
    .join(''),
);
const SECONDS = charSet(
  Object.keys(WORDS)
    .map((word) => word[1])
    .join(''),
);

/**
 * Where the first header word at or after `i` starts in text with no white space, or
 * `s.length`. Most characters of a report start none: two bit-table reads pass them over
 * (flattened forms in our fixtures, CPU: 651–675 → 150–180 µs with the changes in
 * flattened.ts; one regular expression of every header word took some 220 µs).
 *
 * @example
 *   nextHeaderWord('本年实际完成值', 0) // 2
 */
export function nextHeaderWord(s: string, i: number): number {
  for (let k = i; k < s.length; k++) {
    if (inSet(FIRSTS, s.charCodeAt(k)) && inSet(SECONDS, s.charCodeAt(k + 1)) && startsWord(s, k)) return k;
  }
  return s.length;
}

/** Whether a header word starts at `i` (its first character known to start one). */
function startsWord(s: string, i: number): boolean {
  for (const word of BY_FIRST.get(s.charCodeAt(i))!) if (s.startsWith(word, i)) return true;
  return false;
}

/** No header word here: one shared empty list. */
const NO_WORDS: ReadonlyArray<HeaderWord & { end: number }> = Object.freeze([]);

/**
 * The header words starting at `i` in text with no white space (a flattened form),
 * longest first, each with the bracketed note that may follow it (`项目资金（万元）`): its
 * role, end and unit. Glued headers are ambiguous (`执行率得分` is one word in one form
 * and two in another), so the reader tries them all.
 *
 * @example
 *   headerWordsAt('执行率得分', 0).map((w) => w.end) // [5, 3]
 */
export function headerWordsAt(s: string, i: number): ReadonlyArray<HeaderWord & { end: number }> {
  if (!inSet(FIRSTS, s.charCodeAt(i)) || !inSet(SECONDS, s.charCodeAt(i + 1))) return NO_WORDS;
  const out: Array<HeaderWord & { end: number }> = [];
  for (const word of BY_FIRST.get(s.charCodeAt(i))!) {
    if (!s.startsWith(word, i)) continue;
    let end = i + word.length;
    const note = /^[（(][^（()）]{1,8}[）)]/.exec(s.slice(end, end + 10));
    if (note) end += note[0].length;
    out.push({ role: WORDS[word]!, scale: note ? moneyScale(note[0]) : null, end });
  }
  return out;
}

/**
 * Reads a header cell: `年度指标值` → target, `全年（调整）预算数` → adjusted,
 * `项目资金（万元）` → item with scale 10000. `null` for wording no form uses.
 *
 * @example
 *   headerRole('指标权重（分）') // {role: 'weight', scale: null}
 */
export function headerRole(text: string): HeaderWord | null {
  let s = '';
  for (const ch of text) if (!/\s/.test(ch)) s += ch;
  if (!s) return null;
  const scale = moneyScale(s);
  const bare = s
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[（(]|[）)]/g, '')
    .replace(/[:：]$/, '')
    .replace(/^[A-Za-z0-9]+[.、．]/, '');
  const role = WORDS[bare] ?? guess(bare);
  return role ? { role, scale } : null;
}

/** Wordings not in the table, by the words they contain. */
function guess(s: string): Role | null {
  if (s.length > 16) return null;
  if (s.includes('系数') || s.includes('核心')) return 'ignore';
  if (s.endsWith('得分')) return 'score';
  if (s.includes('权重') || s.endsWith('分值')) return 'weight';
  if (s.includes('原因')) return 'reason';
  if (s.includes('执行率')) return 'rate';
  if (s.includes('执行数') || s.includes('支出数')) return 'executed';
  if (s.includes('预算')) {
    if (s.includes('年初')) return 'initial';
    if (s.includes('调整') || s.includes('全年')) return 'adjusted';
  }
  if (s.includes('完成值') || s.includes('完成数')) return 'actual';
  if (s.includes('指标值') || s.includes('目标值')) {
    if (s.includes('调整')) return 'targetAdjusted';
    if (s.includes('年初')) return 'targetInitial';
    return 'target';
  }
  if (s.endsWith('单位')) return 'unit';
  return null;
}

/**
 * The money unit a header or caption states, as a multiplier to yuan: `（万元）` and
 * `单位：万元` → 10000, `（元）` → 1; `null` when it states none.
 *
 * @example
 *   moneyScale('项目资金（万元）') // 10000
 */
export function moneyScale(text: string): number | null {
  if (text.includes('亿元')) return 1e8;
  if (text.includes('万元')) return 1e4;
  if (text.includes('千元')) return 1e3;
  if (/[（(]元[）)]|单位[:：]?元/.test(text)) return 1;
  return null;
}

/** 一级指标 wordings of the forms (and the budget-execution row that stands in their column). */
const LEVEL1: ReadonlySet<string> = new Set(
  (
    '产出指标 效益指标 满意度指标 成本指标 投入指标 过程指标 效果指标 管理指标 履职效能 履职效能指标 ' +
    '社会效应指标 能力建设指标 预算执行率 投入 过程 产出 效益 效果 满意度 影响力指标 决策 管理'
  ).split(' '),
);

/** 二级指标 wordings of the forms, longest first. */
const LEVEL2 = (
  '服务对象满意度指标 社会公众满意度指标 可持续影响指标 生态环境成本指标 经济效益指标 社会效益指标 生态效益指标 ' +
  '社会成本指标 经济成本指标 数量指标 质量指标 时效指标 成本指标'
).split(' ');

/**
 * The 一级 (level 1) or 二级 (level 2) label starting at `i` of glued text: the form's
 * wordings, or for level 2 any short run ending in 指标. Returns its end, or -1.
 *
 * @example
 *   levelAt('产出指标数量指标新建机耕道路', 4, 2) // 8
 */
export function levelAt(s: string, i: number, level: 1 | 2): number {
  if (level === 1) {
    for (const word of LEVEL1)
      if (word.endsWith('指标') || word === '预算执行率') if (s.startsWith(word, i)) return i + word.length;
    return -1;
  }
  for (const word of LEVEL2) if (s.startsWith(word, i)) return i + word.length;
  const m = /^[\u4e00-\u9fff]{2,7}?指标/.exec(s.slice(i, i + 9));
  return m && !isLevel1(m[0]) ? i + m[0].length : -1;
}

/** True when `text` is a 一级指标 label the forms use. */
export function isLevel1(text: string): boolean {
  return LEVEL1.has(text.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, ''));
}

/** 二级指标 wordings: the official ones, and anything else called `…指标` in a short label. */
export function isLevel2(text: string): boolean {
  const s = text.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, '');
  return LEVEL2.includes(s) || (!isLevel1(s) && s.length <= 12 && /指标$/.test(s));
}

/** Row labels that carry the form's total. */
const TOTAL = new Set(
  '总分 合计 总计 总得分 自评总分 综合得分 得分合计 分值合计 总分值 合计得分 综合评分 自评总得分'.split(' '),
);

/**
 * True when a row label or field names the total score (`总分`, `合 计`, `自评总分（分）`).
 *
 * @example
 *   isTotalLabel('合  计') // true
 */
export function isTotalLabel(text: string): boolean {
  return TOTAL.has(rowLabel(text));
}

/** A row label without white space, bracketed notes (`（分）`) and a closing colon. */
const rowLabel = (text: string) =>
  text
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[:：]$/, '');

/**
 * True when a row label names a subtotal (`小计`, `产出指标小计`, `效益小计`): a sum of the
 * rows above it, neither an indicator nor the form's total, so left out of every sum.
 *
 * @example
 *   isSubtotalLabel('产出指标小计') // true
 */
export function isSubtotalLabel(text: string): boolean {
  return /^[\u4e00-\u9fff]{0,8}小计$/.test(rowLabel(text));
}
