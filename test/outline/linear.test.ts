import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCandidates } from '../../src/outline/candidates.js';
import { findEnumeration } from '../../src/outline/enumerations.js';
import { readMarker } from '../../src/outline/markers.js';
import { splitLines } from '../../src/text/lines.js';
import { countingText, growth } from '../helpers/work.js';

/** Runs of markers and numbers that a marker reader may read again from every position. */
const RUNS = ['1.', '12.', '1.23.45.', '１．１．', '1.1', '（一', '第一', '一一一、', '(1', '一是', '1、'];
const repeat = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** Characters read by `readMarker` tried at every position of `text`, as a run-on line is scanned. */
function markerReads(text: string): number {
  const input = countingText(text);
  for (let i = 0; i < text.length; i++) readMarker(input.text, i, text.length);
  return input.reads();
}

function candidateReads(text: string): number {
  const input = countingText(text);
  findCandidates(input.text, splitLines(text), () => false);
  return input.reads();
}

function enumerationReads(text: string): number {
  const input = countingText(text);
  findEnumeration(input.text, 0, text.length);
  return input.reads();
}

// `parse('1.'.repeat(20000))` took 4 s: the decimal reader read the whole chain `1.1.1.…` again
// from every position. Work is counted in characters read, never timed.
describe.each(RUNS)('a long run of %s', (unit) => {
  const n = 2000;

  it('is read by readMarker in a bounded number of reads per position', () => {
    // Five components of two digits and a separator each, at most.
    expect(markerReads(repeat(unit, 4 * n)) / (4 * n)).toBeLessThan(40);
    expect(growth((k) => markerReads(repeat(unit, k)), n)).toBeLessThan(4.5);
  });

  it('costs findCandidates linear work, on one line and on one line with spaces', () => {
    expect(growth((k) => candidateReads(repeat(unit, k)), n)).toBeLessThan(4.5);
    expect(growth((k) => candidateReads(repeat(`${unit} `, k)), n)).toBeLessThan(4.5);
  });

  it('costs findEnumeration linear work', () => {
    expect(growth((k) => enumerationReads(repeat(`，${unit}`, k)), n)).toBeLessThan(4.5);
  });
});

describe('countingText', () => {
  it('counts the characters a reader looks at, and nothing else', () => {
    const input = countingText('一、基本情况');
    expect(readMarker(input.text, 0, 6)).toMatchObject({ start: 0, end: 2, style: 'cjk', ordinal: 1 });
    expect(input.reads()).toBeGreaterThan(0);
    const before = input.reads();
    expect(input.text.length).toBe(6);
    expect(input.text.slice(2)).toBe('基本情况');
    expect(/基本/.test(input.text)).toBe(true);
    expect(input.reads()).toBe(before);
  });
});

describe('any repeated unit of marker characters', () => {
  it('costs the marker readers a bounded number of reads per position, and the finders linear work (property)', () => {
    const unitChars = [...'1234５．.、()（）一二十第部分是 ①'];
    const unit = fc
      .array(fc.mapToConstant({ num: unitChars.length, build: (i) => unitChars[i]! }), { minLength: 1, maxLength: 7 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(unit, (u) => {
        expect(markerReads(repeat(u, 3000)) / 3000).toBeLessThan(40);
        // Each candidate scans a bounded stretch for its title: linear, with a larger constant.
        expect(growth((k) => candidateReads(repeat(u, k)), 800)).toBeLessThan(4.5);
        expect(growth((k) => enumerationReads(repeat(u, k)), 800)).toBeLessThan(4.5);
      }),
      { numRuns: 60 },
    );
  });
});
