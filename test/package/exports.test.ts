import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { program as create, ROOT } from './program.js';

const MDAST = join(ROOT, 'node_modules', '@types', 'mdast', 'index.d.ts');
/** One program for every module asked about: type-checking the sources is the slow part. */
const { program, checker } = create([MDAST]);

/** Every export of a module as `name` (a value) or `type name` (a type only), sorted. */
function exportsOf(entry: string): string[] {
  const file = entry.startsWith('/') ? entry : join(ROOT, entry);
  const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
  return checker
    .getExportsOfModule(module)
    .map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return target.flags & ts.SymbolFlags.Value ? symbol.name : `type ${symbol.name}`;
    })
    .sort();
}

// Adding or removing a public name is an API change: update these lists on purpose.
describe('the public API', () => {
  it('jixiao exports exactly these names', () => {
    expect(exportsOf('src/index.ts')).toMatchInlineSnapshot(`
      [
        "DOCS_URL",
        "JixiaoError",
        "RECORD_FIELDS",
        "applyFixes",
        "check",
        "defaultFigureConfig",
        "detectProfile",
        "extract",
        "fixOf",
        "indicators",
        "inferFiscalYear",
        "jixiaoLint",
        "jixiaoParse",
        "matchProfile",
        "normalizeHeading",
        "outline",
        "parse",
        "profiles",
        "recommended",
        "resolveProfile",
        "resolveSettings",
        "rules",
        "sectionTitle",
        "type Approx",
        "type BudgetRecord",
        "type CheckOptions",
        "type Comparator",
        "type Config",
        "type Count",
        "type DateFigure",
        "type DateQualifier",
        "type Direction",
        "type DocRef",
        "type Event",
        "type ExtractRecord",
        "type Field",
        "type Figure",
        "type FigureConfig",
        "type FigureContext",
        "type FigureFlag",
        "type FigureParser",
        "type FigureRecord",
        "type FigureRefiner",
        "type FiscalYear",
        "type Fix",
        "type FixableMessage",
        "type FlowContent",
        "type Found",
        "type HtmlNode",
        "type IndicatorRecord",
        "type InlineLeaf",
        "type JixiaoErrorCode",
        "type JixiaoErrorDetails",
        "type Label",
        "type LabelKind",
        "type Lead",
        "type ListItemNode",
        "type ListNode",
        "type Locale",
        "type Marker",
        "type MarkerInfo",
        "type MarkerStyle",
        "type Measure",
        "type Money",
        "type OptionSpec",
        "type OptionSpecs",
        "type OptionsOf",
        "type OutlineEntry",
        "type ParagraphNode",
        "type ParseOptions",
        "type Percent",
        "type Phrasing",
        "type Placeholder",
        "type PlaceholderKind",
        "type Point",
        "type Position",
        "type Profile",
        "type ProfileInput",
        "type ProfileMatch",
        "type Report",
        "type ReportData",
        "type ReportExtra",
        "type ReportNode",
        "type ReportTitle",
        "type Rule",
        "type RuleContext",
        "type RuleSetting",
        "type Section",
        "type SectionTitle",
        "type Severity",
        "type SeverityInput",
        "type Slot",
        "type TableCellNode",
        "type TableNode",
        "type TableRecord",
        "type TableRowNode",
        "type TableSource",
        "type Template",
        "type TextNode",
        "type Toc",
        "type TotalRecord",
        "type Wording",
        "type YamlNode",
      ]
    `);
  });

  it('jixiao/markdown exports exactly these names', () => {
    expect(exportsOf('src/markdown.ts')).toMatchInlineSnapshot(`
      [
        "STRINGIFY",
        "fromMarkdown",
        "jixiaoStringify",
        "remarkJixiao",
        "toMarkdown",
        "toMdast",
        "type MarkdownOptions",
        "type ToMdastHandle",
        "type ToMdastHandlers",
        "type ToMdastState",
      ]
    `);
  });

  it('jixiao/schema exports exactly these names', () => {
    expect(exportsOf('src/schema.ts')).toMatchInlineSnapshot(`
      [
        "ApproxSchema",
        "ConfigSchema",
        "CountSchema",
        "DateQualifierSchema",
        "DateSchema",
        "DirectionSchema",
        "DocRefSchema",
        "EventSchema",
        "FieldSchema",
        "FigureFlagSchema",
        "FiscalYearSchema",
        "FlowContentSchema",
        "HtmlSchema",
        "InlineLeafSchema",
        "LabelKindSchema",
        "LabelSchema",
        "LeadSchema",
        "ListItemSchema",
        "ListSchema",
        "MarkerInfoSchema",
        "MarkerSchema",
        "MarkerStyleSchema",
        "MeasureSchema",
        "MoneySchema",
        "ParagraphSchema",
        "PercentSchema",
        "PhrasingSchema",
        "PlaceholderKindSchema",
        "PlaceholderSchema",
        "PointSchema",
        "PositionSchema",
        "ProfileSchema",
        "ReportDataSchema",
        "ReportSchema",
        "ReportTitleSchema",
        "SectionSchema",
        "SectionTitleSchema",
        "SlotSchema",
        "TableCellSchema",
        "TableRowSchema",
        "TableSchema",
        "TableSourceSchema",
        "TemplateSchema",
        "TextSchema",
        "TocSchema",
        "YamlSchema",
        "configJsonSchema",
        "profileJsonSchema",
        "reportJsonSchema",
      ]
    `);
  });

  it('has no name that mdast also exports, so a program can import both', () => {
    const names = (file: string) => exportsOf(file).map((n) => n.replace(/^type /, ''));
    const mdast = names(MDAST);
    expect(mdast).toEqual(expect.arrayContaining(['Text', 'Paragraph', 'List', 'ListItem', 'Html', 'Yaml', 'Node']));
    const ours = [...names('src/index.ts'), ...names('src/markdown.ts'), ...names('src/schema.ts')];
    expect(ours.filter((name) => mdast.includes(name))).toEqual([]);
  });
});
