import { describe, expect, it } from 'vitest';
import { jixiao } from '../helpers/cli.js';

const run = (...args: string[]) => jixiao(args);

describe('jixiao inspect', () => {
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
    expect(result.stderr).toBe(
      'jixiao inspect: fixtures/no-such-file.txt：无法读取（not-found）：文件不存在（请检查路径）\n',
    );
    expect(run('inspect', 'fixtures/no-such-file.txt', '--locale', 'en').stderr).toBe(
      'jixiao inspect: fixtures/no-such-file.txt: cannot read (not-found): no such file (check the path)\n',
    );
  });

  it('exits 2 on an unknown command, suggesting the nearest', () => {
    const result = run('frobnicate');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('没有“frobnicate”这个命令');
    expect(run('chek', 'fixtures').stderr).toContain('你是想用 check 吗？');
  });
});

describe('jixiao convert', () => {
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

  it('explains a bad --to, naming the command once', () => {
    const result = run('convert', 'fixtures/seed-shaodong-2020.txt', '--to', 'pdf');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'jixiao convert: --to 只能是 md、json（收到 "pdf"）\n运行 jixiao convert --help 查看用法\n',
    );
  });
});
