import { expandGrid, type Grid, type GridCell, type Slot } from '../read/grid.js';
import { headerRole, isLevel1, isLevel2, isSubtotalLabel, isTotalLabel, moneyScale, type Role } from './headers.js';
import type { BudgetRecord, Comparator, IndicatorRecord, TableRecord, TotalRecord } from './types.js';
import {
  achieved,
  compact,
  impliedComparator,
  isBlank,
  natureComparator,
  readDate,
  readNumber,
  readQuantity,
} from './values.js';

/** Options of {@link tableRecords}. */
export interface RecordOptions {
  /**
   * Yuan per unit of budget amounts when neither the header nor a caption row states the
   * unit. Forms almost always count in 万元, so 10000 by default.
   */
  moneyScale?: number;
}

/** A section of a table: the rows under one header row, and what each column holds. */
interface Section {
  kind: 'indicator' | 'budget';
  /** Role of each column (from the header's own cells; `null` for covered or unknown ones). */
  roles: Array<Role | null>;
  /** First column of each role. */
  at: Partial<Record<Role, number>>;
  /** Yuan per budget unit. */
  scale: number;
  /** The header's text in each column, for budget rows that name no item (the header's label names it). */
  labels: string[];
  /** Labels of the last indicator row, for rows that leave them blank. */
  level1: string | null;
  level2: string | null;
  width: number;
}

/** What a row holds in one column: the text and where the covering cell starts relative to the row. */
interface Field {
  text: string;
  cell: GridCell | null;
  /** `own`: the cell starts here; `above`: a row span from above; `left`: a column span from the left. */
  origin: 'own' | 'above' | 'left' | 'none';
}

/**
 * The records of self-evaluation tables (a grid, or the grids of a document in order): one
 * per indicator row, budget row and total.
 * Columns are found from the header wording; tables without a known header give
 * nothing. A table with no header of its own that is as wide as the one before it
 * continues that one (a form broken across PDF pages).
 *
 * @example
 *   const row = (...texts: string[]) => texts.map((text) => ({text, rowSpan: 1, colSpan: 1}));
 *   const head = row('一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分');
 *   const grid = {rows: [head, row('产出指标', '数量指标', '新建机耕道路', '≥40公里', '36公里', '10', '8')]};
 *   tableRecords([grid])[0]
 *   // {kind: 'indicator', level1: '产出指标', name: '新建机耕道路', target: '≥40公里', comparator: '≥',
 *   //  targetValue: 40, actual: '36公里', actualValue: 36, unit: '公里', weight: 10, score: 8, achieved: false}
 */
export function tableRecords(grids: Grid | readonly Grid[], options: RecordOptions = {}): TableRecord[] {
  const list: readonly Grid[] = 'rows' in grids ? [grids] : grids;
  const out: TableRecord[] = [];
  let carry: Section | null = null;
  for (let t = 0; t < list.length; t++) carry = gridRecords(list[t]!, t, carry, options, out);
  return out;
}

function gridRecords(
  grid: Grid,
  table: number,
  carry: Section | null,
  options: RecordOptions,
  out: TableRecord[],
): Section | null {
  const slots = expandGrid(grid);
  const width = slots[0]?.length ?? 0;
  let section: Section | null = carry && carry.width === width ? carry : null;
  let caption: number | null = null;
  for (let r = 0; r < slots.length; r++) {
    const row = slots[r]!;
    const own = ownCells(row, r);
    if (own.every((c) => isBlank(c.text))) continue;
    const scale = caption ?? options.moneyScale ?? 1e4;
    // A row holding a figure is never a header: most rows are ruled out here, cheaply.
    const figures = own.some((c) => readNumber(c.text) !== null);
    const header = figures
      ? null
      : (readHeader(row, r, slots, scale) ?? (r > 0 ? twoRowHeader(slots, r, scale) : null));
    if (header) {
      section = header;
      continue;
    }
    // A caption row (`单位：万元`) states the unit for the budget rows below it.
    if (own.length === 1 && moneyScale(own[0]!.text) !== null) caption = moneyScale(own[0]!.text);
    const place = { table, row: r, ...span(own), ...NOWHERE };
    const label = own.find((c) => !isBlank(c.text))!.text;
    // 小计 sums the indicators above it: counted as one, every weight would count twice.
    // Under a budget header it sums amounts, and is a budget row like 合计.
    if (section?.kind !== 'budget' && isSubtotalLabel(label)) continue;
    if (isTotalLabel(label)) {
      // 合计 under a budget header sums the amounts: a budget row. Elsewhere it closes the form.
      const sum = section?.kind === 'budget' ? budgetRow(section, fields(grid, section, row, r), place) : null;
      const total = sum ? null : totalRow(section, fields(grid, section, row, r), own, place);
      if (sum) out.push(sum);
      else if (total && (total.weight !== null || total.score !== null)) out.push(total);
      if (!sum) section = null;
      continue;
    }
    if (!section) {
      const field = fieldTotal(own, place);
      if (field) out.push(field);
      continue;
    }
    if (grid.ragged && section.kind === 'budget') section = withItemColumn(section, own);
    const cells = fields(grid, section, row, r);
    const record =
      section.kind === 'indicator' ? indicatorRow(section, cells, place) : budgetRow(section, cells, place);
    if (record) out.push(record);
  }
  return section;
}

/** Roles of the amounts of a budget row. */
const AMOUNTS = new Set<Role>(['initial', 'adjusted', 'executed']);

/**
 * A budget header whose first column is an amount, under rows that open with their item
 * (`全年预算数 | 全年执行数 | 执行率` over `资金总额： | 300 | 285 | 95%`): copied text lost the
 * header's blank item cell. The section gains an item column at its left, for this row and
 * the rows after it.
 */
function withItemColumn(section: Section, own: GridCell[]): Section {
  const first = own.find((c) => !isBlank(c.text));
  if (section.at.item !== undefined || !first || readNumber(first.text) !== null) return section;
  if (!AMOUNTS.has(section.roles[0] ?? 'ignore')) return section;
  const at: Partial<Record<Role, number>> = { item: 0 };
  for (const [role, c] of Object.entries(section.at) as Array<[Role, number]>) at[role] = c + 1;
  return {
    ...section,
    roles: ['item', ...section.roles],
    at,
    labels: ['', ...section.labels],
  };
}

/** The cells that start in row `r`, left to right. */
function ownCells(row: Array<Slot | null>, r: number): GridCell[] {
  const cells: GridCell[] = [];
  for (let c = 0; c < row.length; c++) {
    const slot = row[c];
    if (slot && slot.row === r && slot.col === c) cells.push(slot.cell);
  }
  return cells;
}

/** What a grid alone cannot say: the tree stage fills it in (`formRows`). */
const NOWHERE = { line: null, column: null, section: null, sectionTitle: null };

function span(cells: GridCell[]): { start: number | null; end: number | null } {
  let start: number | null = null;
  let end: number | null = null;
  for (const cell of cells) {
    if (cell.start === undefined || cell.end === undefined) continue;
    if (start === null || cell.start < start) start = cell.start;
    if (end === null || cell.end > end) end = cell.end;
  }
  return { start, end };
}

/**
 * Reads row `r` as a header: indicator headers name a label column and a value or score
 * column; budget headers name two of 年初预算数 / 全年预算数 / 全年执行数. A row holding
 * a number is never a header.
 */
function readHeader(
  row: Array<Slot | null>,
  r: number,
  slots: Array<Array<Slot | null>>,
  fallbackScale: number,
): Section | null {
  const roles: Array<Role | null> = [];
  const labels: string[] = row.map((slot) => slot?.cell.text ?? '');
  const at: Partial<Record<Role, number>> = {};
  let known = 0;
  let texts = 0;
  let scale: number | null = null;
  for (let c = 0; c < row.length; c++) {
    const slot = row[c];
    if (!slot || slot.col !== c) {
      roles.push(null);
      continue;
    }
    const text = slot.cell.text;
    if (isBlank(text)) {
      roles.push(null);
      continue;
    }
    if (slot.row === r) {
      texts++;
      if (readNumber(text) !== null) return null;
    }
    const word = headerRole(text);
    scale ??= word?.scale ?? null;
    roles.push(word?.role ?? null);
    if (!word) continue;
    if (slot.row === r && word.role !== 'ignore') known++;
    at[word.role] ??= c;
  }
  const has = (...list: Role[]) => list.filter((role) => at[role] !== undefined).length;
  let kind: Section['kind'] | null = null;
  if (has('initial', 'adjusted', 'executed') >= 2 || (has('initial', 'adjusted', 'executed') === 1 && has('rate'))) {
    kind = 'budget';
  } else if (
    has('level1', 'level2', 'name') >= 1 &&
    has('weight', 'score', 'target', 'targetInitial', 'targetAdjusted', 'actual') >= 2
  ) {
    kind = 'indicator';
  }
  if (!kind || known < 3 || known * 5 < texts * 3) return null;
  // The unit may also stand in a caption row just above (`单位：万元`) or in a covering cell.
  for (let k = r - 1; scale === null && k >= 0 && k >= r - 2; k--) {
    for (const slot of slots[k]!) if (slot && scale === null) scale = moneyScale(slot.cell.text);
  }
  return { kind, roles, at, scale: scale ?? fallbackScale, labels, level1: null, level2: null, width: row.length };
}

/**
 * A header written over two rows, as copied text gives it: `绩效指标` over `一级指标 二级指标
 * 三级指标`, while `年度指标值 … 得分` stand in the row above (their merged cells lost).
 * Each column takes its text from the lower row, or from the upper one where that is blank.
 */
function twoRowHeader(slots: Array<Array<Slot | null>>, r: number, scale: number): Section | null {
  const upper = slots[r - 1]!;
  const lower = slots[r]!;
  if (ownCells(upper, r - 1).some((c) => readNumber(c.text) !== null)) return null;
  const merged: Array<Slot | null> = lower.map((slot, c) => {
    const below = slot && slot.row === r && slot.col === c && !isBlank(slot.cell.text) ? slot.cell : null;
    const cell = below ?? upper[c]?.cell ?? null;
    return cell ? { cell: below ?? { ...cell, rowSpan: 1, colSpan: 1 }, row: r, col: c } : null;
  });
  return readHeader(merged, r, slots, scale);
}

/** The row as one field per column, placed by the header for ragged rows. */
function fields(grid: Grid, section: Section | null, row: Array<Slot | null>, r: number): Field[] {
  if (grid.ragged && section) return align(section, ownCells(row, r));
  return row.map((slot, c) => {
    if (!slot) return { text: '', cell: null, origin: 'none' };
    const origin = slot.row === r && slot.col === c ? 'own' : slot.row < r ? 'above' : 'left';
    return { text: slot.cell.text.trim(), cell: slot.cell, origin };
  });
}

/**
 * Places the cells of a row that left some out (merged or blank cells dropped in copied
 * text): cells keep their order, and of the placements the one whose cells best fit their
 * columns' roles wins; leaving out a label column at the start or any column at the end
 * costs nothing, leaving one out in between costs a little.
 */
function align(section: Section, cells: GridCell[]): Field[] {
  const n = section.roles.length;
  let list = cells.slice();
  // Trailing blanks are the separators a copy pads every row with (`| 10 | |||`), not columns:
  // left in, a row of six values and four blanks would count as ten cells in place.
  while (list.length > 0 && isBlank(list[list.length - 1]!.text)) list.pop();
  if (list.length > n) list = list.slice(0, n);
  const m = list.length;
  // A row with every cell in place (most rows) needs no search.
  if (m === n) return list.map((cell) => ({ text: cell.text.trim(), cell, origin: 'own' }));
  const read = list.map((cell) => traits(cell.text));
  let lead = 0;
  while (lead < n && (section.roles[lead] === null || LABEL_LEAD.has(section.roles[lead]!))) lead++;
  // best[i][j]: the best score placing cells i.. into columns j.. (dynamic programming).
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(-Infinity));
  const take: boolean[][] = Array.from({ length: m + 1 }, () => new Array<boolean>(n + 1).fill(false));
  for (let j = 0; j <= n; j++) best[m]![j] = 0;
  for (let i = m - 1; i >= 0; i--) {
    for (let j = n - 1; j >= 0; j--) {
      const place = best[i + 1]![j + 1]! + fit(read[i]!, section.roles[j] ?? null);
      const skip = best[i]![j + 1]! - (i === 0 && j < lead ? 0 : 0.75);
      take[i]![j] = place >= skip;
      best[i]![j] = Math.max(place, skip);
    }
  }
  const out: Field[] = [];
  let i = 0;
  for (let j = 0; j < n; j++) {
    if (i < m && take[i]![j]) {
      const cell = list[i++]!;
      out.push({ text: cell.text.trim(), cell, origin: 'own' });
    } else out.push({ text: '', cell: null, origin: 'none' });
  }
  return out;
}

/** Roles whose cells a copied row may leave out at its start (they were merged down). */
const LABEL_LEAD = new Set<Role>(['outer', 'level1', 'level2', 'item']);

/** Units forms measure in. */
const UNITS =
  /^(?:%|％|‰|万?元(?:\/.+)?|万?人次?|个|次|场|所|年|月|天|日|小时|户|座|处|家|台|套|台（套）|万?亩|万?吨|册|盏|公里|千米|米|万?平方米|立方米|项|件|辆|批|篇|期|人天|分|只|头|株|棵|份|本|条|部|间|张)$/;

/** What a cell holds, read once per cell for {@link fit}. */
interface Traits {
  text: string;
  blank: boolean;
  number: boolean;
  /** A number with `%` or `‰`: an execution rate, never an amount, weight or score. */
  percent: boolean;
  valued: boolean;
  level1: boolean;
  level2: boolean;
}

function traits(text: string): Traits {
  return {
    text,
    blank: isBlank(text),
    number: readNumber(text) !== null,
    percent: readNumber(text) !== null && /[%％‰]\s*$/.test(text),
    valued: readQuantity(text).value !== null,
    level1: isLevel1(text),
    level2: isLevel2(text),
  };
}

/** How well a cell fits a column's role: positive fits, negative does not. */
function fit(cell: Traits, role: Role | null): number {
  if (cell.blank || role === null) return 0;
  const { text, number, percent, valued, level1, level2 } = cell;
  switch (role) {
    case 'weight':
    case 'score':
    case 'initial':
    case 'adjusted':
    case 'executed':
      return number && !percent ? 2 : -2;
    case 'rate':
      return percent ? 3 : number ? 1 : -2;
    case 'target':
    case 'targetInitial':
    case 'targetAdjusted':
    case 'actual':
      return valued ? 1 : level1 || level2 ? -2 : 0;
    case 'nature':
      return natureComparator(text) !== null ? 2 : -2;
    case 'unit':
      return UNITS.test(text) ? 2 : text.length <= 2 && !/\d/.test(text) ? 0.5 : -1;
    case 'level1':
      // 成本指标 is 一级 in some forms, 二级 in most: a word of both fits the 二级 column better.
      return level1 ? (level2 ? 1 : 2) : number || valued ? -2 : level2 ? -1 : 0;
    case 'level2':
      return level2 ? 2 : number || valued ? -2 : level1 ? -1 : 0;
    case 'name':
    case 'item':
    case 'outer':
      return number || valued ? -2 : level1 || level2 ? -1 : 1;
    case 'reason':
      return number ? -1 : 0;
    default:
      return 0;
  }
}

function fieldOf(section: Section, cells: Field[], role: Role): Field | null {
  const c = section.at[role];
  return c === undefined ? null : (cells[c] ?? null);
}

/** The text of a value field: blank unless the cell starts in this row (a spanning note is no value). */
function value(section: Section, cells: Field[], role: Role): string {
  const f = fieldOf(section, cells, role);
  return f && f.origin === 'own' && !isBlank(f.text) ? f.text : '';
}

function indicatorRow(section: Section, cells: Field[], place: Place): IndicatorRecord | null {
  // A cell spanning several value columns is a note across the form, not an indicator.
  const covering = new Set<GridCell>();
  for (const role of VALUE_ROLES) {
    const f = fieldOf(section, cells, role);
    if (f?.cell && f.origin !== 'own') {
      if (covering.has(f.cell)) return null;
      covering.add(f.cell);
    }
  }
  const f1 = fieldOf(section, cells, 'level1');
  const f2 = fieldOf(section, cells, 'level2');
  const fn = fieldOf(section, cells, 'name');
  const own1 = f1 && f1.origin !== 'left' && !isBlank(f1.text) ? f1.text : '';
  let level1: string | null = f1 ? own1 || section.level1 : null;
  const new1 = f1 !== null && f1.origin === 'own' && own1 !== '';
  let level2: string | null = null;
  if (f2) {
    if (f2.origin === 'left' && f2.cell === f1?.cell) level2 = null;
    else if (!isBlank(f2.text)) level2 = f2.text;
    else level2 = new1 ? null : section.level2;
  }
  let name = '';
  if (fn && fn.origin !== 'left' && !isBlank(fn.text)) name = fn.text;
  else if (fn && fn.origin === 'left' && fn.cell === f2?.cell && level2) name = level2;
  else if (f2 && f2.origin === 'own' && level2) name = level2;
  else if (new1 && own1) {
    // A row labelled only in the 一级 column (预算执行率) is an indicator of that name.
    name = own1;
    level2 = null;
  }
  if (fn === null && !name) name = level2 ?? level1 ?? '';
  // The budget-execution row (预算执行率) is labelled in the 一级 column, however copied.
  if (isLevel1(name) && name === '预算执行率') {
    level1 = name;
    level2 = null;
  }
  const targetText =
    value(section, cells, 'targetAdjusted') ||
    value(section, cells, 'target') ||
    value(section, cells, 'targetInitial');
  const actualText = value(section, cells, 'actual');
  const weight = readNumber(value(section, cells, 'weight'));
  const score = readNumber(value(section, cells, 'score'));
  if (!name || (!targetText && !actualText && weight === null && score === null)) return null;
  if (f1) section.level1 = level1;
  if (f2) section.level2 = level2;
  if (!f1) level1 = null;

  const unitText = value(section, cells, 'unit');
  const nature = natureComparator(value(section, cells, 'nature'));
  const tq = readQuantity(targetText);
  const aq = readQuantity(actualText);
  // A number with no sign is a floor, or a ceiling for a cost or a limit (`impliedComparator`).
  const implied = () => impliedComparator(level2, name, targetText);
  const comparator: Comparator | null =
    nature ?? (tq.value !== null ? (tq.comparator ?? implied()) : targetText ? (tq.comparator ?? '定性') : null);
  const bare = (q: typeof tq) => q.value !== null && q.comparator === null && q.unit === '';
  let target = targetText;
  if (bare(tq) && nature && nature !== '定性') target = (nature === '=' ? '' : nature) + targetText + unitText;
  else if (bare(tq) && unitText) target = targetText + unitText;
  const actual = bare(aq) && unitText ? actualText + unitText : actualText;
  // A deadline's row counts no unit: `9月底` done is a date, not nine 月底.
  const unit = unitText || tq.unit || (readDate(targetText)?.deadline ? null : aq.unit) || null;
  return {
    kind: 'indicator',
    level1,
    level2,
    name,
    target,
    comparator,
    targetValue: tq.value,
    actual,
    actualValue: aq.value,
    unit,
    weight,
    score,
    reason: section.at.reason === undefined ? null : value(section, cells, 'reason'),
    achieved: achieved(
      { comparator: comparator === '定性' ? null : comparator, value: tq.value, unit: tq.unit || unitText },
      { comparator: null, value: aq.value, unit: aq.unit || unitText },
      targetText,
      actualText,
    ),
    ...place,
  };
}

const VALUE_ROLES: Role[] = ['target', 'targetInitial', 'targetAdjusted', 'actual', 'weight', 'score'];

type Place = Pick<TableRecord, 'table' | 'row' | 'start' | 'end' | 'line' | 'column' | 'section' | 'sectionTitle'>;

function budgetRow(section: Section, cells: Field[], place: Place): BudgetRecord | null {
  const amount = (role: Role) => {
    const n = readNumber(value(section, cells, role));
    return n === null ? null : Math.round(n * section.scale * 100) / 100;
  };
  const initial = amount('initial');
  const adjusted = amount('adjusted');
  const executed = amount('executed');
  if (initial === null && adjusted === null && executed === null) return null;
  // The item is the last text left of the amounts: its own cell, or the label covering it.
  const first = Math.min(
    section.at.initial ?? Infinity,
    section.at.adjusted ?? Infinity,
    section.at.executed ?? Infinity,
  );
  let item = '';
  for (let c = 0; c < first && c < cells.length; c++) {
    const f = cells[c]!;
    if (f.origin === 'own' && !isBlank(f.text)) item = f.text;
  }
  if (!item) {
    // Else the label covering the item column, or the header's (部门预算执行情况（万元）), unit dropped.
    for (let c = first - 1; c >= 0 && !item; c--) if (!isBlank(cells[c]?.text ?? '')) item = cells[c]!.text;
    for (let c = first - 1; c >= 0 && !item; c--) if (!isBlank(section.labels[c] ?? '')) item = section.labels[c]!;
    item = item.replace(/[（(][^）)]*[）)]/g, '');
  }
  item = item
    .replace(/^其中\s*[:：]?\s*/, '')
    .replace(/\s*[:：]\s*$/, '')
    .trim();
  let rate = readNumber(value(section, cells, 'rate'));
  const rateStated = rate !== null;
  const base = adjusted ?? initial;
  if (rate === null && executed !== null && base) rate = Math.round((executed / base) * 10000) / 100;
  return {
    kind: 'budget',
    item,
    initial,
    adjusted,
    executed,
    rate,
    rateStated,
    weight: readNumber(value(section, cells, 'weight')),
    score: readNumber(value(section, cells, 'score')),
    ...place,
  };
}

function totalRow(section: Section | null, cells: Field[], own: GridCell[], place: Place): TotalRecord {
  let weight: number | null = null;
  let score: number | null = null;
  if (section && !section.roles.every((role) => role === null)) {
    weight = readNumber(value(section, cells, 'weight'));
    score = readNumber(value(section, cells, 'score'));
  }
  if (weight === null && score === null) {
    // Copied rows lose their blank cells: the numbers, in order, are the weight and the score.
    const numbers = own.map((c) => readNumber(c.text)).filter((n): n is number => n !== null);
    if (numbers.length >= 2) [weight, score] = numbers.slice(-2) as [number, number];
    else score = numbers[0] ?? null;
  }
  return { kind: 'total', weight, score, ...place };
}

/** Labels of a total given as a field (`自评总分（分） | 95.6`), beyond the row labels. */
const FIELD = new Set(['自评得分', '项目自评得分', '绩效自评得分', '评价得分', '自评分数', '部门自评得分']);

function fieldTotal(own: GridCell[], place: Place): TotalRecord | null {
  for (let i = 0; i + 1 < own.length; i++) {
    const label = compact(own[i]!.text).replace(/[（(][^）)]*[）)]/g, '');
    if (!isTotalLabel(own[i]!.text) && !FIELD.has(label)) continue;
    const score = readNumber(own[i + 1]!.text);
    if (score !== null) return { kind: 'total', weight: null, score, ...place };
  }
  return null;
}
