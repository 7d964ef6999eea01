import type {
  BlockContent,
  Heading,
  List,
  ListItem as MdListItem,
  Paragraph as MdParagraph,
  PhrasingContent,
  Root,
  RootContent,
} from 'mdast';
import type { VFileMessage } from 'vfile-message';
import { sectionTitle } from '../outline/outline.js';
import type { Event, Field, FlowContent, InlineLeaf, Lead, ListItem, Marker, Report, Section } from '../tree/schema.js';
import { pushAll } from '../tree/arrays.js';

/** Options for {@link toMdast} and `toMarkdown`. */
export interface MarkdownOptions {
  /** Start with YAML front matter: title, organisation, fiscal year, kind, profile. */
  frontmatter?: boolean;
  /** `'plain'` (default) leaves figures as text; `'mark'` makes them bold so a reader sees them. */
  figures?: 'plain' | 'mark';
  /** Append the checker's messages as a list with line references. */
  findings?: VFileMessage[];
  /** Language of the findings heading and line references. */
  locale?: 'zh-CN' | 'en';
  /** The profile to name in the front matter. */
  profile?: string;
}

const MAX_HEADING = 6;
/** Line breaks inside a paragraph are PDF wraps: Chinese text joins without a space. */
const WRAP = /[ \t\u3000]*(?:\r\n|\r|\n)[ \t\u3000]*/g;
const FIGURE_TYPES = new Set(['money', 'count', 'percent', 'measure', 'date', 'docRef']);

/**
 * Turns a report tree into mdast: the title is `#`, a section of depth d is a heading
 * of depth d + 1 keeping its marker (`## 一、部门（单位）基本概况`), a run-in heading's
 * body becomes a paragraph, enumerations become lists whose items keep their markers,
 * cover fields a list of `key：value`, placeholders stay as written. Headings deeper
 * than 6 become a bold lead-in paragraph.
 */
export function toMdast(tree: Report, options: MarkdownOptions = {}): Root {
  const children: RootContent[] = [];
  if (options.frontmatter) children.push({ type: 'yaml', value: frontmatter(tree, options) });
  // A tree read from Markdown holds Markdown source in its leaves: drop the escapes
  // (remark-stringify adds back what is needed), so writing again changes nothing.
  const plain = tree.data.format === 'markdown' ? unescape : (value: string) => value;
  const phrasing = (nodes: ReadonlyArray<InlineLeaf | Lead | Event | Marker>): PhrasingContent[] =>
    inline(nodes, options, plain);

  const flow = (nodes: FlowContent[], out: RootContent[]) => {
    let fields: Field[] = [];
    const flushFields = () => {
      if (fields.length) out.push(list(fields.map((f) => paragraph(phrasing(f.children)))));
      fields = [];
    };
    for (const node of nodes) {
      if (node.type !== 'field') flushFields();
      switch (node.type) {
        case 'reportTitle':
          out.push({ type: 'heading', depth: 1, children: phrasing(node.children) });
          break;
        case 'field':
          fields.push(node);
          break;
        case 'label':
        case 'paragraph':
          out.push(paragraph(phrasing(node.children)));
          break;
        case 'placeholder':
          out.push(paragraph([{ type: 'text', value: plain(node.value) }]));
          break;
        case 'toc': {
          const [head, ...entries] = node.children;
          if (head) out.push(paragraph(phrasing([head])));
          if (entries.length) out.push(list(entries.map((e) => paragraph(phrasing([e])))));
          break;
        }
        case 'list':
          out.push(list(node.children.map((item) => paragraph(phrasing(item.children as ListItem['children'])))));
          break;
        case 'html':
          out.push({ type: 'html', value: node.value });
          break;
        case 'yaml':
          out.push({ type: 'yaml', value: node.value });
          break;
        case 'section':
          // `#` is the title's: sections start at `##` even without a title, so reading back is unambiguous.
          out.push(heading(node, node.depth + 1, plain));
          flow(node.children.slice(1) as FlowContent[], out);
          break;
      }
    }
    flushFields();
  };
  flow(tree.children, children);
  if (options.findings?.length) pushAll(children, findings(options.findings, options.locale ?? 'zh-CN'));
  return { type: 'root', children };
}

function heading(section: Section, depth: number, plain: (value: string) => string): Heading | MdParagraph {
  const text = plain(section.marker.raw + sectionTitle(section));
  const children: PhrasingContent[] = [{ type: 'text', value: text.replace(WRAP, '') }];
  if (depth <= MAX_HEADING) return { type: 'heading', depth: depth as Heading['depth'], children };
  // Deeper than Markdown allows: a bold lead-in paragraph, never a failure.
  return { type: 'paragraph', children: [{ type: 'strong', children }] };
}

function inline(
  nodes: ReadonlyArray<InlineLeaf | Lead | Event | Marker>,
  options: MarkdownOptions,
  plain: (value: string) => string,
): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const push = (value: string) => {
    const text = plain(value.replace(WRAP, ''));
    const last = out[out.length - 1];
    if (last?.type === 'text') last.value += text;
    else out.push({ type: 'text', value: text });
  };
  const walk = (list: ReadonlyArray<InlineLeaf | Lead | Event | Marker>) => {
    let previous: Report['position'] | undefined;
    for (const node of list) {
      // Keep the white space the source had between leaves (`2 个`), but not line breaks.
      if (
        previous &&
        node.position.start.offset > previous.end.offset &&
        node.position.start.line === previous.end.line
      )
        push(' ');
      if (node.type === 'lead' || node.type === 'event') walk(node.children);
      else if (options.figures === 'mark' && FIGURE_TYPES.has(node.type))
        out.push({ type: 'strong', children: [{ type: 'text', value: plain(node.value.replace(WRAP, '')) }] });
      else push(node.value);
      previous = node.position;
    }
  };
  walk(nodes);
  return out;
}

/** CommonMark backslash escapes of ASCII punctuation, undone. */
function unescape(value: string): string {
  return value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function paragraph(children: PhrasingContent[]): MdParagraph {
  return { type: 'paragraph', children };
}

function list(items: MdParagraph[]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((p): MdListItem => ({ type: 'listItem', spread: false, children: [p as BlockContent] })),
  };
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
