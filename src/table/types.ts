/** How an indicator's target reads: at least, at most, exactly, or a qualitative (定性) wording. */
export type Comparator = '≥' | '≤' | '=' | '定性';

/**
 * Where a record came from: the table (0-based, in document order) and its row in that table,
 * and where the row stands in the input, as for figure records (`null` when not known: a grid
 * read on its own).
 */
interface Place {
  table: number;
  row: number;
  /** UTF-16 offsets of the row's cells in the input, end exclusive. */
  start: number | null;
  end: number | null;
  /** 1-based line and column of `start`. */
  line: number | null;
  column: number | null;
  /** The marker path of the enclosing sections (`二、`), as for figures. */
  section: string | null;
  sectionTitle: string | null;
}

/**
 * One performance indicator (绩效指标) row of a self-evaluation form. Labels are filled down
 * from merged or blank cells above, so every row carries its 一级/二级.
 */
export interface IndicatorRecord extends Place {
  kind: 'indicator';
  level1: string | null;
  level2: string | null;
  /** 三级指标 or 指标名称. */
  name: string;
  /** The target as one string: comparator + value + unit when the form splits them (`≥18000平方米`). */
  target: string;
  comparator: Comparator | null;
  targetValue: number | null;
  /** 实际完成值 / 完成值, with the unit column's unit when the cell holds a bare number. */
  actual: string;
  actualValue: number | null;
  unit: string | null;
  /** 分值 / 权重. */
  weight: number | null;
  /** 得分. */
  score: number | null;
  /** 偏差原因分析及改进措施 / 未完成原因分析, `''` when empty; `null` when the form has no such column. */
  reason: string | null;
  /** Whether the actual value meets the target (comparators respected); `null` when they cannot be compared. */
  achieved: boolean | null;
}

/** One budget row (项目资金 / 预算执行情况): amounts in yuan, whatever unit the header states. */
export interface BudgetRecord extends Place {
  kind: 'budget';
  /** 年度资金总额, 当年财政拨款 … without `其中：`. */
  item: string;
  initial: number | null;
  adjusted: number | null;
  executed: number | null;
  /** The execution rate as a percent number: as written, or executed ÷ adjusted when the cell is empty. */
  rate: number | null;
  /** True when `rate` is written in the form, false when it was computed. */
  rateStated: boolean;
  weight: number | null;
  score: number | null;
}

/** A form's total (总分 / 合计 rows, or a 自评总分 field). */
export interface TotalRecord extends Place {
  kind: 'total';
  weight: number | null;
  score: number | null;
}

export type TableRecord = IndicatorRecord | BudgetRecord | TotalRecord;
