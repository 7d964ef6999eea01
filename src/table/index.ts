export { tableRecords, type RecordOptions } from './records.js';
export { findTextTables, type TextTable, type TextCell, type Separator } from './text-tables.js';
export { headerRole, type Role } from './headers.js';
export { readQuantity, readNumber, achieved } from './values.js';
export type { TableRecord, IndicatorRecord, BudgetRecord, TotalRecord, Comparator } from './types.js';
export { docxTableGrid, type MammothElement } from '../read/docx-table.js';
export { expandGrid, joinLines, closeUp, type Grid, type GridCell } from '../read/grid.js';
export { textTables as textGrids } from './text.js';
export { findFlattenedTables, type FlatTable } from './flattened.js';
export {
  pdfRulings,
  pdfPageBlocks,
  type PdfTextItem,
  type PdfSegment,
  type PdfBlock,
  type PdfTable,
} from '../read/pdf-grid.js';
