import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jixiao } from '../helpers/cli.js';
import { fixture } from '../helpers/fixtures.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-language-'));
  writeFileSync(join(dir, 'seed.txt'), fixture('seed-shaodong-2020.txt'));
  writeFileSync(join(dir, 'empty.txt'), '');
});

describe('the language of the CLI', () => {
  it('prints Chinese by default: severity words, file errors and the summary', () => {
    const result = jixiao(['check', dir]);
    expect(result.stdout).toMatch(/seed\.txt:7:1\s+错误\s+章节“部门（单位）基本概况”仅有占位内容/);
    expect(result.stdout).toMatch(/seed\.txt:9:1\s+警告\s+编号“2、”/);
    expect(result.stdout).toMatch(/empty\.txt:0:0\s+错误\s+无法读取：文件为空\s+empty/);
    expect(result.stdout.trim().split('\n').pop()).toBe('✖ 检查了 2 个文件：2 个错误，1 个警告，1 个文件无法读取');
  });

  it('prints English with --locale en, and the rule messages follow', () => {
    const result = jixiao(['check', dir, '--locale', 'en']);
    expect(result.stdout).toMatch(/seed\.txt:7:1\s+error\s+Unexpected placeholder “保密”/);
    expect(result.stdout).toMatch(/empty\.txt:0:0\s+error\s+cannot read: the file is empty\s+empty/);
    expect(result.stdout.trim().split('\n').pop()).toBe(
      '✖ 2 files checked: 2 errors, 1 warning, 1 file could not be read',
    );
  });

  it('honours LC_ALL over LANG, and keeps Chinese for C and POSIX locales', () => {
    const last = (env: Record<string, string>) => jixiao(['check', dir], { env }).stdout.trim().split('\n').pop();
    expect(last({ LANG: 'en_US.UTF-8' })).toMatch(/^✖ 2 files checked/);
    expect(last({ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' })).toMatch(/^✖ 检查了 2 个文件/);
    expect(last({ LANG: 'C.UTF-8' })).toMatch(/^✖ 检查了 2 个文件/);
    // The flag wins over the environment.
    expect(jixiao(['check', dir, '--locale', 'zh-CN'], { env: { LC_ALL: 'en_US' } }).stdout).toContain('检查了');
  });

  it('says the --max-warnings message in the user’s language', () => {
    const args = [
      'check',
      join(dir, 'seed.txt'),
      '--rule',
      'no-placeholder-section:off',
      '--rule',
      'no-empty-annex:off',
    ];
    const zh = jixiao([...args, '--max-warnings', '0']);
    expect(zh.status).toBe(1);
    expect(zh.stderr).toBe('jixiao check: 1 个警告，超过了 --max-warnings 0\n');
    expect(jixiao([...args, '--max-warnings', '0', '--locale', 'en']).stderr).toBe(
      'jixiao check: 1 warning is more than --max-warnings 0\n',
    );
  });

  it('has help in both languages', () => {
    expect(jixiao(['--help']).stdout).toContain('用法：jixiao <命令> [选项]');
    expect(jixiao(['--help', '--locale', 'en']).stdout).toContain('Usage: jixiao <command> [options]');
    expect(jixiao(['check', '--help']).stdout).toContain('--fix-dry-run');
  });
});

describe('usage errors', () => {
  it('suggest the nearest option and name the command once', () => {
    const result = jixiao(['check', dir, '--formt', 'json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'jixiao check: 未知选项 --formt；你是想用 --format 吗？\n运行 jixiao check --help 查看用法\n',
    );
    const english = jixiao(['extract', dir, '--ot', 'x.csv', '--locale', 'en']);
    expect(english.stderr).toBe(
      'jixiao extract: unknown option --ot; did you mean --out?\nrun jixiao extract --help for usage\n',
    );
    // Nothing near: no guess.
    expect(jixiao(['check', dir, '--zzzzzzzz']).stderr).toBe(
      'jixiao check: 未知选项 --zzzzzzzz\n运行 jixiao check --help 查看用法\n',
    );
  });

  it('explain a missing or bad value once, without repeating the command', () => {
    for (const args of [
      ['check', dir, '--format'],
      ['check', dir, '--jobs', 'two'],
      ['check', dir, '--max-size', 'big'],
      ['convert', dir],
    ]) {
      const result = jixiao(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.match(/jixiao \w+:/g), result.stderr).toHaveLength(1);
      expect(result.stderr).not.toMatch(/(check|convert): (check|convert):/);
    }
    expect(jixiao(['check', dir, '--format']).stderr).toContain('--format 需要一个值');
    expect(jixiao(['check', dir, '--jobs', 'two']).stderr).toContain('--jobs 需要一个不小于 1 的整数（收到 "two"）');
  });

  it('reports sizes in a unit that reads', () => {
    const result = jixiao(['check', join(dir, 'seed.txt'), '--max-size', '1kb', '--format', 'json', '--locale', 'en']);
    const [file] = JSON.parse(result.stdout);
    expect(file.error.reason).toBe('7 KB is over the size limit of 1 KB; raise it with --max-size');
    expect(result.stdout).not.toContain('0.0 MB');
  });
});
