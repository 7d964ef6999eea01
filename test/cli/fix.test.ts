import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { applyFixes, check, fixOf, type FixableMessage } from '../../src/index.js';
import { jixiao } from '../helpers/cli.js';
import { fixture, fixtureNames } from '../helpers/fixtures.js';

/** `--fix` in process: passes of check and applyFixes until nothing is left to fix. */
function fixAll(text: string): string {
  for (let pass = 0; pass < 100; pass++) {
    const { text: next, applied } = applyFixes(text, check(text));
    if (applied.length === 0) return text;
    text = next;
  }
  return text;
}

/**
 * One pass of fixes, checked against an independent rebuild: the output is the input with
 * each applied span replaced and every other character where it was.
 */
function onePass(text: string) {
  const messages = check(text);
  const result = applyFixes(text, messages);
  const spans = result.applied.map((m) => fixOf(m)!).sort((a, b) => a.start - b.start);
  let rebuilt = '';
  let at = 0;
  for (const span of spans) {
    expect(span.start).toBeGreaterThanOrEqual(at);
    rebuilt += text.slice(at, span.start) + span.replacement;
    at = span.end;
  }
  expect(result.text).toBe(rebuilt + text.slice(at));
  return { ...result, spans, messages };
}

describe('applyFixes', () => {
  it('fixes the seed’s 2、 between 一、 and 三、 to 二、, and nothing else', () => {
    const seed = fixture('seed-shaodong-2020.txt');
    const { text, spans } = onePass(seed);
    expect(spans).toEqual([
      { start: seed.indexOf('2、 部门'), end: seed.indexOf('2、 部门') + 2, replacement: '二、' },
    ]);
    expect(text).toBe(seed.replace('2、 部门', '二、 部门'));
  });

  it('renumbers skipped and repeated ordinals in their own shape, over passes', () => {
    const text = '一、甲\n说明。\n二、乙\n说明。\n四、丙\n说明。\n五、丁\n说明。\n（一）子\n说明。\n（三）子\n说明。\n';
    expect(fixAll(text)).toBe(text.replace('四、丙', '三、丙').replace('五、丁', '四、丁').replace('（三）', '（二）'));
    const repeated = '1.甲\n说明。\n2.乙\n说明。\n2.丙\n说明。\n3.丁\n说明。\n';
    expect(fixAll(repeated)).toBe('1.甲\n说明。\n2.乙\n说明。\n3.丙\n说明。\n4.丁\n说明。\n');
  });

  it('removes template instructions, and leaves tokens that stand for missing content', () => {
    const text =
      '一、存在的问题\n结合自评情况，分析存在的问题及原因。（200字以内）\n二、改进措施\nXX局将于20xx年完善制度。\n';
    const { text: fixed, spans } = onePass(text);
    expect(spans).toHaveLength(1);
    expect(fixed).toBe('一、存在的问题\n\n二、改进措施\nXX局将于20xx年完善制度。\n');
    expect(check(fixed).filter((m) => m.ruleId === 'no-template-text')).toHaveLength(2);
  });

  it('never applies a stale fix, an overlapping one, or another rule’s expected value', () => {
    const fix = (start: number, end: number, actual: string, replacement: string, ruleId = 'numbering-style') =>
      ({
        ruleId,
        place: { start: { offset: start }, end: { offset: end } },
        actual,
        expected: [replacement],
      }) satisfies FixableMessage;
    const text = 'abcdef';
    expect(applyFixes(text, [fix(0, 2, 'ab', 'X'), fix(1, 3, 'bc', 'Y'), fix(4, 5, 'e', 'Z')]).text).toBe('XcdZf');
    expect(applyFixes(text, [fix(0, 2, 'zz', 'X')]).text).toBe(text);
    expect(applyFixes(text, [fix(0, 2, 'ab', 'X', 'rate-consistency')]).applied).toEqual([]);
    expect(applyFixes(text, [fix(6, 9, 'abc', 'X')]).text).toBe(text);
  });

  it('changes only the fixed spans, on every fixture and on generated reports', () => {
    for (const name of fixtureNames()) onePass(fixture(name));
    const marker = fc.constantFrom(
      '一、',
      '二、',
      '三、',
      '四、',
      '2、',
      '3.',
      '（一）',
      '（三）',
      '(2)',
      '①',
      '③',
      '第二部分',
    );
    const line = fc.oneof(
      fc.tuple(marker, fc.constantFrom('基本情况', '存在的问题', '改进措施')).map(([m, t]) => m + t),
      fc.constantFrom(
        '拨付偏慢。',
        '结合自评情况，说明情况。（300字以内）',
        '（200字左右）',
        'XX局',
        '全年支出520万元。',
        '',
      ),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 24 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const text = lines.join(eol);
        onePass(text);
        // The passes end with nothing left to fix: no two fixes undo each other.
        const fixed = fixAll(text);
        expect(applyFixes(fixed, check(fixed)).applied).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('jixiao check --fix', () => {
  const text =
    '一、存在的问题\r\n结合自评情况，分析存在的问题及原因。（200字以内）\r\n拨付偏慢。\r\n2、改进措施\r\n加快进度。\r\n三、其他\r\n无其他。\r\n';
  const fixed = fixAll(text);

  it('fixes in place, keeping the encoding, the BOM and the line endings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-fix-'));
    const gb = join(dir, 'gb.txt');
    const bom = join(dir, 'bom.md');
    writeFileSync(gb, iconv.encode(text, 'gb18030'));
    writeFileSync(bom, '\ufeff' + text);
    const result = jixiao(['check', dir, '--fix']);
    expect(result.stdout).toContain('gb.txt：修正了 2 处');
    expect(readFileSync(gb).equals(iconv.encode(fixed, 'gb18030'))).toBe(true);
    expect(readFileSync(bom, 'utf8')).toBe('\ufeff' + fixed);
    expect(fixed).toBe(
      text.replace('结合自评情况，分析存在的问题及原因。（200字以内）', '').replace('2、改进', '二、改进'),
    );
    expect(existsSync(`${gb}.bak`)).toBe(false);
    // What is reported is what is left.
    expect(result.stdout).not.toContain('numbering-style');
  });

  it('fixes the file a link points to, keeping the link and the file’s permissions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-fix-'));
    const file = join(dir, 'real.txt');
    writeFileSync(file, text);
    chmodSync(file, 0o640);
    symlinkSync(file, join(dir, 'link.txt'));
    expect(jixiao(['check', join(dir, 'link.txt'), '--fix']).stdout).toContain('修正了 2 处');
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(fixed);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('keeps FILE.bak with --backup, and never replaces an older one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-fix-'));
    const file = join(dir, 'r.txt');
    writeFileSync(file, text);
    expect(jixiao(['check', file, '--fix', '--backup']).stdout).toContain('修正了 2 处');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(text);
    writeFileSync(file, text);
    const again = jixiao(['check', file, '--fix', '--backup']);
    expect(again.stdout).toContain('r.txt.bak 已存在，为免丢失旧备份，未修正');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('prints the diff with --fix-dry-run and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-fix-'));
    const file = join(dir, 'r.txt');
    writeFileSync(file, text.replace(/\r\n/g, '\n'));
    const result = jixiao(['check', file, '--fix-dry-run']);
    expect(result.stdout).toContain('-2、改进措施\n+二、改进措施\n');
    expect(result.stdout).toContain('-结合自评情况，分析存在的问题及原因。（200字以内）\n+\n');
    expect(readFileSync(file, 'utf8')).toBe(text.replace(/\r\n/g, '\n'));
    const json = JSON.parse(jixiao(['check', file, '--fix-dry-run', '-f', 'json']).stdout);
    expect(json[0].fixed).toBe(2);
    expect(json[0].diff).toContain('+二、改进措施');
  });

  it('leaves files it cannot write back exactly (invalid bytes), and refuses standard input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-fix-'));
    const bad = join(dir, 'bad.txt');
    // Valid GB18030 but for one stray byte: re-encoding would change it.
    writeFileSync(bad, Buffer.concat([iconv.encode(text, 'gb18030'), Buffer.from([0x80])]));
    const before = readFileSync(bad);
    const result = jixiao(['check', bad, '--fix']);
    expect(result.stdout).toContain('为免改动其他字符，未修正');
    expect(readFileSync(bad).equals(before)).toBe(true);
    const stdin = jixiao(['check', '-', '--fix'], { input: text });
    expect(stdin.status).toBe(2);
    expect(stdin.stderr).toContain('--fix 只能用于文件');
    copyFileSync(bad, join(dir, 'copy.txt'));
    const backup = jixiao(['check', join(dir, 'copy.txt'), '--backup']);
    expect(backup.status).toBe(2);
    expect(backup.stderr).toContain('--backup 只能与 --fix 一起用');
  });
});
