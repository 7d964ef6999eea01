import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import cliProgress from 'cli-progress';
import { inspectColor, inspectNoColor } from 'unist-util-inspect';
import pkg from '../../package.json' with { type: 'json' };
import {
  JixiaoError,
  parse,
  resolveProfile,
  resolveSettings,
  rules,
  type CheckOptions,
  type Config,
  type RuleSetting,
  type SeverityInput,
} from '../index.js';
import { findConfig, loadConfig } from './config.js';
import { expandInputs, type Input } from './files.js';
import { github } from './format/github.js';
import { json } from './format/json.js';
import { sarif } from './format/sarif.js';
import { stylish } from './format/stylish.js';
import type { Formatter, Summary } from './format/types.js';
import { CSV_BOM, csvHeader, csvRow, jsonLine, writeAtomic, xlsx, type Row } from './output.js';
import { defaultJobs, runAll } from './pool.js';
import { DEFAULT_MAX_SIZE, ENCODINGS, readReport, type Encoding } from './read/read-report.js';
import type { Task, TaskResult } from './task.js';

type Exit = 0 | 1 | 2;

/** A mistake in how jixiao was called: exit 2 with the message and the command's help. */
function usage(message: string, key?: string): JixiaoError {
  return new JixiaoError(message, { code: 'usage', ...(key ? { key } : {}) });
}

const HELP: Record<string, string> = {
  main: `jixiao ${pkg.version}: read, check and extract Chinese performance self-evaluation reports (绩效自评报告)

Usage: jixiao <command> [options]

Commands:
  check <files|folders|globs…>    check reports as a finance-bureau reviewer would
  extract <files|folders|globs…>  every amount, date, count, percentage and document number
  convert <files|folders|globs…>  write each report as Markdown or as its JSON tree
  inspect FILE                    print the report tree of one file

Options:
  -h, --help     help for jixiao or for a command (jixiao check --help)
  -v, --version  print the version

Reads .txt (UTF-8, UTF-16 with BOM, GB18030), .md, .docx, .doc and .pdf. A folder means every such
file in it and below it. Exit codes: 0 clean, 1 rule errors (or warnings over --max-warnings),
2 usage, configuration or unreadable input.

Examples:
  jixiao check fixtures
  jixiao extract 'reports/**/*.docx' --format xlsx --out figures.xlsx
  jixiao convert reports --to md --out-dir markdown
`,
  check: `Usage: jixiao check <files|folders|globs…> [options]

Checks every report and prints each message as file:line:col  severity  message  rule-id.

Options:
  --format stylish|json|sarif|github  output format (default stylish)
  --profile ID|FILE.json              report profile: hunan-dept-overall, mof-project-2020, generic, or your own
                                      (default: detected per report)
  --config FILE                       configuration file (default: .jixiaorc.json, .jixiaorc.yaml or the
                                      "jixiao" key of package.json, in this folder or above)
  --rule ID:off|warn|error            set one rule (repeatable)
  --max-warnings N                    exit 1 when there are more than N warnings
  --quiet                             report errors only
  --locale zh-CN|en                   message language (default zh-CN)
  --year YYYY                         the reports' fiscal year, when the text does not say
  --encoding utf-8|utf-16le|utf-16be|gb18030
                                      decode text files this way (default: detected)
  --max-size SIZE                     skip files larger than SIZE (bytes, or 10mb; default 50mb)
  --jobs N                            worker threads (default: the number of cores)

Examples:
  jixiao check fixtures
  jixiao check reports --format sarif > jixiao.sarif
  jixiao check 'reports/**/*.txt' --rule no-template-text:off --max-warnings 0
`,
  extract: `Usage: jixiao extract <files|folders|globs…> --format csv|jsonl|xlsx [--out FILE]

Writes every figure of every report, one row each, with the file name, section path, section title,
sentence and all the fields of extract(). CSV is UTF-8 with a BOM, so Excel on Chinese Windows opens it
correctly; numbers are numbers.

Options:
  --format csv|jsonl|xlsx   output format (default csv)
  --out FILE                write to FILE (required for xlsx; default: standard output)
  --year YYYY               the reports' fiscal year, when the text does not say
  --encoding, --max-size, --jobs, --config   as for check

Examples:
  jixiao extract fixtures --format csv --out figures.csv
  jixiao extract reports --format xlsx --out figures.xlsx
`,
  convert: `Usage: jixiao convert <files|folders|globs…> --to md|json [--out-dir DIR]

Writes FILE.md or FILE.json beside each input, or into DIR mirroring sub-folders. Never overwrites an
input; writes through a temporary file and a rename.

Options:
  --to md|json      output format (required)
  --out-dir DIR     write into DIR instead of beside each input
  --stdout          print to standard output instead of writing files
  --encoding, --max-size, --jobs, --config   as for check

Examples:
  jixiao convert fixtures/seed-shaodong-2020.txt --to md --stdout
  jixiao convert reports --to json --out-dir trees
`,
  inspect: `Usage: jixiao inspect FILE

Prints the report tree of FILE with positions (line:column-line:column, offsets).

Example:
  jixiao inspect fixtures/seed-shaodong-2020.txt
`,
};

const COMMON: ParseArgsConfig['options'] = {
  help: { type: 'boolean', short: 'h' },
  config: { type: 'string' },
  encoding: { type: 'string' },
  'max-size': { type: 'string' },
  jobs: { type: 'string' },
  year: { type: 'string' },
};

const OPTIONS: Record<string, ParseArgsConfig['options']> = {
  check: {
    ...COMMON,
    format: { type: 'string' },
    profile: { type: 'string' },
    rule: { type: 'string', multiple: true },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean' },
    locale: { type: 'string' },
  },
  extract: { ...COMMON, format: { type: 'string' }, out: { type: 'string' } },
  convert: { ...COMMON, to: { type: 'string' }, 'out-dir': { type: 'string' }, stdout: { type: 'boolean' } },
  inspect: { help: { type: 'boolean', short: 'h' }, encoding: { type: 'string' } },
};

function out(text: string): void {
  if (text) process.stdout.write(text);
}

function wholeNumber(name: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw usage(`--${name} takes a whole number${min ? ` from ${min}` : ''} (got ${JSON.stringify(value)})`);
  return Number(value);
}

function size(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(value.trim());
  if (!m) throw usage(`--max-size takes a size such as 500000, 500kb or 10mb (got ${JSON.stringify(value)})`);
  const unit = (m[2] ?? 'b').toLowerCase()[0]!;
  return Math.round(Number(m[1]) * ({ b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[unit]!);
}

function encoding(value: string | undefined): Encoding | undefined {
  if (value === undefined) return undefined;
  const e = value
    .toLowerCase()
    .replace('utf8', 'utf-8')
    .replace(/^gbk$|^gb2312$/, 'gb18030') as Encoding;
  if (!ENCODINGS.includes(e)) throw usage(`--encoding takes ${ENCODINGS.join(', ')} (got ${JSON.stringify(value)})`);
  return e;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (value === undefined || !allowed.includes(value as T)) {
    throw usage(
      `--${name} must be ${allowed.join(' or ')} (got ${value === undefined ? 'nothing' : JSON.stringify(value)})`,
    );
  }
  return value as T;
}

interface Shared {
  inputs: Input[];
  config: Config;
  read: Task['read'];
  jobs: number;
  year?: number;
}

async function prepare(command: string, values: Record<string, unknown>, positionals: string[]): Promise<Shared> {
  if (positionals.length === 0) throw usage(`${command}: give at least one file, folder or glob`);
  const config =
    typeof values.config === 'string' ? await loadConfig(values.config) : (await findConfig(process.cwd())).config;
  const inputs = await expandInputs(positionals, config.ignore);
  if (inputs.length === 0)
    throw usage(`${command}: no report files (.txt, .md, .docx, .doc, .pdf) in ${positionals.join(', ')}`);
  const year = wholeNumber('year', values.year as string | undefined, 1900);
  const forced = encoding(values.encoding as string | undefined) ?? config.encoding;
  return {
    inputs,
    config,
    read: {
      maxSize: size(values['max-size'] as string | undefined) ?? config.maxSize ?? DEFAULT_MAX_SIZE,
      ...(forced ? { encoding: forced } : {}),
    },
    jobs: wholeNumber('jobs', values.jobs as string | undefined, 1) ?? defaultJobs(),
    ...(year ? { year } : {}),
  };
}

/** A progress bar on stderr, only when a person is watching a large batch. */
function progress(total: number): { tick(): void; stop(): void } {
  if (!process.stderr.isTTY || total < 20) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'jixiao {bar} {value}/{total} files', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}

async function check(values: Record<string, unknown>, positionals: string[]): Promise<Exit> {
  const format = oneOf(
    'format',
    values.format as string | undefined,
    ['stylish', 'json', 'sarif', 'github'] as const,
    'stylish',
  );
  const shared = await prepare('check', values, positionals);
  const ruleSettings: Record<string, RuleSetting> = {
    ...(shared.config.rules as Record<string, RuleSetting> | undefined),
  };
  for (const flag of (values.rule as string[] | undefined) ?? []) {
    const m = /^([a-z][a-z0-9-]*):(off|warn|error|0|1|2)$/.exec(flag);
    if (!m)
      throw usage(`--rule takes ID:off|warn|error, e.g. --rule no-template-text:off (got ${JSON.stringify(flag)})`);
    const previous = ruleSettings[m[1]!];
    const severity = (/^\d$/.test(m[2]!) ? Number(m[2]) : m[2]) as SeverityInput;
    // A severity from the command line keeps the options the config gave the rule.
    ruleSettings[m[1]!] = Array.isArray(previous) && previous.length > 1 ? [severity, previous[1]] : severity;
  }
  resolveSettings(rules, ruleSettings); // fail before reading any file
  let profile: CheckOptions['profile'] = shared.config.profile;
  const profileFlag = values.profile as string | undefined;
  if (profileFlag) {
    if (/\.json$/i.test(profileFlag)) {
      let text: string;
      try {
        text = await readFile(profileFlag, 'utf8');
      } catch {
        throw usage(`--profile: cannot read ${profileFlag} (check the path)`);
      }
      try {
        profile = resolveProfile(JSON.parse(text));
      } catch (error) {
        if (!(error instanceof JixiaoError)) throw error;
        throw usage(`--profile ${profileFlag}: ${error.message}`, '--profile');
      }
    } else profile = profileFlag;
  }
  if (typeof profile === 'string') resolveProfile(profile);
  const locale = oneOf(
    'locale',
    values.locale as string | undefined,
    ['zh-CN', 'en'] as const,
    shared.config.locale ?? 'zh-CN',
  );
  const maxWarnings =
    wholeNumber('max-warnings', values['max-warnings'] as string | undefined) ?? shared.config.maxWarnings;
  const quiet = values.quiet === true;

  const formatter: Formatter = { stylish, json, sarif: () => sarif(pkg.version), github }[format]();
  const tasks: Task[] = shared.inputs.map((input) => ({
    path: input.path,
    command: 'check',
    read: shared.read,
    check: {
      rules: ruleSettings,
      locale,
      ...(profile ? { profile } : {}),
      ...(shared.year ? { year: shared.year } : {}),
    },
  }));
  const summary: Summary = { files: tasks.length, errors: 0, warnings: 0, unreadable: 0 };
  const bar = progress(tasks.length);
  out(formatter.start());
  for await (const result of runAll(tasks, shared.jobs)) {
    bar.tick();
    let shown: TaskResult = result;
    if (result.ok) {
      const messages = (result.messages ?? []).filter((m) => !quiet || m.severity === 'error');
      for (const m of messages) summary[m.severity === 'error' ? 'errors' : 'warnings']++;
      shown = { ...result, messages };
    } else summary.unreadable++;
    out(formatter.file(shown));
  }
  bar.stop();
  out(formatter.end(summary));
  if (summary.unreadable > 0) return 2;
  if (summary.errors > 0) return 1;
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
    process.stderr.write(`jixiao: ${summary.warnings} warnings is more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

async function extractCommand(values: Record<string, unknown>, positionals: string[]): Promise<Exit> {
  const format = oneOf('format', values.format as string | undefined, ['csv', 'jsonl', 'xlsx'] as const, 'csv');
  const target = values.out as string | undefined;
  if (format === 'xlsx' && !target)
    throw usage('extract: --format xlsx needs --out FILE (a workbook is not written to a terminal)');
  const shared = await prepare('extract', values, positionals);
  const tasks: Task[] = shared.inputs.map((input) => ({
    path: input.path,
    command: 'extract',
    read: shared.read,
    ...(shared.year ? { check: { year: shared.year } } : {}),
  }));

  // Text formats stream to the output (through a temporary file when --out is given).
  const temporary = target && format !== 'xlsx' ? `${target}.${process.pid}.tmp` : undefined;
  const stream = temporary ? createWriteStream(temporary) : undefined;
  const write = (text: string) => (stream ? stream.write(text) : process.stdout.write(text));
  const rows: Row[] = [];
  if (format === 'csv') write(CSV_BOM + csvHeader());
  let unreadable = 0;
  const bar = progress(tasks.length);
  try {
    for await (const result of runAll(tasks, shared.jobs)) {
      bar.tick();
      if (!result.ok) {
        unreadable++;
        process.stderr.write(`${result.path}: cannot read (${result.code}): ${result.reason}\n`);
        continue;
      }
      for (const record of result.records ?? []) {
        const row: Row = { file: result.path, ...record };
        if (format === 'csv') write(csvRow(row));
        else if (format === 'jsonl') write(jsonLine(row));
        else rows.push(row);
      }
    }
  } finally {
    bar.stop();
    if (stream)
      await new Promise<void>((done, failed) => stream.end((error?: Error | null) => (error ? failed(error) : done())));
  }
  if (format === 'xlsx') await writeAtomic(target!, await xlsx(rows));
  else if (temporary) {
    try {
      await rename(temporary, target!);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
  return unreadable > 0 ? 2 : 0;
}

async function convert(values: Record<string, unknown>, positionals: string[]): Promise<Exit> {
  const to = oneOf('to', values.to as string | undefined, ['md', 'json'] as const);
  const outDir = values['out-dir'] as string | undefined;
  const shared = await prepare('convert', values, positionals);
  const byPath = new Map(shared.inputs.map((i) => [i.path, i]));
  const tasks: Task[] = shared.inputs.map((input) => ({ path: input.path, command: 'convert', read: shared.read, to }));
  let failed = 0;
  for await (const result of runAll(tasks, shared.jobs)) {
    if (!result.ok) {
      failed++;
      process.stderr.write(`${result.path}: cannot read (${result.code}): ${result.reason}\n`);
      continue;
    }
    if (values.stdout) {
      out(result.output ?? '');
      continue;
    }
    const input = byPath.get(result.path)!;
    const name = basename(result.path, extname(result.path)) + (to === 'md' ? '.md' : '.json');
    const folder = outDir
      ? join(outDir, input.base ? relative(input.base, dirname(result.path)) : '')
      : dirname(result.path);
    const target = join(folder, name);
    if (resolve(target) === resolve(result.path)) {
      failed++;
      process.stderr.write(
        `${result.path}: not converted (would-overwrite): the output would replace the input; use --out-dir\n`,
      );
      continue;
    }
    await writeAtomic(target, result.output ?? '');
    process.stdout.write(`${result.path} → ${target}\n`);
  }
  return failed > 0 ? 2 : 0;
}

async function inspect(values: Record<string, unknown>, positionals: string[]): Promise<Exit> {
  const file = positionals[0];
  if (!file) throw usage('inspect: missing FILE');
  const forced = encoding(values.encoding as string | undefined);
  const input = await readReport(file, { maxSize: DEFAULT_MAX_SIZE, ...(forced ? { encoding: forced } : {}) });
  if (!input.ok) {
    process.stderr.write(`jixiao inspect: cannot read ${file} (${input.code}): ${input.reason}\n`);
    return 2;
  }
  const color = process.stdout.isTTY && !process.env.NO_COLOR;
  out(
    (color ? inspectColor : inspectNoColor)(parse(input.text, { format: input.format }), { showPositions: true }) +
      '\n',
  );
  return 0;
}

const COMMANDS: Record<string, (values: Record<string, unknown>, positionals: string[]) => Promise<Exit>> = {
  check,
  extract: extractCommand,
  convert,
  inspect,
};

async function main(argv: string[]): Promise<Exit> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    out(`${pkg.version}\n`);
    return 0;
  }
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? process.stdout : process.stderr).write(HELP.main!);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`jixiao: unknown command "${command}"\n\n${HELP.main}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: OPTIONS[command],
      allowPositionals: true,
      strict: true,
    });
    if ((values as { help?: boolean }).help) {
      out(HELP[command]!);
      return 0;
    }
    return await run(values as Record<string, unknown>, positionals);
  } catch (error) {
    if (
      (error instanceof JixiaoError && error.code === 'usage') ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`jixiao ${command}: ${(error as Error).message}\n\n${HELP[command]}`);
      return 2;
    }
    if (error instanceof JixiaoError) {
      process.stderr.write(`jixiao: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

// `jixiao check … | head`: a reader that stops early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `jixiao: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
