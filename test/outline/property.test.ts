import fc from 'fast-check';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import {
  check,
  extract,
  outline,
  parse,
  rules,
  type FigureRecord,
  type Report,
  type Section,
} from '../../src/index.js';
import { fromMarkdown, toMarkdown } from '../../src/markdown.js';
import { fixture, fixtureNames } from '../helpers/fixtures.js';
import { expectValidTree, leaves } from '../helpers/invariants.js';

/** The leaves' values joined: every character the tree keeps, in order. */
const leafText = (tree: Report) =>
  leaves(tree)
    .map((l) => (typeof l.value === 'string' ? l.value : ''))
    .join('');

/** White space removed: what a heading reads once Markdown has joined or dropped its spaces. */
const squash = (s: string) => s.replace(/\s/g, '');

/**
 * The outline points at the tree's sections: one entry per section node, in document
 * order, with its depth and ordinal, its marker exactly as the source writes it, and a
 * title the heading's source holds.
 */
function expectOutlineOfSections(input: string, tree: Report): void {
  const sections: Section[] = [];
  visit(tree, 'section', (node) => void sections.push(node as Section));
  const entries = outline(tree);
  expect(entries).toHaveLength(sections.length);
  sections.forEach((section, i) => {
    const entry = entries[i]!;
    const head = section.children[0];
    const marker = head.children[0]!;
    expect(marker.type).toBe('marker');
    expect(entry.marker).toBe(input.slice(marker.position.start.offset, marker.position.end.offset));
    expect({ depth: entry.depth, ordinal: entry.ordinal }).toEqual({
      depth: section.depth,
      ordinal: section.marker.ordinal,
    });
    expect(squash(input.slice(head.position.start.offset, head.position.end.offset))).toContain(squash(entry.title));
  });
}

/**
 * The Markdown `toMarkdown` writes, read by remark-parse alone: a heading for the report's
 * title, then one per section, one level deeper than the section, reading its marker and title.
 */
function expectHeadingsOfOutline(tree: Report, markdown: string): void {
  const headings: string[] = [];
  visit(unified().use(remarkParse).parse(markdown), 'heading', (node: Heading) => {
    headings.push(`${node.depth} ${squash(toString(node))}`);
  });
  const title = tree.data.title === undefined ? [] : [`1 ${squash(tree.data.title)}`];
  expect(headings).toEqual([...title, ...outline(tree).map((e) => `${e.depth + 1} ${squash(e.marker + e.title)}`)]);
}

const RULE_IDS = rules.map((r) => r.id);

/** Characters that exercise the parser: markers, brackets, digits, spaces, breaks. */
const ALPHABET = [...'一二三十（）()、.．，。：:；1234567890①②㈠第部分是万元个名年月日保密无略/目录 \u3000\t\r\n|'];
const reportish = fc
  .array(fc.mapToConstant({ num: ALPHABET.length, build: (i) => ALPHABET[i]! }), { maxLength: 300 })
  .map((a) => a.join(''));

describe('parse on any input', () => {
  it('gives a valid, lossless tree whose outline points at its sections (random report-like text)', () => {
    fc.assert(
      fc.property(reportish, (input) => {
        const tree = parse(input);
        expectValidTree(input, tree, { checkColumns: false });
        expectOutlineOfSections(input, tree);
      }),
      { numRuns: 400 },
    );
  });

  it('extract, check and toMarkdown keep to the source of what parse gives (random report-like text)', () => {
    fc.assert(
      fc.property(reportish, (input) => {
        const tree = parse(input);
        for (const record of extract(tree) as FigureRecord[]) {
          const source = input.slice(record.start, record.end);
          // A figure's text is its source; an event's is its leaves joined (line breaks between them dropped).
          if (record.kind === 'event') expect(record.text.replace(/\s/g, '')).toBe(source.replace(/\s/g, ''));
          else expect(record.text).toBe(source);
        }
        for (const message of check(tree)) {
          expect(RULE_IDS).toContain(message.ruleId);
          const place = message.place as { start: { offset: number }; end: { offset: number } };
          expect(place.start.offset).toBeGreaterThanOrEqual(0);
          expect(place.end.offset).toBeGreaterThanOrEqual(place.start.offset);
          expect(place.end.offset).toBeLessThanOrEqual(input.length);
        }
        const markdown = toMarkdown(tree);
        expectHeadingsOfOutline(tree, markdown);
        // Joined line wraps may read differently once; from then on the Markdown is a fixed point.
        const settled = toMarkdown(fromMarkdown(markdown));
        expect(toMarkdown(fromMarkdown(settled))).toBe(settled);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary strings (including lone surrogates and NUL)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => {
        expectValidTree(input, parse(input), { checkColumns: false });
      }),
      { numRuns: 300 },
    );
  });

  it('stays valid on mutated fixtures (characters inserted, deleted, line breaks changed)', () => {
    const names = fixtureNames();
    const mutation = fc.record({
      name: fc.integer({ min: 0, max: names.length - 1 }).map((i) => names[i]!),
      edits: fc.array(
        fc.record({
          at: fc.nat(),
          cut: fc.nat({ max: 5 }),
          insert: fc.constantFrom('', '\n', '\r\n', '（一）', '2、', '一是', '。', ' ', '保密'),
        }),
        { maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(mutation, ({ name, edits }) => {
        let input = fixture(name);
        for (const e of edits) {
          const at = e.at % (input.length + 1);
          input = input.slice(0, at) + e.insert + input.slice(at + e.cut);
        }
        const tree = parse(input);
        expectValidTree(input, tree, { checkColumns: false });
        expectOutlineOfSections(input, tree);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps zero-width characters in leaves: they are not white space (random text with U+200B–U+200D, U+2060)', () => {
    const invisible = [...ALPHABET, '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
    const text = fc
      .array(fc.mapToConstant({ num: invisible.length, build: (i) => invisible[i]! }), { maxLength: 200 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(text, (input) => {
        const tree = parse(input);
        // The invariant reads white space as JavaScript does: U+200B is a character to keep.
        expectValidTree(input, tree, { checkColumns: false });
        expect(leafText(tree).split('\u200b').length).toBe(input.split('\u200b').length);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a placeholder with a zero-width space in it, and keeps the character', () => {
    const input = '一、部门基本情况\n\u200b保密\u200b\n二、存在的问题\n\u200b';
    const tree = parse(input);
    expectValidTree(input, tree);
    expect(tree.children[0]).toMatchObject({ placeholder: 'withheld' });
    expect(leafText(tree)).toBe('一、部门基本情况\u200b保密\u200b二、存在的问题\u200b');
  });

  it('keeps a table of contents inside the section it follows (found by the mutation property)', () => {
    const input = '2、岸。县林业局2023年度项目支出绩效自评报告\n目录\n一、项目基本情况\n正文。\n';
    const tree = parse(input);
    expectValidTree(input, tree);
    const section = tree.children[0];
    expect(section?.type === 'section' && section.children.some((c) => c.type === 'toc')).toBe(true);
  });

  it('handles degenerate inputs', () => {
    for (const input of ['', ' ', '\n\n\n', '\ufeff', '一、', '（一）', '1.', '|||', '\u0000\u0001', '①'.repeat(50)]) {
      expectValidTree(input, parse(input));
    }
  });

  it('handles a megabyte of one character', () => {
    for (const ch of ['一', '1', '（', '\n']) {
      const input = ch.repeat(1_000_000);
      expectValidTree(input, parse(input), { checkColumns: false });
    }
  });
});
