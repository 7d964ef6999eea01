import type { Locale } from '../index.js';

/**
 * Everything the CLI prints around the rules' own messages, in Chinese (the default)
 * and English. One object per language with the same keys, so a missing translation is
 * a type error.
 */
export interface CliText {
  error: string;
  warning: string;
  /** `✖ 检查了 15 个文件：20 个错误，9 个警告，3 个文件无法读取`; `quiet` leaves warnings out. */
  summary(s: { files: number; errors: number; warnings: number; unreadable: number; quiet: boolean }): string;
  /** `无法读取：原因`, in a file's line of stylish output. */
  cannotRead(reason: string): string;
  /** `文件：无法读取（代码）：原因`, a line on standard error. */
  fileLine(path: string, code: string, reason: string): string;
  /** After the count on the progress bar: `3/20 个文件`. */
  files: string;
  /** A file that could not be read or processed: what and how to fix it, by reason code. */
  fileError(code: string, reason: string, limits: Limits): string;
  fileWarning(code: string, reason: string): string;
  maxWarnings(warnings: number, max: number): string;
  usageHint(command: string): string;
  unknownCommand(command: string, suggestion: string | undefined): string;
  unknownOption(option: string, suggestion: string | undefined): string;
  missingValue(option: string): string;
  unexpectedValue(option: string): string;
  wholeNumber(option: string, min: number, got: string): string;
  positiveNumber(option: string, got: string): string;
  year(option: string, got: string): string;
  size(option: string, got: string): string;
  oneOf(option: string, allowed: readonly string[], got: string | undefined): string;
  ruleFlag(got: string): string;
  noInputs: string;
  noReports(args: string): string;
  allIgnored(args: string): string;
  stdinTwice: string;
  stdinEmpty: string;
  xlsxNeedsOut: string;
  cannotReadProfile(file: string): string;
  needsFiles(option: string): string;
  backupNeedsFix: string;
  convertStdin: string;
  fixNote(file: string, code: string, encoding?: string): string;
  fixed(file: string, count: number): string;
  wrote(input: string, output: string): string;
  outIsFolder(out: string): string;
  outDirIsFile(dir: string): string;
  outParentMissing(out: string): string;
  cannotWrite(out: string, code: string): string;
  outputIsInput(output: string, input: string): string;
  outputClaimedTwice(output: string, first: string, second: string): string;
  outputExists(output: string, input: string): string;
  outputExistsNoForce(output: string): string;
  printConfig(from: string | undefined): string;
  help: Record<'main' | 'check' | 'extract' | 'convert' | 'inspect', string>;
}

/** The limits a file is processed under, for messages that say how to raise them. */
export interface Limits {
  maxSize: number;
  maxMemoryMb: number;
  timeoutMs: number;
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;
const quote = (s: string) => JSON.stringify(s);

/**
 * What the pool says about a file it had to stop (the readers say what is wrong with the
 * files they cannot read, in the user's language already).
 */
const POOL: Record<Locale, Record<string, (reason: string, limits: Limits) => string>> = {
  'zh-CN': {
    'too-large': (reason, limits) =>
      /memory/i.test(reason) ? `处理该文件所需内存超过上限 ${limits.maxMemoryMb} MB；可用 --max-memory 调高` : reason,
    timeout: (_reason, limits) => `处理该文件超过时间上限 ${seconds(limits.timeoutMs)}；可用 --timeout 调高`,
    internal: (reason) => `jixiao 处理该文件时出错，请报告此问题（${reason}）`,
  },
  en: {
    'too-large': (reason, limits) =>
      /memory/i.test(reason)
        ? `processing it needs more than the memory limit of ${limits.maxMemoryMb} MB; raise it with --max-memory`
        : reason,
    timeout: (_reason, limits) =>
      `processing it took longer than the time limit of ${seconds(limits.timeoutMs)}; raise it with --timeout`,
    internal: (reason) => reason,
  },
};

const ZH_HELP = {
  main: (version: string) => `jixiao ${version}：读取、检查绩效自评报告并提取其中的数字

用法：jixiao <命令> [选项]

命令：
  check <文件|文件夹|通配符…>    像财政局审核人员那样检查报告
  extract <文件|文件夹|通配符…>  提取每个金额、日期、数量、百分比和文号
  convert <文件|文件夹|通配符…>  把每份报告写成 Markdown 或 JSON 语法树
  inspect 文件                   打印一个文件的报告树

选项：
  -h, --help     显示 jixiao 或某个命令的帮助（jixiao check --help）
  -v, --version  显示版本
  --locale zh-CN|en
                 输出语言（默认中文；也读取 LC_ALL、LC_MESSAGES、LANG）

读取 .txt（UTF-8、带 BOM 的 UTF-16、GB18030）、.md、.docx、.doc 和 .pdf。给出文件夹即处理其中及
其子文件夹中的全部此类文件；“-”表示从标准输入读取一份报告。退出码：0 无问题，1 有规则错误（或警告
超过 --max-warnings），2 用法、配置错误或有文件无法读取。

示例：
  jixiao check fixtures
  jixiao check 报告.txt --fix
  cat 报告.txt | jixiao check --stdin-filename 报告.txt
  jixiao extract 'reports/**/*.docx' --format xlsx --out 数字.xlsx
  jixiao convert reports --to md --out-dir markdown
`,
  check: `用法：jixiao check <文件|文件夹|通配符|-…> [选项]

检查每份报告，每条问题一行：文件:行:列  级别  说明  规则。

选项：
  -f, --format stylish|json|sarif|github  输出格式（默认 stylish）
  -o, --output-file 文件                   写入文件而非标准输出
  --profile ID|文件.json                   报告类型：hunan-dept-overall、mof-project-2020、generic 或自定义
                                           （默认按报告自动识别）
  --rule ID:off|warn|error                 设置一条规则（可重复）
  --fix                                    就地修正可机械修正的问题（编号、模板说明）
  --fix-dry-run                            只显示修正会带来的改动（diff），不写文件
  --backup                                 与 --fix 同用：修正前保留 文件.bak
  --max-warnings N                         警告多于 N 条时退出码为 1
  --quiet                                  只报告错误
  --color, --no-color                      强制使用或不用颜色（默认：终端上用，管道中不用）
COMMON

示例：
  jixiao check fixtures
  jixiao check reports --format sarif -o jixiao.sarif
  jixiao check 'reports/**/*.txt' --rule no-template-text:off --max-warnings 0
  jixiao check 报告.txt --fix-dry-run
  cat 报告.txt | jixiao check - --stdin-filename 报告.txt
`,
  extract: `用法：jixiao extract <文件|文件夹|通配符|-…> [--format csv|jsonl|xlsx] [--out 文件]

把每份报告中的每个数字写成一行：文件名、章节路径、章节标题、所在句子，以及 extract() 的全部字段。
CSV 为带 BOM 的 UTF-8（中文 Windows 上的 Excel 可直接打开）；以 =、+、-、@ 开头的单元格前加 '，防止
Excel 将其当作公式。xlsx 按记录类型分表（数字、日期、事件……），中文表头，首行冻结并带筛选。

选项：
  -f, --format csv|jsonl|xlsx   输出格式（默认 csv）
  -o, --out 文件                写入文件（xlsx 必须给出；默认标准输出）
  --force                       覆盖已存在且不是本次输入的输出文件
COMMON

示例：
  jixiao extract fixtures --format csv --out 数字.csv
  jixiao extract reports --format xlsx --out 数字.xlsx
`,
  convert: `用法：jixiao convert <文件|文件夹|通配符|-…> --to md|json [--out-dir 文件夹]

把每份报告写成 文件名.md 或 文件名.json，放在输入文件旁边，或放进 --out-dir 并保留子文件夹结构。
写入前先规划全部输出：输出与某个输入相同、两个输入对应同一输出、或输出已存在（不是本次生成的）时，
一律拒绝并说明原因；通过临时文件和改名写入。

选项：
  --to md|json          输出格式（必须给出）
  --out-dir 文件夹       写入该文件夹
  --stdout              输出到标准输出：json 每个文件一行（JSON Lines），md 各文件之间以
                        <!-- jixiao: 文件名 --> 分隔
  --force               覆盖已存在且不是本次输入的文件
COMMON

示例：
  jixiao convert fixtures/seed-shaodong-2020.txt --to md --stdout
  jixiao convert reports --to json --out-dir trees
`,
  inspect: `用法：jixiao inspect 文件|-

打印该文件的报告树及位置（行:列-行:列，偏移量）。

选项：
  --encoding utf-8|utf-16le|utf-16be|gb18030   文本文件按此编码读取（默认自动识别）
  --stdin-filename 名称                        从标准输入读取时的文件名（决定按 .md 还是 .txt 读取）

示例：
  jixiao inspect fixtures/seed-shaodong-2020.txt
`,
  common: `  --config 文件                 配置文件（默认：从当前文件夹向上直到项目根目录，查找 .jixiaorc.json、
                                .jixiaorc.yaml、.jixiaorc.yml 或 package.json 的 "jixiao" 键）
  --print-config 文件           打印该文件适用的配置及其来源，然后退出
  --ignore-pattern 模式         跳过匹配的文件（gitignore 语法，可重复）；也读取 .jixiaoignore
  --no-gitignore                遍历文件夹时不跳过 .gitignore 忽略的文件
  --stdin-filename 名称         从标准输入读取时的文件名
  --year YYYY                   报告的年度（正文未写明时）
  --encoding utf-8|utf-16le|utf-16be|gb18030
                                文本文件按此编码读取（默认自动识别）
  --max-size 大小               跳过大于此大小的文件（字节，或 500kb、10mb；默认 50mb）
  --max-expanded-size 大小      .docx、.pdf 解压后的大小上限（默认 200mb）
  --max-memory MB               每个工作线程的内存上限（默认 2048）
  --timeout 秒                  每个文件的处理时间上限（默认 60）
  -j, --jobs N                  工作线程数（默认按机器和批量大小选最快的）
  --locale zh-CN|en             输出语言（默认中文）
  -h, --help                    显示本帮助
`,
};

const EN_HELP = {
  main: (
    version: string,
  ) => `jixiao ${version}: read, check and extract Chinese performance self-evaluation reports (绩效自评报告)

Usage: jixiao <command> [options]

Commands:
  check <files|folders|globs…>    check reports as a finance-bureau reviewer would
  extract <files|folders|globs…>  every amount, date, count, percentage and document number
  convert <files|folders|globs…>  write each report as Markdown or as its JSON tree
  inspect FILE                    print the report tree of one file

Options:
  -h, --help     help for jixiao or for a command (jixiao check --help)
  -v, --version  print the version
  --locale zh-CN|en
                 output language (default Chinese; LC_ALL, LC_MESSAGES and LANG are read too)

Reads .txt (UTF-8, UTF-16 with BOM, GB18030), .md, .docx, .doc and .pdf. A folder means every such
file in it and below it; "-" reads one report from standard input. Exit codes: 0 clean, 1 rule errors
(or warnings over --max-warnings), 2 usage, configuration or unreadable input.

Examples:
  jixiao check fixtures
  jixiao check report.txt --fix
  cat report.txt | jixiao check --stdin-filename report.txt
  jixiao extract 'reports/**/*.docx' --format xlsx --out figures.xlsx
  jixiao convert reports --to md --out-dir markdown
`,
  check: `Usage: jixiao check <files|folders|globs|-…> [options]

Checks every report and prints each message as file:line:col  severity  message  rule-id.

Options:
  -f, --format stylish|json|sarif|github  output format (default stylish)
  -o, --output-file FILE                  write to FILE instead of standard output
  --profile ID|FILE.json                  report profile: hunan-dept-overall, mof-project-2020, generic, or your
                                          own (default: detected per report)
  --rule ID:off|warn|error                set one rule (repeatable)
  --fix                                   fix in place what can be fixed mechanically (numbering, instructions)
  --fix-dry-run                           print the changes --fix would make (a diff); write nothing
  --backup                                with --fix: keep FILE.bak before fixing
  --max-warnings N                        exit 1 when there are more than N warnings
  --quiet                                 report errors only
  --color, --no-color                     force colours on or off (default: on a terminal, not in a pipe)
COMMON

Examples:
  jixiao check fixtures
  jixiao check reports --format sarif -o jixiao.sarif
  jixiao check 'reports/**/*.txt' --rule no-template-text:off --max-warnings 0
  jixiao check report.txt --fix-dry-run
  cat report.txt | jixiao check - --stdin-filename report.txt
`,
  extract: `Usage: jixiao extract <files|folders|globs|-…> [--format csv|jsonl|xlsx] [--out FILE]

Writes every figure of every report, one row each, with the file name, section path, section title,
sentence and all the fields of extract(). CSV is UTF-8 with a BOM (Excel on Chinese Windows opens it);
cells starting with =, +, -, @ get a leading ' so that Excel does not run them as formulas. xlsx has one
sheet per record kind (money, dates, events…), a frozen header row and an autofilter.

Options:
  -f, --format csv|jsonl|xlsx   output format (default csv)
  -o, --out FILE                write to FILE (required for xlsx; default: standard output)
  --force                       overwrite an output that exists and is not one of the inputs
COMMON

Examples:
  jixiao extract fixtures --format csv --out figures.csv
  jixiao extract reports --format xlsx --out figures.xlsx
`,
  convert: `Usage: jixiao convert <files|folders|globs|-…> --to md|json [--out-dir DIR]

Writes FILE.md or FILE.json beside each input, or into DIR mirroring sub-folders. Every output is
planned before any is written: an output that is an input, that two inputs map to, or that exists and
was not made by this run is refused with the reason; files are written through a temporary file and a
rename.

Options:
  --to md|json          output format (required)
  --out-dir DIR         write into DIR
  --stdout              print instead of writing files: json as one line per file (JSON Lines), md with
                        a <!-- jixiao: FILE --> line before each file
  --force               overwrite existing files that are not inputs
COMMON

Examples:
  jixiao convert fixtures/seed-shaodong-2020.txt --to md --stdout
  jixiao convert reports --to json --out-dir trees
`,
  inspect: `Usage: jixiao inspect FILE|-

Prints the report tree of FILE with positions (line:column-line:column, offsets).

Options:
  --encoding utf-8|utf-16le|utf-16be|gb18030   decode a text file this way (default: detected)
  --stdin-filename NAME                        the name of a report read from standard input

Example:
  jixiao inspect fixtures/seed-shaodong-2020.txt
`,
  common: `  --config FILE                 configuration file (default: .jixiaorc.json, .jixiaorc.yaml, .jixiaorc.yml or
                                the "jixiao" key of package.json, from this folder up to the project root)
  --print-config FILE           print the configuration that applies to FILE and where it came from
  --ignore-pattern PATTERN      leave out matching files (gitignore syntax, repeatable); .jixiaoignore too
  --no-gitignore                do not skip files that .gitignore ignores when walking folders
  --stdin-filename NAME         the name of a report read from standard input
  --year YYYY                   the reports' fiscal year, when the text does not say
  --encoding utf-8|utf-16le|utf-16be|gb18030
                                decode text files this way (default: detected)
  --max-size SIZE               skip files larger than SIZE (bytes, or 500kb, 10mb; default 50mb)
  --max-expanded-size SIZE      limit on what a .docx or .pdf unpacks to (default 200mb)
  --max-memory MB               memory limit of each worker thread (default 2048)
  --timeout SECONDS             time limit per file (default 60)
  -j, --jobs N                  worker threads (default: what is fastest for the machine and the batch)
  --locale zh-CN|en             output language (default Chinese)
  -h, --help                    print this help
`,
};

function helps(h: typeof ZH_HELP, version: string): CliText['help'] {
  const fill = (s: string) => s.replace('COMMON\n', h.common);
  return {
    main: h.main(version),
    check: fill(h.check),
    extract: fill(h.extract),
    convert: fill(h.convert),
    inspect: h.inspect,
  };
}

function zh(version: string): CliText {
  return {
    error: '错误',
    warning: '警告',
    summary({ files, errors, warnings, unreadable, quiet }) {
      const parts = [`${errors} 个错误`];
      if (!quiet) parts.push(`${warnings} 个警告`);
      if (unreadable) parts.push(`${unreadable} 个文件无法读取`);
      return `${errors || (!quiet && warnings) || unreadable ? '✖' : '✔'} 检查了 ${files} 个文件：${parts.join('，')}`;
    },
    cannotRead: (reason) => `无法读取：${reason}`,
    fileLine: (path, code, reason) => `${path}：无法读取（${code}）：${reason}`,
    files: '个文件',
    fileError: (code, reason, limits) => (POOL['zh-CN'][code] ?? (() => reason))(reason, limits),
    fileWarning: (_code, reason) => reason,
    maxWarnings: (warnings, max) => `${warnings} 个警告，超过了 --max-warnings ${max}`,
    usageHint: (command) => `运行 jixiao ${command}${command ? ' ' : ''}--help 查看用法`,
    unknownCommand: (command, suggestion) =>
      `没有“${command}”这个命令${suggestion ? `；你是想用 ${suggestion} 吗？` : ''}（命令有 check、extract、convert、inspect）`,
    unknownOption: (option, suggestion) => `未知选项 ${option}${suggestion ? `；你是想用 ${suggestion} 吗？` : ''}`,
    missingValue: (option) => `${option} 需要一个值`,
    unexpectedValue: (option) => `${option} 不带值`,
    wholeNumber: (option, min, got) => `${option} 需要一个${min ? `不小于 ${min} 的` : ''}整数（收到 ${quote(got)}）`,
    positiveNumber: (option, got) => `${option} 需要一个正数（收到 ${quote(got)}）`,
    year: (option, got) => `${option} 需要四位数的年度，如 2020（收到 ${quote(got)}）`,
    size: (option, got) => `${option} 需要一个大小，如 500000、500kb 或 10mb（收到 ${quote(got)}）`,
    oneOf: (option, allowed, got) =>
      `${option} 只能是 ${allowed.join('、')}（收到 ${got === undefined ? '空值' : quote(got)}）`,
    ruleFlag: (got) => `--rule 的写法是 规则:off|warn|error，如 --rule no-template-text:off（收到 ${quote(got)}）`,
    noInputs: '请至少给出一个文件、文件夹或通配符（或用 - 从标准输入读取）',
    noReports: (args) => `${args} 中没有报告文件（.txt、.md、.docx、.doc、.pdf）`,
    allIgnored: (args) => `${args} 中的文件都被忽略了（.jixiaoignore、--ignore-pattern 或 .gitignore）`,
    stdinTwice: '“-”（标准输入）只能给一次',
    stdinEmpty: '标准输入是空的，没有可读的报告',
    xlsxNeedsOut: '--format xlsx 需要 --out 文件（工作簿不能输出到终端）',
    cannotReadProfile: (file) => `--profile：无法读取 ${file}（请检查路径）`,
    needsFiles: (option) => `${option} 只能用于文件，不能用于标准输入`,
    backupNeedsFix: '--backup 只能与 --fix 一起用',
    convertStdin: '从标准输入读取时，convert 需要 --stdout（输出没有可以放的位置）',
    fixNote: (file, code, encoding) =>
      code === 'fix-not-text'
        ? `${file}：只能修正 .txt 和 .md 文件，未修正`
        : code === 'fix-backup-exists'
          ? `${file}：${file}.bak 已存在，为免丢失旧备份，未修正`
          : `${file}：按 ${encoding} 重新编码后与原文件不一致（含无效字节？），为免改动其他字符，未修正`,
    fixed: (file, count) => `${file}：修正了 ${count} 处`,
    wrote: (input, output) => `${input} → ${output}`,
    outIsFolder: (out) => `${out} 是一个文件夹；--out 需要文件名，例如 ${out}/数字.csv`,
    outDirIsFile: (dir) => `${dir} 是一个文件；--out-dir 需要文件夹`,
    outParentMissing: (out) => `无法写入 ${out}：所在文件夹不存在；请先创建它`,
    cannotWrite: (out, code) => `无法写入 ${out}（${code}）；请检查路径和权限`,
    outputIsInput: (output, input) => `${input}：输出 ${output} 就是一个输入文件，拒绝覆盖；请用 --out-dir`,
    outputClaimedTwice: (output, first, second) =>
      `${second}：输出 ${output} 与 ${first} 的输出相同；请分开转换，或用 --out-dir`,
    outputExists: (output, input) =>
      `${input}：输出 ${output} 已存在且不是本次生成的；用 --force 覆盖，或用 --out-dir 写到别处`,
    outputExistsNoForce: (output) => `${output} 已存在；用 --force 覆盖`,
    printConfig: (from) => (from ? `# 配置来自 ${from}` : '# 未找到配置文件，使用默认设置'),
    help: helps(ZH_HELP, version),
  };
}

function en(version: string): CliText {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return {
    error: 'error',
    warning: 'warning',
    summary({ files, errors, warnings, unreadable, quiet }) {
      const parts = [plural(errors, 'error')];
      if (!quiet) parts.push(plural(warnings, 'warning'));
      if (unreadable) parts.push(`${plural(unreadable, 'file')} could not be read`);
      return `${errors || (!quiet && warnings) || unreadable ? '✖' : '✔'} ${plural(files, 'file')} checked: ${parts.join(', ')}`;
    },
    cannotRead: (reason) => `cannot read: ${reason}`,
    fileLine: (path, code, reason) => `${path}: cannot read (${code}): ${reason}`,
    files: 'files',
    fileError: (code, reason, limits) => (POOL.en[code] ?? (() => reason))(reason, limits),
    fileWarning: (_code, reason) => reason,
    maxWarnings: (warnings, max) => `${plural(warnings, 'warning')} is more than --max-warnings ${max}`,
    usageHint: (command) => `run jixiao ${command}${command ? ' ' : ''}--help for usage`,
    unknownCommand: (command, suggestion) =>
      `there is no command "${command}"${suggestion ? `; did you mean ${suggestion}?` : ''} (commands: check, extract, convert, inspect)`,
    unknownOption: (option, suggestion) =>
      `unknown option ${option}${suggestion ? `; did you mean ${suggestion}?` : ''}`,
    missingValue: (option) => `${option} needs a value`,
    unexpectedValue: (option) => `${option} takes no value`,
    wholeNumber: (option, min, got) => `${option} takes a whole number${min ? ` from ${min}` : ''} (got ${quote(got)})`,
    positiveNumber: (option, got) => `${option} takes a positive number (got ${quote(got)})`,
    year: (option, got) => `${option} takes a four-digit year such as 2020 (got ${quote(got)})`,
    size: (option, got) => `${option} takes a size such as 500000, 500kb or 10mb (got ${quote(got)})`,
    oneOf: (option, allowed, got) =>
      `${option} must be ${allowed.join(' or ')} (got ${got === undefined ? 'nothing' : quote(got)})`,
    ruleFlag: (got) => `--rule takes ID:off|warn|error, e.g. --rule no-template-text:off (got ${quote(got)})`,
    noInputs: 'give at least one file, folder or glob (or - to read standard input)',
    noReports: (args) => `no report files (.txt, .md, .docx, .doc, .pdf) in ${args}`,
    allIgnored: (args) => `every file in ${args} is ignored (.jixiaoignore, --ignore-pattern or .gitignore)`,
    stdinTwice: '"-" (standard input) can be given only once',
    stdinEmpty: 'standard input is empty: there is no report to read',
    xlsxNeedsOut: '--format xlsx needs --out FILE (a workbook is not written to a terminal)',
    cannotReadProfile: (file) => `--profile: cannot read ${file} (check the path)`,
    needsFiles: (option) => `${option} works on files, not on standard input`,
    backupNeedsFix: '--backup works with --fix only',
    convertStdin: 'a report from standard input needs --stdout (there is no place beside it to write to)',
    fixNote: (file, code, encoding) =>
      code === 'fix-not-text'
        ? `${file}: only .txt and .md files can be fixed; not fixed`
        : code === 'fix-backup-exists'
          ? `${file}: ${file}.bak exists; not fixed, so that the older backup is not lost`
          : `${file}: re-encoding it as ${encoding} does not give back the same bytes (invalid bytes?); not fixed, so that no other character changes`,
    fixed: (file, count) => `${file}: ${plural(count, 'fix')} applied`.replace('fixs', 'fixes'),
    wrote: (input, output) => `${input} → ${output}`,
    outIsFolder: (out) => `${out} is a folder; --out takes a file name, e.g. ${out}/figures.csv`,
    outDirIsFile: (dir) => `${dir} is a file; --out-dir takes a folder`,
    outParentMissing: (out) => `cannot write ${out}: its folder does not exist; create it first`,
    cannotWrite: (out, code) => `cannot write ${out} (${code}); check the path and its permissions`,
    outputIsInput: (output, input) =>
      `${input}: the output ${output} is one of the inputs; not replaced, use --out-dir`,
    outputClaimedTwice: (output, first, second) =>
      `${second}: the output ${output} is also the output of ${first}; convert them apart or use --out-dir`,
    outputExists: (output, input) =>
      `${input}: the output ${output} exists and was not made by this run; --force overwrites it, --out-dir writes elsewhere`,
    outputExistsNoForce: (output) => `${output} exists; --force overwrites it`,
    printConfig: (from) => (from ? `# configuration from ${from}` : '# no configuration file found: defaults'),
    help: helps(EN_HELP, version),
  };
}

const cache = new Map<Locale, CliText>();

/** The CLI's wording in `locale`. */
export function cliText(locale: Locale, version: string): CliText {
  let text = cache.get(locale);
  if (!text) cache.set(locale, (text = locale === 'en' ? en(version) : zh(version)));
  return text;
}
