import type { FlowContent, Position, Report, Section } from '../tree/schema.js';

/** One entry of a report's outline. */
export interface OutlineEntry {
  depth: number;
  /** The marker as written: `一、`, `2、`, `（一）`. */
  marker: string;
  ordinal: number;
  /** The title as plain text, without the marker or a closing `。`/`：`. */
  title: string;
}

const TRAILING = /[\s。：:，,；;、．.]+$/u;

/**
 * The outline of a report: one entry per section, in document order.
 *
 * @example
 *   outline(parse('一、基本情况\n（一）项目概况。正文'))
 *   // [{depth: 1, marker: '一、', ordinal: 1, title: '基本情况'},
 *   //  {depth: 2, marker: '（一）', ordinal: 1, title: '项目概况'}]
 */
export function outline(tree: Report): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  const walk = (nodes: FlowContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'section') continue;
      out.push({ depth: node.depth, marker: node.marker.raw, ordinal: node.marker.ordinal, title: sectionTitle(node) });
      walk(node.children.slice(1) as FlowContent[]);
    }
  };
  walk(tree.children);
  return out;
}

/**
 * A section's title as plain text: its heading without the marker, white space at its ends
 * or a closing `。`/`：`.
 *
 * @example
 *   const [section] = parse('（一）项目概况：').children
 *   section.type === 'section' && sectionTitle(section) // '项目概况'
 */
export function sectionTitle(section: Section): string {
  return titleOf(section, false);
}

/**
 * {@link sectionTitle} as a heading writes it: white space the source had between two of its
 * leaves on one line kept as one space, as paragraphs keep it, so that the Markdown reads
 * back to the same leaves (`9.5\t-` and `20余万元` joined as `9.5\t-20余万元` read as a
 * negative amount the next time).
 *
 * @example
 *   const [section] = parse('（一）完成投资 520万元').children
 *   section.type === 'section' && headingTitle(section) // '完成投资 520万元'
 */
export function headingTitle(section: Section): string {
  return titleOf(section, true);
}

/** A section's title without its marker, with or without a space for each same-line gap between leaves. */
function titleOf(section: Section, gaps: boolean): string {
  let title = '';
  let previous: Position | undefined;
  for (const child of section.children[0].children) {
    if (child.type === 'marker') continue;
    const { start } = child.position;
    if (gaps && previous && start.offset > previous.end.offset && start.line === previous.end.line) title += ' ';
    title += child.value;
    previous = child.position;
  }
  return title.trim().replace(TRAILING, '');
}
