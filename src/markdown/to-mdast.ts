import type {
  BlockContent,
  Heading,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  TableCell,
  TableRow,
} from 'mdast';
import type { VFileMessage } from 'vfile-message';
import { jixiaoError, NO_HANDLER } from '../errors.js';
import { headingTitle } from '../outline/outline.js';
import { readYaml } from '../parse/yaml.js';
import { expandGrid, type GridCell } from '../read/grid.js';
import { pushAll } from '../tree/arrays.js';
import type {
  Event,
  FlowContent,
  InlineLeaf,
  Lead,
  Marker,
  Position,
  Report,
  ReportNode,
  Section,
  TableCellNode,
  TableNode,
} from '../tree/schema.js';

/** Options for {@link toMdast} and `toMarkdown`. */
export interface MarkdownOptions {
  /**
   * Start with YAML front matter: title, organisation, fiscal year, kind, profile (it takes the place of
   * front matter the report had).
   */
  frontmatter?: boolean;
  /** `'plain'` (default) leaves figures as text; `'mark'` makes them bold so a reader sees them. */
  figures?: 'plain' | 'mark';
  /** Append the checker's messages as a list with line references. */
  findings?: VFileMessage[];
  /** Language of the findings heading and line references. */
  locale?: 'zh-CN' | 'en';
  /** The profile to name in the front matter. */
  profile?: string;
  /**
   * How to write nodes, by type, over the built-in handlers: for nodes of your own, or to write
   * a built-in node differently. A node with no handler is an error, never silently dropped.
   */
  handlers?: Partial<ToMdastHandlers>;
}

/** What a handler returns: mdast nodes, or nothing to leave the node out. */
type Output<T> = T | T[] | undefined;

/** What handlers see besides the node: the options, and how to write children. */
export interface ToMdastState {
  options: MarkdownOptions;
  /** One node as mdast, by its handler. */
  handle(node: ReportNode): RootContent[];
  /** Blocks as mdast, each by its handler. */
  flow(nodes: readonly FlowContent[]): RootContent[];
  /** Inline nodes as mdast phrasing, each by its handler; white space between leaves on a line kept. */
  phrasing(nodes: ReadonlyArray<InlineLeaf | Lead | Event | Marker>): PhrasingContent[];
  /** Source text as Markdown text: line breaks inside it (PDF wraps) dropped, escapes of Markdown input undone. */
  text(value: string): string;
}

/** Writes one node as mdast. */
export type ToMdastHandle<T = ReportNode> = (node: T, state: ToMdastState) => Output<RootContent>;

/** A handler for every node type of the report tree. */
export type ToMdastHandlers = {
  [K in ReportNode['type']]: ToMdastHandle<Extract<ReportNode, { type: K }>>;
};

const MAX_HEADING = 6;
/** A list item marker that is also Markdown's ordered-list syntax when a space follows. */
const LIST_SYNTAX = /^\d+[.)]$/;
/** Line breaks inside a paragraph are PDF wraps: Chinese text joins without a space. */
const WRAP = /[ \t\u3000]*(?:\r\n|\r|\n)[ \t\u3000]*/g;

/** A leaf: its value as Markdown text. */
const leaf = (node: InlineLeaf | Marker, state: ToMdastState): PhrasingContent => ({
  type: 'text',
  value: state.text(node.value),
});
/** A figure: as text, or bold when figures are marked. */
const figure = (node: InlineLeaf, state: ToMdastState): PhrasingContent =>
  state.options.figures === 'mark' ? { type: 'strong', children: [leaf(node, state)] } : leaf(node, state);

/**
 * The built-in handlers. Typed over every node type, so a new node type in the schema
 * does not compile until it has one (mdast-util-to-markdown's handlers, for report nodes).
 */
const HANDLERS: ToMdastHandlers = {
  report: (node, state) => state.flow(node.children),
  reportTitle: (node, state) => ({ type: 'heading', depth: 1, children: state.phrasing(node.children) }),
  // Consecutive fields make one list (see `flow`).
  field: (node, state) => list([paragraph(state.phrasing(node.children))]),
  label: (node, state) => paragraph(state.phrasing(node.children)),
  paragraph: (node, state) => paragraph(state.phrasing(node.children)),
  placeholder: (node, state) => paragraph([{ type: 'text', value: state.text(node.value) }]),
  toc(node, state) {
    const [head, ...entries] = node.children;
    const out: RootContent[] = [];
    if (head) out.push(paragraph(state.phrasing([head])));
    if (entries.length) out.push(list(entries.map((e) => paragraph(state.phrasing([e])))));
    return out;
  },
  list(node, state) {
    const children = node.children.flatMap((item) => state.handle(item) as ListItem[]);
    return { type: 'list', ordered: false, spread: false, children };
  },
  listItem(node, state) {
    const [marker, ...rest] = node.children;
    if (marker?.type !== 'marker' || !LIST_SYNTAX.test(marker.value)) {
      return listItem([paragraph(state.phrasing(node.children))]);
    }
    // `- 1. 加强` would need an escape (`- 1\. 加强`) that hides the marker when the Markdown is
    // read back: the space after such a marker is left out (`- 1.加强`).
    const children = state.phrasing(rest);
    const head = state.text(marker.value);
    const first = children[0];
    if (first?.type === 'text') first.value = head + first.value;
    else children.unshift({ type: 'text', value: head });
    return listItem([paragraph(children)]);
  },
  table: (node, state) => table(node, state),
  tableRow: (node, state) => ({ type: 'tableRow', children: node.children.map((c) => cell(c, state)) }),
  tableCell: (node, state) => cell(node, state),
  html: (node) => ({ type: 'html', value: node.value }),
  // The node holds the front matter as written, fences included; mdast's `yaml` holds what is between them.
  yaml: (node) => ({ type: 'yaml', value: readYaml(node.value, 0)?.value ?? node.value }),
  section: (node, state) => {
    const rest = node.children.slice(1) as FlowContent[];
    // `#` is the title's: sections start at `##` even without a title, so reading back is unambiguous.
    return [heading(node, node.depth + 1, state), ...state.flow(rest)];
  },
  sectionTitle: (node, state) => paragraph(state.phrasing(node.children)),
  lead: (node, state) => state.phrasing(node.children),
  event: (node, state) => state.phrasing(node.children),
  marker: leaf,
  text: leaf,
  template: leaf,
  money: figure,
  count: figure,
  percent: figure,
  measure: figure,
  date: figure,
  docRef: figure,
};

/**
 * Turns a report tree into mdast: the title is `#`, a section of depth d is a heading of
 * depth d + 1 keeping its marker (`## 一、部门（单位）基本概况`), a run-in heading's body
 * becomes a paragraph, enumerations become lists whose items keep their markers, cover
 * fields a list of `key：value`, placeholders stay as written. Headings deeper than 6
 * become a bold lead-in paragraph. Each node is written by its handler (`options.handlers`
 * over the built-in ones); a node of a type no handler knows is a `JixiaoError`.
 *
 * @example
 *   const mdast = toMdast(parse('一、基本情况\n保密'))
 *   mdast.children[0] // {type: 'heading', depth: 2, children: [{type: 'text', value: '一、基本情况'}]}
 */
export function toMdast(tree: Report, options: MarkdownOptions = {}): Root {
  const handlers: Record<string, ToMdastHandle<never> | undefined> = { ...HANDLERS, ...options.handlers };
  // A tree read from Markdown holds Markdown source in its leaves: drop the escapes
  // (remark-stringify adds back what is needed), so writing again changes nothing.
  const markdown = tree.data.format === 'markdown';
  const handle = (node: ReportNode): RootContent[] => {
    const handler = handlers[node.type] as ToMdastHandle | undefined;
    if (!handler) {
      throw jixiaoError(NO_HANDLER, { type: node.type }, { key: 'handlers' });
    }
    const out = handler(node, state);
    return out === undefined ? [] : Array.isArray(out) ? out : [out];
  };
  const state: ToMdastState = {
    options,
    handle,
    text: (value) => {
      const text = value.replace(WRAP, '');
      return markdown ? unescape(text) : text;
    },
    flow(nodes) {
      const out: RootContent[] = [];
      let fields: List | undefined;
      for (const node of nodes) {
        if (node.type === 'yaml' && options.frontmatter) continue;
        const written = handle(node);
        // Consecutive cover fields: one list.
        if (node.type === 'field' && written.length === 1 && written[0]!.type === 'list') {
          if (fields) pushAll(fields.children, written[0].children);
          else out.push((fields = written[0]));
          continue;
        }
        fields = undefined;
        pushAll(out, written);
      }
      return out;
    },
    phrasing(nodes) {
      const out: PhrasingContent[] = [];
      const push = (node: PhrasingContent) => {
        const last = out[out.length - 1];
        if (node.type === 'text' && last?.type === 'text') last.value += node.value;
        else out.push(node.type === 'text' ? { type: 'text', value: node.value } : node);
      };
      let previous: Position | undefined;
      for (const node of nodes) {
        // Keep the white space the source had between leaves (`2 个`), but not line breaks.
        const { start } = node.position;
        if (previous && start.offset > previous.end.offset && start.line === previous.end.line) {
          push({ type: 'text', value: ' ' });
        }
        for (const written of handle(node) as PhrasingContent[]) push(written);
        previous = node.position;
      }
      return out;
    },
  };
  const children: RootContent[] = [];
  if (options.frontmatter) children.push({ type: 'yaml', value: frontmatter(tree, options) });
  pushAll(children, state.flow(tree.children));
  if (options.findings?.length) pushAll(children, findings(options.findings, options.locale ?? 'zh-CN'));
  return { type: 'root', children };
}

function heading(section: Section, depth: number, state: ToMdastState): Heading | Paragraph {
  const children: PhrasingContent[] = [{ type: 'text', value: state.text(section.marker.raw + headingTitle(section)) }];
  if (depth <= MAX_HEADING) return { type: 'heading', depth: depth as Heading['depth'], children };
  // Deeper than Markdown allows: a bold lead-in paragraph, never a failure.
  return { type: 'paragraph', children: [{ type: 'strong', children }] };
}

/**
 * A table as a GFM table: merged cells written out, a slot covered by a span left as an empty
 * cell (GFM has no spans), every row as wide as the widest.
 */
function table(node: TableNode, state: ToMdastState): RootContent {
  const nodes = new Map<GridCell, TableCellNode>();
  const grid = {
    rows: node.children.map((row) =>
      row.children.map((c) => {
        const gridCell: GridCell = { text: '', rowSpan: c.rowSpan ?? 1, colSpan: c.colSpan ?? 1 };
        nodes.set(gridCell, c);
        return gridCell;
      }),
    ),
  };
  const rows: TableRow[] = expandGrid(grid).map((slots, r) => ({
    type: 'tableRow',
    children: slots.map((slot, c) =>
      slot && slot.row === r && slot.col === c
        ? cell(nodes.get(slot.cell)!, state)
        : { type: 'tableCell', children: [] },
    ),
  }));
  const width = rows[0]?.children.length ?? 0;
  const align = node.align && node.align.length === width ? node.align : new Array<null>(width).fill(null);
  return { type: 'table', align, children: rows };
}

function cell(node: TableCellNode, state: ToMdastState): TableCell {
  return { type: 'tableCell', children: state.phrasing(node.children) };
}

/** CommonMark backslash escapes of ASCII punctuation, undone. */
function unescape(value: string): string {
  return value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

function list(items: Paragraph[]): List {
  return { type: 'list', ordered: false, spread: false, children: items.map((p) => listItem([p])) };
}

function listItem(children: BlockContent[]): ListItem {
  return { type: 'listItem', spread: false, children };
}

function frontmatter(tree: Report, options: MarkdownOptions): string {
  const organisation = tree.data.fields.find((f) => /名称|单位/.test(f.key))?.value;
  const title = tree.data.title ?? '';
  const kind = /整体支出|整体/.test(title) ? 'dept-overall' : /项目/.test(title) ? 'project' : 'other';
  const lines = [
    `title: ${JSON.stringify(title)}`,
    ...(organisation ? [`organization: ${JSON.stringify(organisation)}`] : []),
    ...(tree.data.fiscalYear ? [`fiscalYear: ${tree.data.fiscalYear.year}`] : []),
    `kind: ${kind}`,
    ...(options.profile ? [`profile: ${options.profile}`] : []),
  ];
  return lines.join('\n');
}

function findings(messages: VFileMessage[], locale: 'zh-CN' | 'en'): RootContent[] {
  const zh = locale !== 'en';
  const items = messages.map((m) =>
    paragraph([
      {
        type: 'text',
        value: zh
          ? `第${m.line ?? '?'}行第${m.column ?? '?'}列（${m.fatal ? '错误' : '警告'}）：${m.reason}（${m.ruleId}）`
          : `Line ${m.line ?? '?'}, column ${m.column ?? '?'} (${m.fatal ? 'error' : 'warning'}): ${m.reason} (${m.ruleId})`,
      },
    ]),
  );
  return [
    { type: 'heading', depth: 2, children: [{ type: 'text', value: zh ? '审核意见' : 'Findings' }] },
    list(items),
  ];
}
