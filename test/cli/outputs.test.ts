import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao } from '../helpers/cli.js';
import { fixture } from '../helpers/fixtures.js';

const seed = fixture('seed-shaodong-2020.txt');
const HAND_WRITTEN = '# 我自己写的笔记\n\n不要覆盖。\n';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-outputs-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Every file under `dir` with its content, so a test can say nothing else changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      out[join(entry.parentPath, entry.name).slice(dir.length + 1)] = readFileSync(
        join(entry.parentPath, entry.name),
        'utf8',
      );
  }
  return out;
}

describe('no output replaces a file it should not (issue 12, data loss)', () => {
  it('keeps a hand-written a.md beside a.txt, says why, and --force overwrites it', () => {
    const dir = folder({ 'a.txt': seed, 'a.md': HAND_WRITTEN });
    const result = jixiao(['convert', dir, '--to', 'md']);
    expect(result.status).toBe(2);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(HAND_WRITTEN);
    expect(result.stderr).toContain(`a.txt：输出 ${join(dir, 'a.md')} 已存在且不是本次生成的；用 --force 覆盖`);
    // a.md is the output of a.txt, not a report to convert over itself.
    expect(result.stderr).not.toContain('a.md：输出');
    const forced = jixiao(['convert', dir, '--to', 'md', '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toContain('## 一、部门（单位）基本概况');
  });

  it('refuses both inputs that map to one output, in another folder or another format', () => {
    const dir = folder({ 'a/r.txt': seed, 'b/r.txt': seed });
    const out = join(dir, 'out');
    let result = jixiao([
      'convert',
      join(dir, 'a', 'r.txt'),
      join(dir, 'b', 'r.txt'),
      '--to',
      'json',
      '--out-dir',
      out,
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr.match(/的输出相同/g)).toHaveLength(2);
    expect(existsSync(join(out, 'r.json'))).toBe(false);

    const formats = folder({ 'r.txt': seed, 'r.md': fixture('seed-shaodong-2020.md'), 'other.txt': seed });
    result = jixiao([
      'convert',
      join(formats, 'r.txt'),
      join(formats, 'other.txt'),
      join(formats, 'r.md'),
      '--to',
      'json',
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`r.txt：输出 ${join(formats, 'r.json')} 与 ${join(formats, 'r.md')} 的输出相同`);
    expect(existsSync(join(formats, 'r.json'))).toBe(false);
    // The file that conflicts with nothing is converted.
    expect(existsSync(join(formats, 'other.json'))).toBe(true);
  });

  it('never replaces an input: extract --out in.txt, check -o in.txt', () => {
    const dir = folder({ 'in.txt': seed });
    const input = join(dir, 'in.txt');
    for (const args of [
      ['extract', input, '--out', input],
      ['extract', input, '--out', input, '--force'],
      ['check', input, '-o', input],
    ]) {
      const result = jixiao(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('就是一个输入文件，拒绝覆盖');
      expect(readFileSync(input, 'utf8')).toBe(seed);
    }
  });

  it('runs twice over its own outputs without converting them over themselves', () => {
    const dir = folder({ 'r1.txt': seed, 'sub/r2.txt': seed });
    expect(jixiao(['convert', dir, '--to', 'md']).status).toBe(0);
    const first = snapshot(dir);
    expect(Object.keys(first).sort()).toEqual(['r1.md', 'r1.txt', 'sub/r2.md', 'sub/r2.txt']);
    const second = jixiao(['convert', dir, '--to', 'md']);
    expect(second.status).toBe(2);
    expect(second.stderr).not.toMatch(/r1\.md：|r2\.md：/);
    expect(snapshot(dir)).toEqual(first);
    // With --force the outputs are replaced, and still never taken for reports.
    const forced = jixiao(['convert', dir, '--to', 'md', '--force']);
    expect(forced.status).toBe(0);
    expect(forced.stdout.trim().split('\n')).toHaveLength(2);
    expect(Object.keys(snapshot(dir)).sort()).toEqual(Object.keys(first).sort());
  });

  it('never takes the files of an --out-dir inside the inputs for reports', () => {
    const dir = folder({ 'r1.txt': seed, 'sub/r2.txt': seed });
    const trees = join(dir, 'trees');
    expect(jixiao(['convert', dir, '--to', 'json', '--out-dir', trees]).status).toBe(0);
    const again = jixiao(['convert', dir, '--to', 'md', '--out-dir', trees]);
    expect(again.status, again.stderr).toBe(0);
    expect(snapshot(trees)).toMatchObject({ 'r1.json': expect.any(String), 'r1.md': expect.any(String) });
    expect(Object.keys(snapshot(trees)).sort()).toEqual(['r1.json', 'r1.md', 'sub/r2.json', 'sub/r2.md']);
  });

  it('refuses an existing --out unless --force, and leaves no temporary file', () => {
    const dir = folder({ 'r.txt': seed, 'figures.csv': 'mine\n' });
    const out = join(dir, 'figures.csv');
    const result = jixiao(['extract', join(dir, 'r.txt'), '--out', out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`jixiao extract: ${out} 已存在；用 --force 覆盖\n运行 jixiao extract --help 查看用法\n`);
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
    expect(jixiao(['extract', join(dir, 'r.txt'), '--out', out, '--force']).status).toBe(0);
    expect(readFileSync(out, 'utf8').charCodeAt(0)).toBe(0xfeff);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a wrong output path is one line and exit 2 (issue 12)', () => {
  const dir = folder({ 'r.txt': seed, 'a-file': 'x' });
  const input = join(dir, 'r.txt');
  const cases: Array<[string, string[], string]> = [
    [
      'csv into a missing folder',
      ['extract', input, '--out', join(dir, 'missing', 'f.csv')],
      '所在文件夹不存在；请先创建它',
    ],
    [
      'xlsx into a missing folder',
      ['extract', input, '-f', 'xlsx', '--out', join(dir, 'missing', 'f.xlsx')],
      '所在文件夹不存在',
    ],
    ['check -o into a missing folder', ['check', input, '-o', join(dir, 'missing', 'r.json')], '所在文件夹不存在'],
    ['--out is a folder', ['extract', input, '--out', dir], '是一个文件夹；--out 需要文件名'],
    [
      '--out-dir is a file',
      ['convert', input, '--to', 'md', '--out-dir', join(dir, 'a-file')],
      '是一个文件；--out-dir 需要文件夹',
    ],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const result = jixiao(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(result.stderr.split('\n')[0]).toMatch(/^jixiao \w+: /);
      expect(existsSync(join(dir, 'missing'))).toBe(false);
    });
  }
});
