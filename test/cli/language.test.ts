import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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

describe('errors in options, configurations and rule settings', () => {
  /** A project of its own (a .git stops the search for a configuration) holding the seed and `config`. */
  function project(config: string): string {
    const root = mkdtempSync(join(tmpdir(), 'jixiao-language-config-'));
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, 'seed.txt'), fixture('seed-shaodong-2020.txt'));
    writeFileSync(join(root, '.jixiaorc.json'), config);
    return root;
  }
  const seed = () => join(dir, 'seed.txt');

  it('are told in Chinese by default and in English with --locale en', () => {
    const cases: Array<[args: string[], cwd: string | undefined, zh: string, en: string]> = [
      [
        ['check', seed(), '--rule', 'no-such-rule:off'],
        undefined,
        'jixiao check: --rule：没有规则“no-such-rule”；现有规则：required-section,',
        'jixiao check: --rule: unknown rule "no-such-rule"; known rules: required-section,',
      ],
      [
        ['check', seed(), '--profile', 'hunan'],
        undefined,
        'jixiao check: --profile：没有报告类型（profile）“hunan”；请用 hunan-dept-overall、mof-project-2020、generic 之一',
        'jixiao check: --profile: unknown profile "hunan"; use one of hunan-dept-overall, mof-project-2020, generic',
      ],
      [
        ['check', 'seed.txt'],
        project('{"rulez": {}}'),
        '.jixiaorc.json：出现未知的键(key): "rulez"（可用的键：profile, rules, locale,',
        '.jixiaorc.json: the file: Unrecognized key: "rulez" (allowed keys: profile, rules, locale,',
      ],
      [
        ['check', 'seed.txt'],
        project('{"rules": {"rate-consistency": ["error", {"tolerance": -1}]}}'),
        '.jixiaorc.json：规则“rate-consistency”的选项无效：“tolerance”应为不小于 0 的数，收到 -1。可用的选项见 docs/rules/rate-consistency.md。',
        '.jixiaorc.json: rule "rate-consistency": invalid options: "tolerance" must be a number ≥ 0, got -1.',
      ],
      [
        ['check', 'seed.txt'],
        project('{"rules": {"numbering-style": "loud"}}'),
        '.jixiaorc.json：规则“numbering-style”：级别 "loud" 无效；请用 "off"、"warn"、"error"',
        '.jixiaorc.json: rule "numbering-style": unknown severity "loud"; use "off", "warn", "error"',
      ],
      [
        ['check', 'seed.txt'],
        project('{"profile": {"id": "Bad Id", "name": "某市", "slots": []}}'),
        '.jixiaorc.json：报告类型（profile）无效：“id”应为小写字母、数字和连字符（如 hunan-dept-overall），收到 "Bad Id"',
        '.jixiaorc.json: invalid profile: "id" must be kebab-case (hunan-dept-overall), got "Bad Id"',
      ],
      [
        ['check', 'seed.txt'],
        project('{ not json'),
        '.jixiaorc.json：不是有效的 JSON（',
        '.jixiaorc.json: not valid JSON: ',
      ],
      [
        ['check', seed(), '--config', 'no-such-config.json'],
        undefined,
        'jixiao check: 配置文件 no-such-config.json：无法读取（请检查路径）',
        'jixiao check: config no-such-config.json: cannot read it (check the path)',
      ],
    ];
    for (const [args, cwd, zh, en] of cases) {
      const chinese = jixiao(args, cwd ? { cwd } : {});
      expect(chinese.status, chinese.stderr).toBe(2);
      expect(chinese.stderr, args.join(' ')).toContain(zh);
      expect(jixiao([...args, '--locale', 'en'], cwd ? { cwd } : {}).stderr, args.join(' ')).toContain(en);
      // LANG=en… asks for English as --locale en does.
      expect(jixiao(args, { ...(cwd ? { cwd } : {}), env: { LANG: 'en_US.UTF-8' } }).stderr).toContain(en);
    }
  });

  it('refuses a --year the core would refuse, before reading any file', () => {
    // 99999 passed the CLI's check and failed inside the worker, reported as a bug in jixiao.
    const result = jixiao(['check', seed(), '--year', '99999']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'jixiao check: --year 需要四位数的年度，如 2020（收到 "99999"）\n运行 jixiao check --help 查看用法\n',
    );
    expect(jixiao(['check', seed(), '--year', '20', '--locale', 'en']).stderr).toContain(
      '--year takes a four-digit year such as 2020 (got "20")',
    );
    expect(jixiao(['check', seed(), '--year', '2019', '--format', 'json']).status).toBe(1);
  });
});
