/**
 * The report syntax tree, as zod schemas. Every public node type is defined by these
 * schemas (`interface Money extends z.infer<typeof MoneySchema> {}`), and the JSON Schema
 * shipped as `jixiao/schema.json` is generated from them, so the three cannot drift apart.
 *
 * The core imports this module for its types only (type imports are erased): zod is not
 * part of the runtime core. The schemas themselves ship from `jixiao/schema`.
 *
 * Names that mdast also exports (`Text`, `Paragraph`, `List`, `ListItem`, `Html`, `Yaml`,
 * `Node`) take a `Node` suffix here (`TextNode`, …, `ReportNode`), so a program can import
 * both without renaming.
 *
 * The tree is unist-compatible: every node has a `type` and a `position` whose
 * offsets are UTF-16 indices into the ORIGINAL input (end exclusive).
 */
import { z } from 'zod';

/** One place in the source: 1-based line and column, 0-based UTF-16 offset. */
export const PointSchema = z.object({
  line: z.number().int().min(1).describe('1-based line'),
  column: z.number().int().min(1).describe('1-based column, in UTF-16 code units'),
  offset: z.number().int().min(0).describe('0-based UTF-16 offset into the original input'),
});

/** Where a node is: `input.slice(start.offset, end.offset)` is exactly its source. */
export const PositionSchema = z.object({ start: PointSchema, end: PointSchema });

const positioned = { position: PositionSchema };

/** How a heading or list marker is written. Ranks follow GB/T 9704: 一、 → （一） → 1. → （1） → ①. */
export const MarkerStyleSchema = z
  .enum([
    'part', // 第一部分
    'cjk', // 一、 一. 一．
    'cjk-paren', // （一） (一) （一) ㈠
    'arabic', // 1. 1、 1． 1,
    'decimal', // 1.1 1.2.3
    'arabic-paren', // （1） (1) 1) 1）
    'circled', // ① ⑳
    'enumeration', // 一是 二是 (inline lists only)
    'none', // a Markdown heading with no numbering
  ])
  .describe('the numbering style of a marker');

/** A marker as read: what was written, its style and the number it stands for. */
export const MarkerInfoSchema = z.object({
  raw: z.string().describe('the marker exactly as written, e.g. `2、` or `（一）`'),
  style: MarkerStyleSchema,
  ordinal: z.number().int().min(0).describe('the number the marker stands for (`（三）` → 3)'),
});

/** Kinds of "nothing here" that a section body can be. */
export const PlaceholderKindSchema = z
  .enum([
    'withheld', // 保密, 涉密: content exists but is not published
    'none', // 无, 暂无, 不涉及, /, —: the author says there is nothing
    'omitted', // 略: the author left it out
    'template', // template instructions left in place: （200字以内）, 结合自评情况，说明…
    'empty', // nothing at all
  ])
  .describe('what a placeholder says about the missing content');

// ---------------------------------------------------------------------------
// Phrasing content (leaves and inline wrappers)

/** Plain text, exactly as in the source (`value === input.slice(start, end)`). */
export const TextSchema = z.object({ type: z.literal('text'), value: z.string(), ...positioned });

/** A heading or list-item marker (`一、`, `（一）`, `一是`), exactly as written. */
export const MarkerSchema = z.object({ type: z.literal('marker'), value: z.string(), ...positioned });

/** Template instructions or tokens left in a report (`（200字以内）`, `20xx`, `□`). */
export const TemplateSchema = z.object({ type: z.literal('template'), value: z.string(), ...positioned });

// ---------------------------------------------------------------------------
// Figures: leaves whose `value` is the source text as written, with what it means.

/** Qualifiers of a stated number: 余/多/以上/逾/超过 (over), 约/左右/上下 (about), 近/不足/不到/以下 (under). */
export const ApproxSchema = z.enum(['over', 'about', 'under']);

/** The change a number reports, from the word right before it: 增长/提高 (increase), 下降/减少 (decrease). */
export const DirectionSchema = z.enum(['increase', 'decrease']);

/**
 * What a reader should know about how a figure was read: `ocr`, digits repaired from look-alike
 * letters (`2O21年`, `2021年I月`); `overflow`, a number no double holds exactly (its value is absent,
 * its text keeps every digit).
 */
export const FigureFlagSchema = z.enum(['ocr', 'overflow']);

const flags = z.array(FigureFlagSchema).optional().describe('how the figure was read, where it matters');

const quantity = {
  amount: z.number().optional().describe('the stated number in base units (yuan for money); absent for a range'),
  min: z.number().optional().describe('lower bound, for ranges (`2-3个`) and qualified numbers (`20余万元`)'),
  max: z.number().optional().describe('upper bound, for ranges and numbers stated as a ceiling (`不足10人`)'),
  approx: ApproxSchema.optional(),
  unit: z.string().describe('the unit as written: 万元, 名, %, 个百分点, 亩'),
  direction: DirectionSchema.optional().describe(
    'the change word right before the number: `增长5%` increase, `下降2%` decrease (the value keeps the sign as written)',
  ),
  flags,
};

/** An amount of money: `1342.23万元`, `20余万元`, `三千二百万元`, `2至3万元`, `壹佰万元整`. */
export const MoneySchema = z.object({
  type: z.literal('money'),
  value: z.string(),
  ...quantity,
  currency: z.string().describe('ISO 4217 code: CNY unless the text says 美元, 港元 …'),
  ...positioned,
});

/** A count of things: `2名`, `两个`, `70余个`, `1.2万人`, `2-3个`. */
export const CountSchema = z.object({
  type: z.literal('count'),
  value: z.string(),
  ...quantity,
  subject: z.string().optional().describe('what is counted, where plain: `2名党外干部` → 党外干部'),
  ...positioned,
});

/** A percentage: `98.5%`, `百分之九十`, `2.5个百分点` (unit 个百分点), `0.07‰`. */
export const PercentSchema = z.object({ type: z.literal('percent'), value: z.string(), ...quantity, ...positioned });

/** A physical measure or a duration: `1.2万亩`, `1000㎡`, `860吨`, `3个月`, `2天`. */
export const MeasureSchema = z.object({ type: z.literal('measure'), value: z.string(), ...quantity, ...positioned });

/** How a date relates to the point it names: `10月前` → before, `年底` → end, `5月上旬` → early. */
export const DateQualifierSchema = z.enum([
  'before',
  'after',
  'since',
  'until',
  'start',
  'mid',
  'end',
  'early',
  'late',
]);

/** A calendar expression: `2019年06月18日`, `9月7日`, `今年4月`, `2021年度`, `上半年`. */
export const DateSchema = z.object({
  type: z.literal('date'),
  value: z.string(),
  iso: z
    .string()
    .optional()
    .describe(
      'ISO form of the calendar point as written (`2020-09-07`, `2020-04`, `2020`; `2020-H1`, `2020-Q3` for periods); absent when no year can be known or the date is impossible',
    ),
  known: z
    .object({ year: z.number().optional(), month: z.number().optional(), day: z.number().optional() })
    .describe('what the text states'),
  implied: z.object({ year: z.number().optional() }).describe('what was inferred: the year, from the report'),
  yearInferred: z.boolean().describe('the year was not written but taken from the report (`9月7日`, `今年4月`)'),
  qualifier: DateQualifierSchema.optional(),
  period: z.enum(['H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4']).optional().describe('a half or a quarter of the year'),
  valid: z.boolean().describe('false for impossible dates such as `2月30日` or `13月`'),
  flags,
  ...positioned,
});

/** An official document number: `邵东办字[2020]41号`, `财预〔2020〕10号`. */
export const DocRefSchema = z.object({
  type: z.literal('docRef'),
  value: z.string(),
  issuer: z.string().describe('the issuing agency code: 财预, 邵东办字'),
  year: z.number().int().optional().describe('absent for numbers that state none (`国务院令第649号`)'),
  number: z.number().int().optional(),
  numbers: z
    .array(z.number().int())
    .optional()
    .describe('every serial number when one reference lists several (`保财教[2021]41、181、193号`)'),
  ...positioned,
});

/** Inline content that is a leaf. */
export const InlineLeafSchema = z.discriminatedUnion('type', [
  TextSchema,
  TemplateSchema,
  MoneySchema,
  CountSchema,
  PercentSchema,
  MeasureSchema,
  DateSchema,
  DocRefSchema,
]);

/** A clause headed by a date (`9月7日，邀请了…上党课；`): the date and what happened, together. */
export const EventSchema = z.object({
  type: z.literal('event'),
  children: z.array(InlineLeafSchema),
  ...positioned,
});

/** The lead-in title of a list item: `一是加强理论武装。` → `加强理论武装`. */
export const LeadSchema = z.object({
  type: z.literal('lead'),
  children: z.array(InlineLeafSchema),
  ...positioned,
});

export const PhrasingSchema = z.discriminatedUnion('type', [...InlineLeafSchema.options, LeadSchema, EventSchema]);

// ---------------------------------------------------------------------------
// Blocks

/** The document title; one text child per source line when it spans lines. */
export const ReportTitleSchema = z.object({
  type: z.literal('reportTitle'),
  children: z.array(InlineLeafSchema),
  ...positioned,
});

/** Kinds of short lines around the title that are not prose. */
export const LabelKindSchema = z.enum([
  'attachment', // 附件2-3
  'docNumber', // 临市退军发[2024]6号
  'pageNumber', // —23—
  'chrome', // 浏览次数: 来源: … (web page furniture), (此页为封面)
  'date', // 2025年 6 月 16日 on the cover
  'subtitle', // (2024年度), (林业专项行动经费项目)
  'repeat', // the title written again (cover page, page header)
  'issuer', // 淳安县财政局(制), an addressee or signing unit
]);

/** A short non-prose line near the title. */
export const LabelSchema = z.object({
  type: z.literal('label'),
  kind: LabelKindSchema,
  children: z.array(InlineLeafSchema),
  ...positioned,
});

/** A cover field such as `报告日期:2019年06月18日`; `key` and `value` are normalised. */
export const FieldSchema = z.object({
  type: z.literal('field'),
  key: z.string().describe('the field name without spaces, e.g. 部门(单位)名称'),
  value: z.string().describe('the field value, trimmed'),
  children: z.array(InlineLeafSchema),
  ...positioned,
});

/** A table of contents; its entries are not sections. */
export const TocSchema = z.object({
  type: z.literal('toc'),
  children: z.array(InlineLeafSchema),
  ...positioned,
});

/** An HTML comment on a line of its own, such as a `<!--jixiao disable rule-id-->` directive. */
export const HtmlSchema = z.object({ type: z.literal('html'), value: z.string(), ...positioned });

/** YAML front matter at the top of a Markdown report (`---` … `---`). */
export const YamlSchema = z.object({ type: z.literal('yaml'), value: z.string(), ...positioned });

/** Ordinary prose. */
export const ParagraphSchema = z.object({
  type: z.literal('paragraph'),
  children: z.array(PhrasingSchema),
  ...positioned,
});

/** A section body (or annex) that says only `保密`, `无`, `略`, `/`, or leaves template text. */
export const PlaceholderSchema = z.object({
  type: z.literal('placeholder'),
  kind: PlaceholderKindSchema,
  value: z.string().describe('the placeholder exactly as written'),
  ...positioned,
});

/** One item of an enumeration: `一是…`, `（1）…`, `①…`, or a numbered sentence. */
export const ListItemSchema = z.object({
  type: z.literal('listItem'),
  marker: MarkerInfoSchema,
  title: z.string().optional().describe('the lead-in title, when the item has one'),
  children: z.array(z.discriminatedUnion('type', [MarkerSchema, ...PhrasingSchema.options])),
  ...positioned,
});

/** An enumeration: inline (`一是…二是…` inside a paragraph) or one item per line. */
export const ListSchema = z.object({
  type: z.literal('list'),
  style: MarkerStyleSchema,
  inline: z.boolean().describe('true when the items run together inside one paragraph'),
  children: z.array(ListItemSchema),
  ...positioned,
});

/** The head of a section: its marker, then its title. */
export const SectionTitleSchema = z.object({
  type: z.literal('sectionTitle'),
  children: z.array(z.discriminatedUnion('type', [MarkerSchema, ...InlineLeafSchema.options])),
  ...positioned,
});

/** A cell of a table: its content as phrasing, figures recognised within the cell (none crosses a cell boundary). */
export const TableCellSchema = z.object({
  type: z.literal('tableCell'),
  rowSpan: z.number().int().min(2).optional().describe('rows the cell covers, when more than one (a merged cell)'),
  colSpan: z.number().int().min(2).optional().describe('columns the cell covers, when more than one'),
  children: z.array(InlineLeafSchema),
  ...positioned,
});

/** A row of a table: the cells that start in it, left to right (a slot covered by a span from above has none). */
export const TableRowSchema = z.object({
  type: z.literal('tableRow'),
  children: z.array(TableCellSchema),
  ...positioned,
});

/** Where a table came from: a GFM table, a Word or PDF table, text lines (tabs, `|`, spaces), or a flattened form. */
export const TableSourceSchema = z
  .enum(['gfm', 'docx', 'pdf', 'tab', 'pipe', 'spaces', 'flattened'])
  .describe('how the table was written in the input');

/**
 * A table, shaped like mdast's GFM table (`table` → `tableRow` → `tableCell`), plus merged cells
 * (`rowSpan`/`colSpan`). Self-evaluation forms (自评表) are tables; `indicators()` reads their rows.
 */
export const TableSchema = z.object({
  type: z.literal('table'),
  align: z
    .array(z.enum(['left', 'right', 'center']).nullable())
    .optional()
    .describe('column alignment, as GFM writes it (`:--`, `:-:`, `--:`)'),
  source: TableSourceSchema.optional(),
  page: z.number().int().min(1).optional().describe('the PDF page the table starts on'),
  children: z.array(TableRowSchema),
  ...positioned,
});

/** A numbered section: its head, then everything up to the next heading of its depth or above. */
export const SectionSchema = z.object({
  type: z.literal('section'),
  depth: z.number().int().min(1).describe('1 = top level'),
  marker: MarkerInfoSchema,
  runIn: z.boolean().describe('true when the body starts on the heading line (`（一）标题。正文…`)'),
  placeholder: PlaceholderKindSchema.optional().describe('set when the whole body is a placeholder or empty'),
  // The annotation breaks the type-level cycle section → flow content → section.
  get children(): z.ZodTuple<[typeof SectionTitleSchema], FlowContentUnion> {
    return z.tuple([SectionTitleSchema], FlowContentSchema);
  },
  ...positioned,
});

type FlowContentUnion = z.ZodDiscriminatedUnion<
  [
    typeof ReportTitleSchema,
    typeof LabelSchema,
    typeof FieldSchema,
    typeof TocSchema,
    typeof ParagraphSchema,
    typeof PlaceholderSchema,
    typeof ListSchema,
    typeof TableSchema,
    typeof HtmlSchema,
    typeof YamlSchema,
    typeof SectionSchema,
  ],
  'type'
>;

/** Anything that can stand in the report or in a section body. */
export const FlowContentSchema: FlowContentUnion = z.discriminatedUnion('type', [
  ReportTitleSchema,
  LabelSchema,
  FieldSchema,
  TocSchema,
  ParagraphSchema,
  PlaceholderSchema,
  ListSchema,
  TableSchema,
  HtmlSchema,
  YamlSchema,
  SectionSchema,
]);

/** The fiscal year the report covers, and why jixiao believes it. */
export const FiscalYearSchema = z.object({
  year: z.number().int(),
  source: z.enum(['option', 'frontmatter', 'title', 'cover', 'text', 'docRef']).describe('where the year came from'),
  evidence: z.string().describe('the text that gave it away: `2020年度`, `邵东办字[2020]41号`'),
});

/** What the parser learnt about the report as a whole. */
export const ReportDataSchema = z.object({
  format: z
    .enum(['text', 'markdown'])
    .optional()
    .describe('the input: Markdown (even when its blocks are read by the text rules) or text'),
  fiscalYear: FiscalYearSchema.optional(),
  title: z.string().optional().describe('the title, its lines joined'),
  subtitle: z.string().optional(),
  attachment: z.string().optional().describe('the attachment label above the title, e.g. 附件2-3'),
  fields: z
    .array(z.object({ key: z.string(), value: z.string() }))
    .describe('cover fields in document order, e.g. {key: "报告日期", value: "2019年06月18日"}'),
});

/** The root. */
export const ReportSchema = z.object({
  type: z.literal('report'),
  data: ReportDataSchema,
  children: z.array(FlowContentSchema),
  ...positioned,
});

// ---------------------------------------------------------------------------
// Types: named interfaces defined by the schemas. A parent's `children` are restated with
// the named types (so messages and hovers say `Section`, not its expansion); `Same`
// checks each restatement against the schema at compile time.

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Children<S extends z.ZodType> = z.infer<S> extends { children: infer C } ? C : never;

export interface Point extends z.infer<typeof PointSchema> {}
export interface Position extends z.infer<typeof PositionSchema> {}
export type MarkerStyle = z.infer<typeof MarkerStyleSchema>;
export interface MarkerInfo extends z.infer<typeof MarkerInfoSchema> {}
export type PlaceholderKind = z.infer<typeof PlaceholderKindSchema>;
export type Approx = z.infer<typeof ApproxSchema>;
export type DateQualifier = z.infer<typeof DateQualifierSchema>;
export type LabelKind = z.infer<typeof LabelKindSchema>;
export type Direction = z.infer<typeof DirectionSchema>;
export type FigureFlag = z.infer<typeof FigureFlagSchema>;

/** Plain text (`text`). Named so as not to clash with mdast's `Text`. */
export interface TextNode extends z.infer<typeof TextSchema> {}
export interface Marker extends z.infer<typeof MarkerSchema> {}
export interface Template extends z.infer<typeof TemplateSchema> {}
export interface Money extends z.infer<typeof MoneySchema> {}
export interface Count extends z.infer<typeof CountSchema> {}
export interface Percent extends z.infer<typeof PercentSchema> {}
export interface Measure extends z.infer<typeof MeasureSchema> {}
/** A date (`date`). Named so as not to clash with the global `Date`. */
export interface DateFigure extends z.infer<typeof DateSchema> {}
export interface DocRef extends z.infer<typeof DocRefSchema> {}
/** Any figure node. */
export type Figure = Money | Count | Percent | Measure | DateFigure | DocRef;
/** Inline content that is a leaf. */
export type InlineLeaf = TextNode | Template | Figure;

export interface Event extends Omit<z.infer<typeof EventSchema>, 'children'> {
  children: InlineLeaf[];
}
export interface Lead extends Omit<z.infer<typeof LeadSchema>, 'children'> {
  children: InlineLeaf[];
}
export type Phrasing = InlineLeaf | Lead | Event;

export interface ReportTitle extends Omit<z.infer<typeof ReportTitleSchema>, 'children'> {
  children: InlineLeaf[];
}
export interface Label extends Omit<z.infer<typeof LabelSchema>, 'children'> {
  children: InlineLeaf[];
}
export interface Field extends Omit<z.infer<typeof FieldSchema>, 'children'> {
  children: InlineLeaf[];
}
export interface Toc extends Omit<z.infer<typeof TocSchema>, 'children'> {
  children: InlineLeaf[];
}
/** An HTML comment (`html`). Named so as not to clash with mdast's `Html`. */
export interface HtmlNode extends z.infer<typeof HtmlSchema> {}
/** YAML front matter (`yaml`). Named so as not to clash with mdast's `Yaml`. */
export interface YamlNode extends z.infer<typeof YamlSchema> {}
/** A paragraph (`paragraph`). Named so as not to clash with mdast's `Paragraph`. */
export interface ParagraphNode extends Omit<z.infer<typeof ParagraphSchema>, 'children'> {
  children: Phrasing[];
}
export interface Placeholder extends z.infer<typeof PlaceholderSchema> {}
/** A list item (`listItem`). Named so as not to clash with mdast's `ListItem`. */
export interface ListItemNode extends Omit<z.infer<typeof ListItemSchema>, 'children'> {
  children: Array<Marker | Phrasing>;
}
/** A list (`list`). Named so as not to clash with mdast's `List`. */
export interface ListNode extends Omit<z.infer<typeof ListSchema>, 'children'> {
  children: ListItemNode[];
}
/** A table cell (`tableCell`). Named so as not to clash with mdast's `TableCell`. */
export interface TableCellNode extends Omit<z.infer<typeof TableCellSchema>, 'children'> {
  children: InlineLeaf[];
}
/** A table row (`tableRow`). Named so as not to clash with mdast's `TableRow`. */
export interface TableRowNode extends Omit<z.infer<typeof TableRowSchema>, 'children'> {
  children: TableCellNode[];
}
export type TableSource = z.infer<typeof TableSourceSchema>;
/** A table (`table`). Named so as not to clash with mdast's `Table`. */
export interface TableNode extends Omit<z.infer<typeof TableSchema>, 'children'> {
  children: TableRowNode[];
}
export interface SectionTitle extends Omit<z.infer<typeof SectionTitleSchema>, 'children'> {
  children: Array<Marker | InlineLeaf>;
}
export interface Section extends Omit<z.infer<typeof SectionSchema>, 'children'> {
  children: [SectionTitle, ...FlowContent[]];
}
/** Anything that can stand in the report or in a section body. */
export type FlowContent =
  | ReportTitle
  | Label
  | Field
  | Toc
  | ParagraphNode
  | Placeholder
  | ListNode
  | TableNode
  | HtmlNode
  | YamlNode
  | Section;
export interface FiscalYear extends z.infer<typeof FiscalYearSchema> {}
export interface ReportData extends z.infer<typeof ReportDataSchema> {}
/** The root. */
export interface Report extends Omit<z.infer<typeof ReportSchema>, 'children' | 'data'> {
  data: ReportData;
  children: FlowContent[];
}
/** Every node type of the tree. Named so as not to clash with unist's and mdast's `Node`. */
export type ReportNode =
  Report | FlowContent | SectionTitle | ListItemNode | TableRowNode | TableCellNode | Phrasing | Marker;

// The restated children are exactly what the schemas say (a compile error otherwise).
true satisfies Same<Event['children'], Children<typeof EventSchema>>;
true satisfies Same<Lead['children'], Children<typeof LeadSchema>>;
true satisfies Same<ReportTitle['children'], Children<typeof ReportTitleSchema>>;
true satisfies Same<Label['children'], Children<typeof LabelSchema>>;
true satisfies Same<Field['children'], Children<typeof FieldSchema>>;
true satisfies Same<Toc['children'], Children<typeof TocSchema>>;
true satisfies Same<ParagraphNode['children'], Children<typeof ParagraphSchema>>;
true satisfies Same<ListItemNode['children'], Children<typeof ListItemSchema>>;
true satisfies Same<ListNode['children'], Children<typeof ListSchema>>;
true satisfies Same<TableCellNode['children'], Children<typeof TableCellSchema>>;
true satisfies Same<TableRowNode['children'], Children<typeof TableRowSchema>>;
true satisfies Same<TableNode['children'], Children<typeof TableSchema>>;
true satisfies Same<SectionTitle['children'], Children<typeof SectionTitleSchema>>;
true satisfies Same<Section['children'], Children<typeof SectionSchema>>;
true satisfies Same<Report['children'], Children<typeof ReportSchema>>;
true satisfies Same<Report, z.infer<typeof ReportSchema>>;
true satisfies Same<InlineLeaf, z.infer<typeof InlineLeafSchema>>;
true satisfies Same<Phrasing, z.infer<typeof PhrasingSchema>>;
true satisfies Same<FlowContent, z.infer<typeof FlowContentSchema>>;
