import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });

describe.runIf(existsSync(CLI))('jixiao inspect', () => {
  it('prints the tree of a fixture with positions', () => {
    const result = run('inspect', 'fixtures/seed-shaodong-2020.txt');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^report/);
    expect(result.stdout).toContain('section');
    expect(result.stdout).toContain('"部门（单位）基本概况"');
    expect(result.stdout).toMatch(/placeholder.*"保密"/);
    expect(result.stdout).toMatch(/\d+:\d+-\d+:\d+/);
  });

  it('says what is wrong and exits 2 on a missing file', () => {
    const result = run('inspect', 'fixtures/no-such-file.txt');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cannot read fixtures/no-such-file.txt (not-found): no such file (check the path)');
  });

  it('exits 2 with usage on an unknown command', () => {
    const result = run('frobnicate');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: jixiao');
  });
});

describe.runIf(existsSync(CLI))('jixiao convert', () => {
  it('prints Markdown', () => {
    const result = run('convert', 'fixtures/seed-shaodong-2020.txt', '--to', 'md', '--stdout');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('# 邵东市委统战部整体支出绩效自评报告\n\n## 一、部门（单位）基本概况');
  });

  it('prints the JSON tree, and reads .md as Markdown', () => {
    const result = run('convert', 'fixtures/seed-shaodong-2020.md', '--to', 'json', '--stdout');
    expect(result.status).toBe(0);
    const tree = JSON.parse(result.stdout);
    expect(tree.type).toBe('report');
    expect(tree.data.format).toBe('markdown');
  });

  it('explains a bad --to', () => {
    const result = run('convert', 'fixtures/seed-shaodong-2020.txt', '--to', 'pdf');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--to must be md or json (got "pdf")');
    expect(result.stderr).toContain('Usage: jixiao convert');
  });
});
