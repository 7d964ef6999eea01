// The table stage: finding tables in text, and reading self-evaluation forms into records.
// Not wired into the public entry yet (issue 11, phase 2 integrates it with the tree).
export { tableRecords, type RecordOptions } from './records.js';
export { textTables } from './text.js';
export { findTextTables, type TextTable, type TextCell, type Separator } from './text-tables.js';
export { findFlattenedTables, type FlatTable } from './flattened.js';
export { headerRole, type Role } from './headers.js';
export { readQuantity, readNumber, achieved, type Quantity } from './values.js';
export type { TableRecord, IndicatorRecord, BudgetRecord, TotalRecord, Comparator } from './types.js';
