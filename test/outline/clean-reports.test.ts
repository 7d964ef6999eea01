import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, detectProfile, parse, type Report } from '../../src/index.js';
import { ReportSchema } from '../../src/schema.js';
import { FIXTURES, fixture, parseAs } from '../helpers/fixtures.js';
import { expectValidTree } from '../helpers/invariants.js';

/**
 * Clean reports we wrote (`fixtures/clean-*`), each in a built-in profile's outline, with
 * what real ones carry: cover fields, a table of contents with page numbers, page numbers
 * and running headers between pages, lists of documents under the annex and elsewhere.
 * A reviewer must be able to trust that such a report gets no finding at all.
 */
const PROFILE: Record<string, string> = {
  'clean-dept-overall.txt': 'hunan-dept-overall',
  'clean-dept-crlf.txt': 'hunan-dept-overall',
  'clean-project.txt': 'mof-project-2020',
  'clean-project.md': 'mof-project-2020',
};

const read = (name: string): Report => parseAs(name.endsWith('.md') ? 'markdown' : 'text', fixture(name));
const findings = (tree: Report, profile?: string) =>
  check(tree, profile ? { profile } : {}).map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`);

describe('clean reports', () => {
  it('has a profile for every clean fixture', () => {
    const names = readdirSync(FIXTURES).filter((f) => f.startsWith('clean-'));
    expect(names.sort()).toEqual(Object.keys(PROFILE).sort());
  });

  for (const [name, profile] of Object.entries(PROFILE)) {
    describe(name, () => {
      const tree = read(name);

      it(`is read as a ${profile} report, with a valid tree`, () => {
        expect(detectProfile(tree).profile.id).toBe(profile);
        // In Markdown an ordered list's numbers (`1. 项目支出绩效自评表`) are structure, which the
        // lossless invariant does not know yet: the schema only.
        if (name.endsWith('.md')) ReportSchema.parse(tree);
        else expectValidTree(fixture(name), tree);
      });

      it('gets no error and no warning, with the detected profile and with its own', () => {
        expect(findings(tree)).toEqual([]);
        expect(findings(tree, profile)).toEqual([]);
      });
    });
  }

  it('still gets the findings it should when its annex says 无 or a section is left empty', () => {
    const text = fixture('clean-project.txt')
      .replace(/九、附件\n[^]*$/, '九、附件\n无\n')
      .replace('七、有关建议\n提前谋划下一年度项目，合理安排施工期，避开冬季施工。', '七、有关建议\n');
    expect(findings(parse(text)).map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual([
      '52:1 no-empty-section',
      '59:1 no-empty-annex',
    ]);
  });

  it('leaves the seed’s three findings as they are', () => {
    expect(findings(read('seed-shaodong-2020.txt')).map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual([
      '7:1 no-placeholder-section',
      '9:1 numbering-style',
      '27:1 no-empty-annex',
    ]);
  });
});
