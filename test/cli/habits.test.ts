import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { jixiao, ROOT } from '../helpers/cli.js';
import { fixture } from '../helpers/fixtures.js';

const seed = fixture('seed-shaodong-2020.txt');
const ids = (stdout: string): Array<[string, string[]]> =>
  (JSON.parse(stdout) as Array<{ file: string; messages: Array<{ ruleId: string }> }>).map((f) => [
    f.file,
    f.messages.map((m) => m.ruleId),
  ]);

describe('standard input', () => {
  it('reads a report from - and names it with --stdin-filename', () => {
    const result = jixiao(['check', '-', '--stdin-filename', '邵东.txt', '--format', 'json'], { input: seed });
    expect(result.status).toBe(1);
    expect(ids(result.stdout)).toEqual([['邵东.txt', ['no-placeholder-section', 'numbering-style', 'no-empty-annex']]]);
  });

  it('reads piped input when no file is given, with --encoding, and .md names read Markdown', () => {
    const gb = iconv.encode(seed, 'gb18030');
    const piped = jixiao(['check', '--format', 'json', '--encoding', 'gb18030'], { input: gb });
    expect(ids(piped.stdout)).toEqual([['-', ['no-placeholder-section', 'numbering-style', 'no-empty-annex']]]);
    const markdown = jixiao(['convert', '-', '--stdin-filename', 'r.md', '--to', 'json', '--stdout'], {
      input: fixture('seed-shaodong-2020.md'),
    });
    expect(JSON.parse(markdown.stdout).data.format).toBe('markdown');
    expect(jixiao(['convert', '-', '--to', 'md'], { input: seed }).stderr).toContain('convert 需要 --stdout');
    // Nothing piped and no file: a usage error, not a hang.
    const nothing = jixiao(['check']);
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toContain('请至少给出一个文件、文件夹或通配符（或用 - 从标准输入读取）');
    // Standard input can be checked with files, once.
    expect(jixiao(['check', '-', '-'], { input: seed }).stderr).toContain('只能给一次');
  });

  it('extracts from standard input', () => {
    const result = jixiao(['extract', '-', '--stdin-filename', 'r.txt', '-f', 'jsonl'], { input: seed });
    const first = JSON.parse(result.stdout.split('\n')[0]!);
    expect(first.file).toBe('r.txt');
  });
});

describe('--output-file for check, --stdout for convert', () => {
  it('writes every format to -o FILE exactly as to standard output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-o-'));
    writeFileSync(join(dir, 'r.txt'), seed);
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const out = join(dir, `out.${format}`);
      const written = jixiao(['check', 'r.txt', '-f', format, '-o', out], { cwd: dir });
      expect(written.status).toBe(1);
      expect(written.stdout).toBe('');
      expect(readFileSync(out, 'utf8')).toBe(jixiao(['check', 'r.txt', '-f', format], { cwd: dir }).stdout);
    }
    // A second run replaces its own report, as ESLint's -o does.
    expect(jixiao(['check', 'r.txt', '-o', join(dir, 'out.json'), '-f', 'json'], { cwd: dir }).status).toBe(1);
  });

  it('writes Markdown documents on standard output, each after a separator line', () => {
    const result = jixiao([
      'convert',
      'fixtures/seed-shaodong-2020.txt',
      'fixtures/placeholders.txt',
      '--to',
      'md',
      '--stdout',
    ]);
    expect(result.status).toBe(0);
    const parts = result.stdout.split(/^<!-- jixiao: (.+) -->\n/m);
    expect(parts[0]).toBe('');
    expect(parts[1]).toBe('fixtures/seed-shaodong-2020.txt');
    expect(parts[2]).toContain('# 邵东市委统战部整体支出绩效自评报告');
    expect(parts[3]).toBe('fixtures/placeholders.txt');
    expect(parts).toHaveLength(5);
  });
});

describe('ignore files', () => {
  function project(): string {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-ignore-'));
    mkdirSync(join(dir, '.git'));
    for (const name of ['reports/a.txt', 'reports/草稿/b.txt', 'build/c.txt', 'notes/d.md']) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), seed);
    }
    writeFileSync(join(dir, '.gitignore'), 'build/\n');
    return dir;
  }
  const files = (stdout: string) => ids(stdout).map(([file]) => file);

  it('skips what .gitignore ignores when walking folders, unless --no-gitignore', () => {
    const dir = project();
    expect(files(jixiao(['check', '.', '-f', 'json'], { cwd: dir }).stdout)).toEqual([
      'notes/d.md',
      'reports/a.txt',
      'reports/草稿/b.txt',
    ]);
    expect(files(jixiao(['check', '.', '-f', 'json', '--no-gitignore'], { cwd: dir }).stdout)).toContain('build/c.txt');
  });

  it('reads .jixiaoignore (gitignore syntax) and --ignore-pattern', () => {
    const dir = project();
    writeFileSync(join(dir, '.jixiaoignore'), '# drafts\n草稿/\n');
    expect(files(jixiao(['check', '.', '-f', 'json'], { cwd: dir }).stdout)).toEqual(['notes/d.md', 'reports/a.txt']);
    expect(files(jixiao(['check', '.', '-f', 'json', '--ignore-pattern', '*.md'], { cwd: dir }).stdout)).toEqual([
      'reports/a.txt',
    ]);
    // A file named on the command line is checked even when a pattern matches it.
    expect(
      files(jixiao(['check', 'notes/d.md', '-f', 'json', '--ignore-pattern', '*.md'], { cwd: dir }).stdout),
    ).toEqual(['notes/d.md']);
    const all = jixiao(['check', 'notes', '--ignore-pattern', '*.md'], { cwd: dir });
    expect(all.status).toBe(2);
    expect(all.stderr).toContain('notes 中的文件都被忽略了');
  });

  it('checks only the reports in fixtures/ when run on this repository', () => {
    const checked = files(jixiao(['check', '.', '-f', 'json'], { cwd: ROOT }).stdout);
    // Every file of fixtures/ with an extension the CLI reads (docs/cli.md), and nothing else.
    const reports = readdirSync(join(ROOT, 'fixtures'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(txt|md|markdown|docx|doc|pdf)$/.test(f))
      .map((f) => `fixtures/${f.split('\\').join('/')}`);
    expect(checked.sort()).toEqual(reports.sort());
  });
});

describe('SARIF', () => {
  it('gives paths relative to the working folder with a uriBaseId, no absolute file URI', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-sarif-'));
    mkdirSync(join(dir, '报告'));
    writeFileSync(join(dir, '报告', '邵东 2020.txt'), seed);
    writeFileSync(join(dir, 'empty.txt'), '');
    const log = JSON.parse(
      jixiao(['check', join(dir, '报告'), join(dir, 'empty.txt'), '-f', 'sarif'], { cwd: dir }).stdout,
    );
    const run = log.runs[0];
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: '%E6%8A%A5%E5%91%8A/%E9%82%B5%E4%B8%9C%202020.txt',
      uriBaseId: '%SRCROOT%',
    });
    expect(run.invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'empty.txt',
      uriBaseId: '%SRCROOT%',
    });
    expect(JSON.stringify(log)).not.toContain('file://');
    expect(JSON.stringify(log)).not.toContain(dir);
  });
});
