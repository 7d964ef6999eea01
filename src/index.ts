/**
 * jixiao: Chinese government performance self-evaluation reports (绩效自评报告) as a
 * typed, position-exact syntax tree.
 *
 * This entry is the browser-safe core: it imports nothing from `node:` and carries no zod
 * (the node types are defined by zod schemas, imported here as types only; the schemas
 * ship from `jixiao/schema`) and no Markdown parser or writer (Markdown both ways, with the
 * unified plugins for it, ship from `jixiao/markdown`).
 */
export { parse } from './parse/parse.js';
export type { ParseOptions } from './parse/options.js';
export { outline, sectionTitle, type OutlineEntry } from './outline/outline.js';
export { extract, indicators, RECORD_FIELDS, type ExtractRecord, type FigureRecord } from './extract/extract.js';
export type { BudgetRecord, Comparator, IndicatorRecord, TableRecord, TotalRecord } from './table/types.js';
export { defaultFigureConfig } from './figures/config.js';
export { inferFiscalYear } from './figures/fiscal-year.js';
export type { FigureConfig, FigureContext, FigureParser, FigureRefiner, Found } from './figures/types.js';
export { check, recommended, DOCS_URL, type CheckOptions } from './check/check.js';
export { resolveSettings } from './check/settings.js';
export { applyFixes, fixOf, type Fix, type FixableMessage } from './check/fix.js';
export { JixiaoError, type JixiaoErrorCode, type JixiaoErrorDetails } from './errors.js';
export type { Config } from './check/config.js';
export { rules } from './check/rules/index.js';
export type { OptionSpec, OptionSpecs, OptionsOf } from './check/options.js';
export type {
  Rule,
  RuleContext,
  ReportExtra,
  RuleSetting,
  Severity,
  SeverityInput,
  Locale,
  Wording,
} from './check/types.js';
export {
  profiles,
  detectProfile,
  matchProfile,
  resolveProfile,
  normalizeHeading,
  type Profile,
  type ProfileInput,
  type ProfileMatch,
  type Slot,
} from './check/profiles/index.js';
export { jixiaoParse, jixiaoLint } from './unified/plugins.js';
export type {
  Approx,
  Count,
  DateFigure,
  DateQualifier,
  Direction,
  DocRef,
  Event,
  Field,
  Figure,
  FigureFlag,
  FiscalYear,
  FlowContent,
  HtmlNode,
  InlineLeaf,
  Label,
  LabelKind,
  Lead,
  ListItemNode,
  ListNode,
  Marker,
  MarkerInfo,
  MarkerStyle,
  Measure,
  Money,
  ParagraphNode,
  Percent,
  Phrasing,
  Placeholder,
  PlaceholderKind,
  Point,
  Position,
  Report,
  ReportData,
  ReportNode,
  ReportTitle,
  Section,
  SectionTitle,
  TableCellNode,
  TableNode,
  TableRowNode,
  TableSource,
  Template,
  TextNode,
  Toc,
  YamlNode,
} from './tree/schema.js';
