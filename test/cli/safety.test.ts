import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, parse } from '../../src/index.js';
import { stylish } from '../../src/node/format/stylish.js';
import type { PlainMessage } from '../../src/node/task.js';
import { writeJson } from '../../src/node/task.js';
import { cliText } from '../../src/node/text.js';
import { jixiao } from '../helpers/cli.js';
import { FIXTURES, fixture } from '../helpers/fixtures.js';

const seed = fixture('seed-shaodong-2020.txt');

describe('a file that needs too much memory or time fails alone (issue 12)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-limits-'));
  // 4 MB of report: far under --max-size, far over a 32 MB heap once parsed.
  writeFileSync(join(dir, 'a-huge.txt'), seed.repeat(600));
  writeFileSync(join(dir, 'b-small.txt'), seed);

  it('out of memory: that file gets too-large, the batch and its report go on', () => {
    // One job: a small batch ran on the main thread before, and the abort took it all.
    const result = jixiao(['check', dir, '--max-memory', '32', '--jobs', '1', '--format', 'json']);
    expect(result.status).toBe(2);
    const [huge, small] = JSON.parse(result.stdout);
    expect(huge.error).toEqual({
      code: 'too-large',
      reason: '处理该文件所需内存超过上限 32 MB；可用 --max-memory 调高',
    });
    expect(small.messages.map((m: PlainMessage) => m.ruleId)).toEqual([
      'no-placeholder-section',
      'numbering-style',
      'no-empty-annex',
    ]);
  });

  it('out of time: that file gets timeout, the others are checked', () => {
    const result = jixiao(['check', dir, '--timeout', '0.3', '--jobs', '1', '--format', 'json', '--locale', 'en']);
    expect(result.status).toBe(2);
    const [huge, small] = JSON.parse(result.stdout);
    expect(huge.error).toEqual({
      code: 'timeout',
      reason: 'processing it took longer than the time limit of 0.3 s; raise it with --timeout',
    });
    expect(small.messages).toHaveLength(3);
  });
});

describe('the limits, from a configuration file', () => {
  const project = mkdtempSync(join(tmpdir(), 'jixiao-config-limits-'));
  mkdirSync(join(project, '.git'));
  writeFileSync(join(project, 'a-huge.txt'), seed.repeat(600));
  writeFileSync(join(project, 'b-small.txt'), seed);
  copyFileSync(join(FIXTURES, 'forms', 'water.docx'), join(project, 'c-form.docx'));

  it('takes timeout and maxExpandedSize as the flags take them, and prints them', () => {
    writeFileSync(join(project, '.jixiaorc.json'), '{"timeout": 0.3, "maxExpandedSize": 1000}');
    const result = jixiao(['check', '.', '--jobs', '1', '--format', 'json', '--locale', 'en'], { cwd: project });
    expect(result.status).toBe(2);
    const [huge, small, form] = JSON.parse(result.stdout);
    expect(huge.error.code).toBe('timeout');
    expect(small.messages).toHaveLength(3);
    expect(form.error.code).toBe('too-large');
    const printed = JSON.parse(jixiao(['check', '--print-config', 'b-small.txt'], { cwd: project }).stdout);
    expect(printed).toMatchObject({ timeout: 0.3, maxExpandedSize: 1000, maxSize: 50 * 1024 * 1024 });
    expect(printed.maxMemory).toBeGreaterThanOrEqual(16);
  });

  it('takes maxMemory, and a flag over the file', () => {
    writeFileSync(join(project, '.jixiaorc.json'), '{"maxMemory": 32, "maxExpandedSize": 1000}');
    const result = jixiao(['check', '.', '--jobs', '1', '--format', 'json', '--max-expanded-size', '10mb'], {
      cwd: project,
    });
    const [huge, small, form] = JSON.parse(result.stdout);
    expect(huge.error.code).toBe('too-large');
    expect(small.messages).toHaveLength(3);
    // The flag's 10 MB, not the file's 1,000 bytes: the form is read.
    expect(form.error).toBeUndefined();
    expect(form.messages).toBeDefined();
  });

  it('takes a timeout past what a timer holds as no limit, not as 1 ms', () => {
    writeFileSync(join(project, '.jixiaorc.json'), '{"timeout": 3000000}');
    const result = jixiao(['check', 'b-small.txt', '--format', 'json'], { cwd: project });
    expect(JSON.parse(result.stdout)[0].messages).toHaveLength(3);
    expect(result.stderr).not.toContain('TimeoutOverflowWarning');
  });

  it('refuses a limit that is not one, naming the key', () => {
    writeFileSync(join(project, '.jixiaorc.json'), '{"timeout": 0}');
    const result = jixiao(['check', 'b-small.txt', '--locale', 'en'], { cwd: project });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('timeout');
    expect(result.stderr).toContain('expected a number of seconds, more than 0, got 0');
  });
});

describe('JSON output is streamed, never built as one string (issue 12)', () => {
  it('writes exactly what JSON.stringify writes, in small pieces', () => {
    const tree = parse(seed);
    for (const indent of ['', '  ']) {
      const pieces: string[] = [];
      writeJson(tree, indent, { write: (s) => pieces.push(s) });
      expect(pieces.join('')).toBe(JSON.stringify(tree, null, indent));
      // The largest piece is one value (a leaf's text), not the document.
      expect(pieces.reduce((max, p) => Math.max(max, p.length), 0)).toBeLessThan(2000);
    }
    const odd = { a: undefined, b: [undefined, () => 1, NaN, -0, 'x\u2028'], c: {}, d: [], e: null };
    const pieces: string[] = [];
    writeJson(odd, '  ', { write: (s) => pieces.push(s) });
    expect(pieces.join('')).toBe(JSON.stringify(odd, null, '  '));
  });

  it('convert --stdout writes one JSON document per line (JSON Lines)', () => {
    const result = jixiao([
      'convert',
      'fixtures/seed-shaodong-2020.txt',
      'fixtures/placeholders.txt',
      '--to',
      'json',
      '--stdout',
    ]);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toEqual(JSON.parse(JSON.stringify(parse(seed))));
    expect(JSON.parse(lines[1]!).type).toBe('report');
  });
});

describe('output safety (issue 12)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-safety-'));
  writeFileSync(
    join(dir, '=1+1.txt'),
    '一、存在的问题\n=HYPERLINK("http://x","y")，-5万元，+3个，@SUM 2020年9月7日\n二、改进措施\n加快进度。\n',
  );

  it('neutralises formulas in CSV (OWASP) and keeps values exact in JSON Lines', () => {
    const csv = jixiao(['extract', '=1+1.txt'], { cwd: dir }).stdout;
    const rows = csv.slice(1).trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(extract(readFileSync(join(dir, '=1+1.txt'), 'utf8')).length);
    for (const row of rows) expect(row.startsWith("'=1+1.txt,")).toBe(true);
    // No cell starts with a formula character; numbers stay numbers.
    expect(csv).not.toMatch(/(^|,)"?[=+@]/m);
    // A signed amount (`，-5万元`) is text starting with `-` in its text cell, a number in its value cell.
    expect(csv).toMatch(/,money,'-5万元,\d+,\d+,2,\d+,-50000,/);
    const lines = jixiao(['extract', '=1+1.txt', '-f', 'jsonl'], { cwd: dir })
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0].file).toBe('=1+1.txt');
    expect(lines.some((l) => String(l.sentence).startsWith('=HYPERLINK'))).toBe(true);
    expect(lines.find((l) => l.kind === 'money')).toMatchObject({ text: '-5万元', value: -50000 });
  });

  it('escapes control characters of report text and file names in stylish output', () => {
    const evil = join(dir, 'evil');
    mkdirSync(evil);
    writeFileSync(join(evil, 'x\n  forged.txt:1:1  错误  伪造.txt'), '一、存在的问题\n无\n二、改进措施\n加快进度。\n');
    // A heading that clears the screen, a paragraph that sets the terminal's title.
    writeFileSync(
      join(evil, 'esc.txt'),
      '一、基本情况\u001b[2J\n保密\n二、存在的问题\n结合自评情况，说明\u001b]0;pwned\u0007。（200字以内）\n',
    );
    const out = jixiao(['check', evil]).stdout;
    // No control character but the line breaks.
    expect([...out].filter((ch) => ch !== '\n' && (ch < ' ' || ch === '\u007f'))).toEqual([]);
    expect(out).toContain('x\\n  forged.txt');
    expect(out.split('\n').filter((l) => l.startsWith('  forged.txt'))).toEqual([]);
    expect(out).toContain('章节“基本情况\\x1b[2J”仅有占位内容');
    expect(out).toContain('说明\\x1b]0;pwned\\x07。');
  });

  it('lists 150,000 messages through stylish without overflowing the stack', () => {
    const messages: PlainMessage[] = Array.from({ length: 150_000 }, (_, i) => ({
      ruleId: 'no-empty-section',
      severity: 'error',
      line: i + 1,
      column: 1,
      endLine: i + 1,
      endColumn: 3,
      message: '章节为空',
      url: '',
    }));
    const text = cliText('zh-CN', '0.0.0');
    const limits = { maxSize: 1, maxMemoryMb: 1, timeoutMs: 1 };
    const format = stylish({ text, color: false, quiet: false, limits, cwd: '/', version: '0' });
    const out = format.file({ path: 'r.txt', ok: true, messages });
    expect(out.split('\n')).toHaveLength(150_003);
    expect(out).toContain('  r.txt:150000:1  错误  章节为空  no-empty-section');
  });
});

describe('configuration is found within the project only, and said (issue 12)', () => {
  it('does not climb past the project root to a planted config', () => {
    const outside = mkdtempSync(join(tmpdir(), 'jixiao-planted-'));
    writeFileSync(
      join(outside, '.jixiaorc.json'),
      '{"rules": {"no-placeholder-section": "off", "no-empty-annex": "off"}}',
    );
    const project = join(outside, 'project');
    mkdirSync(join(project, 'reports'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{"name": "reviews"}');
    writeFileSync(join(project, 'reports', 'seed.txt'), seed);
    const result = jixiao(['check', 'seed.txt', '--format', 'json'], { cwd: join(project, 'reports') });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)[0].messages.map((m: PlainMessage) => m.ruleId)).toContain(
      'no-placeholder-section',
    );
    // Without a project root, only the working folder itself is looked in.
    const loose = join(outside, 'loose');
    mkdirSync(loose);
    writeFileSync(join(loose, 'seed.txt'), seed);
    const printed = jixiao(['check', '--print-config', 'seed.txt'], { cwd: loose });
    expect(JSON.parse(printed.stdout).configFile).toBeNull();
    expect(printed.stderr).toContain('未找到配置文件');
  });

  it('does not hang on a FIFO named like a config, and says what it is', () => {
    const project = mkdtempSync(join(tmpdir(), 'jixiao-fifo-'));
    mkdirSync(join(project, '.git'));
    execFileSync('mkfifo', [join(project, '.jixiaorc.yaml')]);
    writeFileSync(join(project, 'seed.txt'), seed);
    const started = Date.now();
    const result = jixiao(['check', 'seed.txt'], { cwd: project });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('.jixiaorc.yaml：不是普通文件；请删除或改名');
  });

  it('--print-config names the file the configuration came from', () => {
    const project = mkdtempSync(join(tmpdir(), 'jixiao-print-'));
    writeFileSync(join(project, 'package.json'), '{"jixiao": {"rules": {"numbering-style": "off"}, "maxWarnings": 3}}');
    const result = jixiao(['check', '--print-config', 'r.txt'], { cwd: project });
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed).toMatchObject({ configFile: join(project, 'package.json'), maxWarnings: 3, ignored: false });
    expect(printed.rules['numbering-style']).toBe('off');
    expect(printed.rules['no-empty-section']).toBe('error');
    expect(result.stderr).toBe(`# 配置来自 ${join(project, 'package.json')}\n`);
  });
});

describe('files reached twice are checked once', () => {
  it('de-duplicates a symbolic-link loop by real path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-loop-'));
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'r.txt'), seed);
    symlinkSync(dir, join(dir, 'a', 'loop'));
    symlinkSync(join(dir, 'a', 'r.txt'), join(dir, 'link.txt'));
    const result = jixiao(['check', dir, join(dir, 'a', 'r.txt'), '--format', 'json']);
    const files = JSON.parse(result.stdout) as Array<{ file: string }>;
    expect(files.map((f) => f.file.slice(dir.length + 1))).toEqual(['a/r.txt']);
    expect(readFileSync(join(dir, 'a', 'r.txt'), 'utf8')).toBe(seed);
  });
});
