/**
 * `jixiao/schema`: the zod schemas that define jixiao's types, and the JSON Schemas made
 * from them. Apart from the core (`jixiao`), which carries no zod: import this entry to
 * validate trees, profiles or configurations yourself.
 */
import { z } from 'zod';
import { ConfigSchema } from './check/config.js';
import { ProfileSchema } from './check/profiles/schema.js';
import { ReportSchema } from './tree/schema.js';

export {
  ApproxSchema,
  CountSchema,
  DateQualifierSchema,
  DateSchema,
  DirectionSchema,
  DocRefSchema,
  EventSchema,
  FieldSchema,
  FigureFlagSchema,
  FiscalYearSchema,
  FlowContentSchema,
  HtmlSchema,
  InlineLeafSchema,
  LabelKindSchema,
  LabelSchema,
  LeadSchema,
  ListItemSchema,
  ListSchema,
  MarkerInfoSchema,
  MarkerSchema,
  MarkerStyleSchema,
  MeasureSchema,
  MoneySchema,
  ParagraphSchema,
  PercentSchema,
  PhrasingSchema,
  PlaceholderKindSchema,
  PlaceholderSchema,
  PointSchema,
  PositionSchema,
  ReportDataSchema,
  ReportSchema,
  ReportTitleSchema,
  SectionSchema,
  SectionTitleSchema,
  TableCellSchema,
  TableRowSchema,
  TableSchema,
  TableSourceSchema,
  TemplateSchema,
  TextSchema,
  TocSchema,
  YamlSchema,
} from './tree/schema.js';
export { ProfileSchema, SlotSchema } from './check/profiles/schema.js';
export { ConfigSchema } from './check/config.js';

/**
 * The JSON Schema (draft 2020-12) of the report tree. Shipped as `jixiao/schema.json` for
 * consumers that do not use TypeScript.
 *
 * @example
 *   reportJsonSchema().$schema // 'https://json-schema.org/draft/2020-12/schema'
 */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ReportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

/**
 * The JSON Schema users validate their own profiles against (shipped as
 * `jixiao/profile.schema.json`).
 *
 * @example
 *   profileJsonSchema().required // ['id', 'name', 'slots']
 */
export function profileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ProfileSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}

/**
 * The JSON Schema of the configuration the core understands (profile, rules, locale,
 * maxWarnings); the CLI's configuration file adds options of its own.
 *
 * @example
 *   Object.keys(configJsonSchema().properties) // ['$schema', 'profile', 'rules', 'locale', 'maxWarnings']
 */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ConfigSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}
