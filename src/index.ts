/**
 * jixiao: Chinese government performance self-evaluation reports (绩效自评报告) as a
 * typed, position-exact syntax tree.
 *
 * This entry is the browser-safe core: it imports nothing from `node:`.
 */
import { z } from 'zod';
import { ReportSchema } from './tree/schema.js';

export { parse, type ParseOptions } from './parse.js';
export { outline, sectionTitle, type OutlineEntry } from './outline/outline.js';
export { extract, type FigureRecord } from './extract/extract.js';
export { defaultFigureConfig } from './figures/config.js';
export { inferFiscalYear } from './figures/fiscal-year.js';
export type { FigureConfig, FigureContext, FigureParser, FigureRefiner, Found } from './figures/types.js';
export { check, recommended, DOCS_URL, type CheckOptions } from './check/check.js';
export { resolveSettings } from './check/settings.js';
export { applyFixes, fixOf, type Fix, type FixableMessage } from './check/fix.js';
export { JixiaoError, type JixiaoErrorCode, type JixiaoErrorDetails } from './errors.js';
export { ConfigSchema, configJsonSchema, type Config } from './check/config.js';
export { rules } from './check/rules/index.js';
export type { Rule, RuleContext, RuleSetting, Severity, SeverityInput, Locale, Wording } from './check/types.js';
export {
  profiles,
  detectProfile,
  matchProfile,
  resolveProfile,
  normalizeHeading,
  profileJsonSchema,
  type Profile,
  type ProfileInput,
  type ProfileMatch,
  type Slot,
} from './check/profiles/index.js';
export { ProfileSchema, SlotSchema } from './check/profiles/schema.js';
export { jixiaoParse, jixiaoLint, jixiaoStringify, remarkJixiao } from './unified/plugins.js';
export { toMarkdown, STRINGIFY } from './markdown/to-markdown.js';
export { toMdast, type MarkdownOptions } from './markdown/to-mdast.js';
// Registers the node types in mdast's content maps (types only: nothing runs).
export type {} from './tree/augment.js';
export * from './tree/schema.js';

/**
 * The JSON Schema (draft 2020-12) of the report tree, generated from the zod schemas.
 * Shipped as `jixiao/schema.json` for consumers that do not use TypeScript.
 *
 * @example
 *   const schema = reportJsonSchema(); schema.$schema // 'https://json-schema.org/draft/2020-12/schema'
 */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ReportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
