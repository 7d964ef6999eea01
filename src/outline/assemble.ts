import type { Builder } from '../tree/builder.js';
import type { FiscalYear, FlowContent, ReportData, Section } from '../tree/schema.js';
import { bodyBlocks, frontBlocks, type Fragment } from './blocks.js';
import { placeholderKind } from './placeholders.js';

/**
 * Builds the report's tree from a stream of pieces in document order: content
 * fragments, section heads, and ready-made nodes (title, table of contents). Shared
 * by the text reader and the Markdown reader, so both give the same tree.
 */
export interface Assembler {
  /** Content: it goes to the innermost open section, or before the first one. */
  emit(fragment: Fragment): void;
  /** A node of the report itself (the title, front matter). */
  root(node: FlowContent): void;
  /** A ready-made block (a table of contents): it goes where content would, in order. */
  block(node: FlowContent, line: Fragment['line']): void;
  /** Opens a section, closing the open ones at its depth or deeper. */
  open(section: Section): void;
  finish(fiscalYear: FiscalYear | undefined): { children: FlowContent[]; data: ReportData };
}

interface Open {
  section: Section;
  fragments: Fragment[];
}

export function assembler(b: Builder, title: string | undefined, titleLine: number): Assembler {
  const root: FlowContent[] = [];
  const open: Open[] = [];
  let front: Fragment[] | undefined = [];

  const flushFront = () => {
    if (front) frontBlocks(b, front, title, titleLine, root);
    front = undefined;
  };

  function close(entry: Open): void {
    const { section, fragments } = entry;
    const blocks = bodyBlocks(b, fragments);
    // Body blocks come before any subsection: they were all written before it.
    const subsections = section.children.slice(1);
    section.children = [section.children[0], ...blocks, ...subsections] as Section['children'];
    markPlaceholder(b, section, blocks, subsections.length);
    const last = section.children[section.children.length - 1]!;
    section.position = b.position(section.position.start.offset, last.position.end.offset);
  }

  return {
    emit(fragment) {
      const top = open[open.length - 1];
      if (top) top.fragments.push(fragment);
      else if (front) front.push(fragment);
      else bodyBlocks(b, [fragment], root);
    },
    root(node) {
      root.push(node);
    },
    block(node, line) {
      this.emit({ start: node.position.start.offset, end: node.position.end.offset, line, item: false, node });
    },
    open(section) {
      flushFront();
      while (open.length > 0 && open[open.length - 1]!.section.depth >= section.depth) close(open.pop()!);
      const parent = open[open.length - 1];
      (parent ? parent.section.children : root).push(section);
      open.push({ section, fragments: [] });
    },
    finish(fiscalYear) {
      while (open.length > 0) close(open.pop()!);
      flushFront();
      const data: ReportData = { fields: [] };
      if (title) data.title = title;
      if (fiscalYear) data.fiscalYear = fiscalYear;
      for (const node of root) {
        if (node.type === 'label' && node.kind === 'attachment' && !data.attachment) data.attachment = text(node);
        if (node.type === 'label' && node.kind === 'subtitle' && !data.subtitle) data.subtitle = text(node);
        if (node.type === 'field') data.fields.push({ key: node.key, value: node.value });
      }
      root.sort((x, y) => x.position.start.offset - y.position.start.offset);
      return { children: root, data };
    },
  };
}

function text(node: { children: Array<{ value: string }> }): string {
  return node.children.map((c) => c.value).join('');
}

/**
 * Marks a section whose whole body is a placeholder (`保密`, `无`, `略`, template
 * instructions) or is empty. A parent whose content is all in its subsections is not
 * empty; comments (directives) and page numbers between pages are not content.
 */
function markPlaceholder(b: Builder, section: Section, all: FlowContent[], subsections: number): void {
  if (subsections > 0) return;
  const blocks = all.filter((n) => n.type !== 'html' && !(n.type === 'label' && n.kind === 'pageNumber'));
  if (blocks.length === 0) {
    section.placeholder = 'empty';
    return;
  }
  if (blocks.length !== 1 || blocks[0]!.type !== 'paragraph') {
    if (blocks.every(isTemplateOnly)) section.placeholder = 'template';
    return;
  }
  const block = blocks[0]!;
  const value = b.input.slice(block.position.start.offset, block.position.end.offset);
  const kind = placeholderKind(value);
  if (kind) {
    section.placeholder = kind;
    section.children[section.children.indexOf(block)] = { type: 'placeholder', kind, value, position: block.position };
  } else if (isTemplateOnly(block)) {
    section.placeholder = 'template';
  }
}

function isTemplateOnly(block: FlowContent): boolean {
  if (block.type !== 'paragraph') return false;
  return block.children.every(
    (c) => c.type === 'template' || (c.type === 'text' && /^[\s。，,；;：:.、]*$/.test(c.value)),
  );
}
