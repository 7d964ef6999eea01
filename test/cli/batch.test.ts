import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { unzipSync, strFromU8 } from 'fflate';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { jixiao, ROOT } from '../helpers/cli.js';
import { fixture } from '../helpers/fixtures.js';
import { textPdf, wordReport } from '../read/make.js';

const seed = fixture('seed-shaodong-2020.txt');

let dir: string;
/** Outputs go elsewhere, so they never join the inputs of a later run. */
let outputs: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-batch-'));
  outputs = mkdtempSync(join(tmpdir(), 'jixiao-out-'));
  writeFileSync(join(dir, 'a-seed-utf8.txt'), seed);
  writeFileSync(join(dir, 'b-seed-gb18030.txt'), iconv.encode(seed, 'gb18030'));
  writeFileSync(
    join(dir, 'c-seed-utf16.txt'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(seed, 'utf16le')]),
  );
  writeFileSync(join(dir, 'd-seed.md'), readFileSync(join(ROOT, 'fixtures', 'seed-shaodong-2020.md')));
  writeFileSync(
    join(dir, 'e-report.docx'),
    await wordReport([{ text: '存在的问题及原因', level: 0 }, { text: '保密' }]),
  );
  writeFileSync(join(dir, 'f-empty.txt'), '');
  writeFileSync(join(dir, 'g-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3, 0, 0, 0xff]));
  writeFileSync(join(dir, 'h-broken.docx'), 'this is not a zip package');
  writeFileSync(join(dir, 'i-old.doc'), Buffer.from('not really a word 97 file'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'j-nested.txt'), fixture('placeholders.txt'));
});

describe('jixiao check on a folder of real-world inputs', () => {
  it('reports every good file, one error line per bad one, and exits 2', () => {
    const result = jixiao(['check', dir, '--format', 'json']);
    expect(result.status).toBe(2);
    const files = JSON.parse(result.stdout) as Array<{
      file: string;
      error?: { code: string; reason: string };
      messages: Array<{ ruleId: string; severity: string; line: number; column: number; message: string }>;
    }>;
    // Paths are reported as the folder was given, here absolute.
    const name = (f: { file: string }) => f.file.slice(dir.length + 1);
    expect(files[0]!.file.startsWith(dir)).toBe(true);
    expect(files.map(name)).toEqual([
      'a-seed-utf8.txt',
      'b-seed-gb18030.txt',
      'c-seed-utf16.txt',
      'd-seed.md',
      'e-report.docx',
      'f-empty.txt',
      'g-binary.txt',
      'h-broken.docx',
      'i-old.doc',
      'sub/j-nested.txt',
    ]);
    const errors = Object.fromEntries(files.filter((f) => f.error).map((f) => [name(f), f.error!.code]));
    expect(errors).toEqual({
      'f-empty.txt': 'empty',
      'g-binary.txt': 'binary',
      'h-broken.docx': 'corrupt-docx',
      'i-old.doc': 'unreadable-doc',
    });
    expect(files.find((f) => name(f) === 'i-old.doc')!.error!.reason).toContain('请另存为 .docx');
  });

  it('gives the GB18030 and UTF-16 seeds exactly the messages and figures of the UTF-8 seed', () => {
    const result = jixiao([
      'check',
      join(dir, 'a-seed-utf8.txt'),
      join(dir, 'b-seed-gb18030.txt'),
      join(dir, 'c-seed-utf16.txt'),
      '--format',
      'json',
    ]);
    const [utf8, gb, utf16] = JSON.parse(result.stdout) as Array<{ messages: unknown[] }>;
    expect(utf8!.messages.map((m) => (m as { ruleId: string }).ruleId)).toEqual([
      'no-placeholder-section',
      'numbering-style',
      'no-empty-annex',
    ]);
    expect(gb!.messages).toEqual(utf8!.messages);
    expect(utf16!.messages).toEqual(utf8!.messages);
    const figures = (file: string) =>
      jixiao(['extract', join(dir, file), '--format', 'jsonl'])
        .stdout.split('\n')
        .filter(Boolean)
        .map((l) => ({ ...JSON.parse(l), file: '' }));
    expect(figures('b-seed-gb18030.txt')).toEqual(figures('a-seed-utf8.txt'));
  });

  it('reads a .docx keeping Word’s numbering, so the outline survives', () => {
    const result = jixiao([
      'convert',
      join(dir, 'e-report.docx'),
      '--to',
      'md',
      '--out-dir',
      join(outputs, 'out-docx'),
    ]);
    expect(result.status).toBe(0);
    const markdown = readFileSync(join(outputs, 'out-docx', 'e-report.md'), 'utf8');
    expect(markdown).toContain('## 一、部门（单位）基本概况');
    expect(markdown).toContain('### （一）完成造林任务');
    expect(markdown).toContain('## 三、存在的问题及原因\n\n保密');
    const checked = JSON.parse(jixiao(['check', join(dir, 'e-report.docx'), '--format', 'json']).stdout)[0];
    expect(checked.messages.map((m: { ruleId: string }) => m.ruleId)).toContain('no-placeholder-section');
  });

  it('prints stylish output grouped by file with a summary line', () => {
    const result = jixiao(['check', dir]);
    expect(result.stdout).toMatch(
      /a-seed-utf8\.txt:7:1\s+错误\s+章节“部门（单位）基本概况”仅有占位内容“保密”（涉密不公开），应填写实际内容\s+no-placeholder-section/,
    );
    expect(result.stdout).toMatch(/f-empty\.txt:0:0\s+错误\s+无法读取：文件为空\s+empty/);
    expect(result.stdout.trim().split('\n').pop()).toMatch(
      /^✖ 检查了 10 个文件：\d+ 个错误，\d+ 个警告，4 个文件无法读取$/,
    );
  });

  it('writes SARIF 2.1.0 that validates against the official schema', () => {
    const result = jixiao(['check', dir, '--format', 'sarif']);
    const log = JSON.parse(result.stdout);
    const schema = JSON.parse(
      readFileSync(
        join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'),
        'utf8',
      ),
    );
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // One result per message the JSON format gives for the same folder, in the same order.
    const json = JSON.parse(jixiao(['check', dir, '--format', 'json']).stdout) as Array<{
      messages: Array<{ ruleId: string; severity: string; line: number; column: number; message: string }>;
    }>;
    const messages = json.flatMap((f) => f.messages);
    type Result = {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: Array<{
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
      }>;
    };
    const results = log.runs[0].results as Result[];
    const seedResults = results.filter((r) =>
      r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('/a-seed-utf8.txt'),
    );
    expect(seedResults.map((r) => r.ruleId)).toEqual(['no-placeholder-section', 'numbering-style', 'no-empty-annex']);
    expect(
      results.map((r) => {
        const { startLine, startColumn } = r.locations[0]!.physicalLocation.region;
        return [r.ruleId, r.level, startLine, startColumn, r.message.text];
      }),
    ).toEqual(
      messages.map((m) => [m.ruleId, m.severity === 'warn' ? 'warning' : m.severity, m.line, m.column, m.message]),
    );
    expect(log.runs[0].invocations[0].toolExecutionNotifications).toHaveLength(4);
  });

  it('writes GitHub annotations', () => {
    const lines = jixiao(['check', join(dir, 'a-seed-utf8.txt'), '--format', 'github'])
      .stdout.trim()
      .split('\n');
    expect(lines[0]).toMatch(
      /^::error file=.*a-seed-utf8\.txt,line=7,col=1,endLine=7,endColumn=3,title=no-placeholder-section::章节/,
    );
    expect(lines[1]).toMatch(/^::warning /);
  });

  it('exits 0 clean, 1 on rule errors, 1 over --max-warnings, 2 on bad usage', () => {
    const clean = join(mkdtempSync(join(tmpdir(), 'jixiao-clean-')), 'clean.txt');
    writeFileSync(clean, '一、存在的问题\n拨付偏慢。\n二、改进措施\n加快进度。\n');
    expect(jixiao(['check', clean]).status).toBe(0);
    expect(jixiao(['check', join(dir, 'a-seed-utf8.txt')]).status).toBe(1);
    const warnOnly = [
      'check',
      join(dir, 'a-seed-utf8.txt'),
      '--rule',
      'no-placeholder-section:off',
      '--rule',
      'no-empty-annex:off',
    ];
    expect(jixiao(warnOnly).status).toBe(0);
    expect(jixiao([...warnOnly, '--max-warnings', '0']).status).toBe(1);
    expect(jixiao(['check', join(dir, 'a-seed-utf8.txt'), '--quiet', '--format', 'json']).stdout).not.toContain(
      'numbering-style',
    );
    const bad = jixiao(['check', dir, '--format', 'xml']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--format 只能是 stylish、json、sarif、github（收到 "xml"）');
    expect(jixiao(['check', dir, '--rule', 'no-such-rule:off']).stderr).toContain('--rule：没有规则“no-such-rule”');
    expect(jixiao(['check', dir, '--bogus']).status).toBe(2);
  });

  it('refuses files over --max-size and goes on with the rest', () => {
    const result = jixiao([
      'check',
      join(dir, 'a-seed-utf8.txt'),
      join(dir, 'sub'),
      '--max-size',
      '1kb',
      '--format',
      'json',
    ]);
    const files = JSON.parse(result.stdout);
    // The limit in a unit that reads (not `0.0 MB`), and how to raise it.
    expect(files[0].error).toEqual({
      code: 'too-large',
      reason: '文件大小 7 KB，超过上限 1 KB；如确需读取，请用 --max-size 调高上限',
    });
    // The rest is checked as it would be alone.
    expect(files[1].file).toBe(join(dir, 'sub', 'j-nested.txt'));
    expect(
      files[1].messages.map((m: { ruleId: string; line: number; message: string }) => [m.ruleId, m.line, m.message]),
    ).toEqual(check(fixture('placeholders.txt')).map((m) => [m.ruleId, m.line, m.reason]));
  });
});

describe('jixiao extract', () => {
  it('writes CSV with a BOM, every field, numbers as numbers', () => {
    const out = join(outputs, 'figures.csv');
    const result = jixiao(['extract', join(dir, 'a-seed-utf8.txt'), '--out', out]);
    expect(result.status).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = csv.slice(1).trim().split('\r\n');
    expect(header).toBe(
      'file,kind,text,start,end,line,column,value,min,max,approx,unit,currency,yearInferred,qualifier,subject,section,' +
        'sectionTitle,sentence,direction,flags,table,row,level1,level2,name,target,comparator,targetValue,actual,' +
        'actualValue,weight,score,reason,achieved,item,initial,adjusted,executed,rate,rateStated',
    );
    expect(rows.find((r) => r.includes(',money,1342.23万元,'))).toMatch(/,13422300,,,,万元,CNY,/);
    expect(readdirSync(outputs).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes JSON Lines and an .xlsx workbook with numbers as numbers', () => {
    const lines = jixiao(['extract', join(dir, 'a-seed-utf8.txt'), '--format', 'jsonl'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.find((l) => l.text === '20余万元')).toMatchObject({
      kind: 'money',
      value: 200000,
      approx: 'over',
      section: '2、/（四）',
    });
    const out = join(outputs, 'figures.xlsx');
    expect(jixiao(['extract', join(dir, 'a-seed-utf8.txt'), '--format', 'xlsx', '--out', out]).status).toBe(0);
    const files = unzipSync(readFileSync(out));
    const sheets = Object.keys(files).filter((f) => f.startsWith('xl/worksheets/sheet'));
    expect(sheets.some((f) => strFromU8(files[f]!).includes('<v>13422300</v>'))).toBe(true);
    expect(jixiao(['extract', dir, '--format', 'xlsx']).stderr).toContain('--format xlsx 需要 --out 文件');
  });

  it('reports unreadable files on stderr, keeps the rest, exits 2', () => {
    const result = jixiao(['extract', dir, '--format', 'jsonl']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('f-empty.txt：无法读取（empty）：文件为空');
    expect(result.stdout).toContain('"file":"' + join(dir, 'sub', 'j-nested.txt'));
  });
});

describe('jixiao convert', () => {
  it('writes beside each input, or into --out-dir mirroring sub-folders, never over an input', () => {
    const out = join(outputs, 'converted');
    const result = jixiao(['convert', dir, '--to', 'json', '--out-dir', out]);
    expect(result.status).toBe(2); // the unreadable files
    expect(readdirSync(out).sort()).toEqual([
      'a-seed-utf8.json',
      'b-seed-gb18030.json',
      'c-seed-utf16.json',
      'd-seed.json',
      'e-report.json',
      'sub',
    ]);
    expect(readdirSync(join(out, 'sub'))).toEqual(['j-nested.json']);
    expect(JSON.parse(readFileSync(join(out, 'a-seed-utf8.json'), 'utf8')).type).toBe('report');
    const beside = jixiao(['convert', join(dir, 'd-seed.md'), '--to', 'md']);
    expect(beside.status).toBe(2);
    expect(beside.stderr).toContain('就是一个输入文件，拒绝覆盖');
    expect(readFileSync(join(dir, 'd-seed.md'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'fixtures', 'seed-shaodong-2020.md'), 'utf8'),
    );
  });
});

describe('configuration files', () => {
  it('finds .jixiaorc.json, .jixiaorc.yaml or package.json "jixiao" above the working folder', () => {
    for (const [name, content] of [
      ['.jixiaorc.json', '{"rules": {"numbering-style": "off"}}'],
      ['.jixiaorc.yaml', 'rules:\n  numbering-style: off\n'],
      ['package.json', '{"name": "x", "jixiao": {"rules": {"numbering-style": "off"}}}'],
    ]) {
      const project = mkdtempSync(join(tmpdir(), 'jixiao-config-'));
      writeFileSync(join(project, name!), content!);
      mkdirSync(join(project, '.git')); // the project root: discovery stops here
      mkdirSync(join(project, 'reports'));
      writeFileSync(join(project, 'reports', 'seed.txt'), seed);
      const result = jixiao(['check', 'seed.txt', '--format', 'json'], join(project, 'reports'));
      expect(result.status, result.stderr).toBe(1);
      expect(
        JSON.parse(result.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId),
        name,
      ).toEqual(['no-placeholder-section', 'no-empty-annex']);
    }
  });

  it('names the file, the key and what is allowed when the config is wrong', () => {
    const project = mkdtempSync(join(tmpdir(), 'jixiao-config-'));
    writeFileSync(join(project, 'seed.txt'), seed);
    writeFileSync(join(project, '.jixiaorc.json'), '{"rulez": {}}');
    const en = ['check', 'seed.txt', '--locale', 'en'];
    let result = jixiao(en, project);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/config .*\.jixiaorc\.json: .*rulez.*allowed keys: profile, rules, locale/);
    writeFileSync(join(project, '.jixiaorc.json'), '{"rules": {"rate-consistency": ["error", {"tolerance": "wide"}]}}');
    result = jixiao(en, project);
    expect(result.stderr).toMatch(/config .*\.jixiaorc\.json: rule "rate-consistency": invalid options/);
    writeFileSync(join(project, '.jixiaorc.json'), '{"locale": "fr"}');
    expect(jixiao(en, project).stderr).toMatch(/"locale"/);
    writeFileSync(join(project, '.jixiaorc.json'), '{ not json');
    expect(jixiao(en, project).stderr).toMatch(/not valid JSON/);
    // A rule's severity is explained by the core (what it takes), not as the schema's "Invalid input".
    writeFileSync(join(project, '.jixiaorc.json'), '{"rules": {"numbering-style": "loud"}}');
    expect(jixiao(en, project).stderr).toMatch(/rule "numbering-style": unknown severity "loud"; use "off"/);
  });
});

describe('help and version', () => {
  it('has --help for every command, with examples, and --version', () => {
    for (const command of ['check', 'extract', 'convert', 'inspect']) {
      const result = jixiao([command, '--help']);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`用法：jixiao ${command}`);
      expect(result.stdout).toMatch(/示例：/);
      const english = jixiao([command, '--help', '--locale', 'en']);
      expect(english.stdout).toContain(`Usage: jixiao ${command}`);
      expect(english.stdout).toMatch(/Examples?:/);
    }
    expect(jixiao(['--version']).stdout.trim()).toBe(
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
    );
  });
});

describe('PDF input (the readers themselves are tested in test/read)', () => {
  it('checks the PDFs found in a folder as their text, and reports one with no text layer', () => {
    const folder = mkdtempSync(join(tmpdir(), 'jixiao-pdf-'));
    const lines = ['某县林业局2020年度部门整体支出绩效自评报告', '一、部门（单位）基本概况', '保密'];
    writeFileSync(join(folder, 'report.pdf'), textPdf([lines]));
    writeFileSync(join(folder, 'scan.pdf'), textPdf([[]]));
    const result = jixiao(['check', folder, '--format', 'json']);
    expect(result.status).toBe(2);
    const [report, scan] = JSON.parse(result.stdout) as Array<{
      file: string;
      error?: { code: string };
      messages: Array<{ ruleId: string; line: number; message: string }>;
    }>;
    expect(report!.file).toBe(join(folder, 'report.pdf'));
    expect(report!.messages.map((m) => [m.ruleId, m.line, m.message])).toEqual(
      check(lines.join('\n') + '\n').map((m) => [m.ruleId, m.line, m.reason]),
    );
    expect(report!.messages).toContainEqual(expect.objectContaining({ ruleId: 'no-placeholder-section', line: 3 }));
    expect(scan).toMatchObject({ file: join(folder, 'scan.pdf'), error: { code: 'pdf-no-text' } });
  });
});

describe('worker threads', () => {
  it('gives the same results in the same order with --jobs 2 as with --jobs 1', () => {
    const folder = mkdtempSync(join(tmpdir(), 'jixiao-jobs-'));
    const names = ['seed-shaodong-2020.txt', 'placeholders.txt', 'run-in-headings.txt', 'lists-not-headings.txt'];
    for (let i = 0; i < 12; i++)
      writeFileSync(join(folder, `r${String(i).padStart(2, '0')}.txt`), fixture(names[i % names.length]!));
    const one = jixiao(['check', folder, '--format', 'json', '--jobs', '1']);
    const two = jixiao(['check', folder, '--format', 'json', '--jobs', '2']);
    expect(two.status).toBe(one.status);
    expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));
    expect(JSON.parse(one.stdout)).toHaveLength(12);
  });
});
