/**
 * What kind of mistake a {@link JixiaoError} reports. Stable: the CLI maps them to exit
 * codes and callers branch on them.
 *
 * - `usage`: the command line is wrong (an unknown flag, a bad value).
 * - `config`: a configuration file or a configuration object is wrong (an unknown rule, a bad severity, bad
 *   rule options, an invalid profile).
 * - `options`: an option passed to a function of the API is wrong (`parse(text, {year: '2020'})`).
 */
export type JixiaoErrorCode = 'usage' | 'config' | 'options';

/**
 * The languages jixiao speaks: Chinese by default, English on request. One type for every part that
 * words something (errors, the rules' messages, the readers' reasons, the CLI and the web page).
 */
export type Locale = 'zh-CN' | 'en';

/** Text a library worded already, in both languages (a schema library's issue). */
export type Worded = Record<Locale, string>;

/** What is wrong with a rule's options (the rule's option specs say what each takes). */
export type OptionProblem =
  | { kind: 'not-object'; got: unknown }
  | { kind: 'unknown'; option: string; known: readonly string[] }
  | { kind: 'value'; option: string; expected: Worded; got: unknown };

/** What is wrong at one place of a profile object: `path` must be `expected`. */
export interface ProfileProblem {
  path: string;
  expected: 'object' | 'string' | 'kebab-case' | 'non-empty' | 'boolean' | 'strings' | 'slot' | 'slots';
  /** For `kebab-case`: an id written the right way. */
  like?: string;
  got?: unknown;
}

/** Where a {@link JixiaoError} comes from and which key is at fault. */
export interface JixiaoErrorDetails {
  code: JixiaoErrorCode;
  /** The file at fault (a configuration file, a profile), when there is one. */
  file?: string;
  /** The key or flag at fault: `rules.rate-consistency`, `year`, `--max-size`. */
  key?: string;
  cause?: unknown;
}

/**
 * One kind of mistake: its stable `reason`, its code, and what it says in each language
 * from its facts (the values filled in, so both languages say the same).
 */
export interface ErrorKind<F> {
  reason: string;
  code: JixiaoErrorCode;
  en(facts: F): string;
  'zh-CN'(facts: F): string;
}

/**
 * The one error jixiao throws on purpose: a mistake of the caller's, with what is wrong, where (`file`,
 * `key`) and how to fix it in `message` (English; `messageIn('zh-CN')` tells it in Chinese). Anything else
 * thrown is a bug.
 *
 * @example
 *   check(text, { rules: { 'no-such-rule': 'error' } }) // throws JixiaoError: unknown rule "no-such-rule"
 *   new JixiaoError('option "year": …', { code: 'options', key: 'year' }).key // 'year'
 */
export class JixiaoError extends Error {
  override name = 'JixiaoError';
  readonly code: JixiaoErrorCode;
  readonly file: string | undefined;
  readonly key: string | undefined;
  /** Which mistake it is (`option-year`, `unknown-rule`…), when jixiao words it in both languages. */
  readonly reason: string | undefined;
  /** The values its message is told with (`{got: 20}`). */
  readonly facts: unknown;
  readonly #say: ((locale: Locale) => string) | undefined;

  constructor(
    message: string,
    details: JixiaoErrorDetails,
    kind?: { reason: string; facts: unknown; say(locale: Locale): string },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.file = details.file;
    this.key = details.key;
    this.reason = kind?.reason;
    this.facts = kind?.facts;
    this.#say = kind?.say;
  }

  /**
   * The message in `locale`: what the CLI and the web page print, in the user's language.
   * An error made with a message of its own says that message in any language.
   *
   * @example
   *   jixiaoError(OPTION_YEAR, { got: '2020' }).messageIn('zh-CN')
   *   // '选项“year”应为四位数的年度，如 2020，收到 "2020"（字符串）'
   */
  messageIn(locale: Locale): string {
    return this.#say?.(locale) ?? this.message;
  }
}

/** A value as a message shows it: `"2020" (a string)`, `2020.5`, `{}`, `null`; long ones cut at 80 characters. */
function show(value: unknown, locale: Locale): string {
  if (typeof value === 'string') return `${JSON.stringify(value)}${locale === 'en' ? ' (a string)' : '（字符串）'}`;
  if (typeof value === 'function') return locale === 'en' ? 'a function' : '函数';
  let shown: string;
  try {
    shown = JSON.stringify(value) ?? String(value);
  } catch {
    shown = String(value);
  }
  return shown.length > 80 ? `${shown.slice(0, 80)}…` : shown;
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

function optionProblem(problem: OptionProblem, locale: Locale): string {
  const en = locale === 'en';
  switch (problem.kind) {
    case 'not-object':
      return en
        ? `expected an object of options, got ${JSON.stringify(problem.got)}`
        : `选项应为一个对象，收到 ${JSON.stringify(problem.got)}`;
    case 'unknown':
      if (en)
        return `unknown option "${problem.option}"; ${problem.known.length > 0 ? `it takes ${quoted(problem.known)}` : 'it takes no options'}`;
      return `没有选项“${problem.option}”；${problem.known.length > 0 ? `可用的选项：${quoted(problem.known)}` : '该规则没有选项'}`;
    case 'value':
      return en
        ? `"${problem.option}" must be ${problem.expected.en}, got ${JSON.stringify(problem.got)}`
        : `“${problem.option}”应为${problem.expected['zh-CN']}，收到 ${JSON.stringify(problem.got)}`;
  }
}

const PROFILE_EXPECTED: Record<ProfileProblem['expected'], Worded> = {
  object: { en: 'an object {id, name, slots}', 'zh-CN': '一个对象 {id, name, slots}' },
  string: { en: 'a string', 'zh-CN': '字符串' },
  'kebab-case': { en: 'kebab-case', 'zh-CN': '小写字母、数字和连字符' },
  'non-empty': { en: 'not empty', 'zh-CN': '非空' },
  boolean: { en: 'true or false', 'zh-CN': 'true 或 false' },
  strings: { en: 'a list of strings', 'zh-CN': '字符串列表' },
  slot: { en: 'an object {id, title, …}', 'zh-CN': '一个对象 {id, title, …}' },
  slots: { en: 'a list of at least one slot', 'zh-CN': '至少含一个部分（slot）的列表' },
};

function profileProblem(p: ProfileProblem, locale: Locale): string {
  const expected = PROFILE_EXPECTED[p.expected][locale];
  const got = 'got' in p ? JSON.stringify(p.got) : undefined;
  if (locale === 'en') {
    if (p.path === '') return `expected ${expected}, got ${got}`;
    if (p.expected === 'non-empty') return `"${p.path}" must not be empty`;
    return `"${p.path}" must be ${expected}${p.like ? ` (${p.like})` : ''}, got ${got}`;
  }
  if (p.path === '') return `应为${expected}，收到 ${got}`;
  if (p.expected === 'non-empty') return `“${p.path}”不能为空`;
  return `“${p.path}”应为${expected}${p.like ? `（如 ${p.like}）` : ''}，收到 ${got}`;
}

const MB = (bytes: number) => `${bytes / 1024 / 1024} MB`;

// Every mistake jixiao words, in English and Chinese, one constant each so that a bundle
// carries only the messages of the code it holds. Each says what is wrong, where, and how
// to fix it.

export const OPTIONS_OBJECT: ErrorKind<{ got: unknown }> = {
  reason: 'options-object',
  code: 'options',
  en: (f) => `options: expected an object such as { year: 2020 }, got ${show(f.got, 'en')}`,
  'zh-CN': (f) => `选项应为一个对象，如 { year: 2020 }，收到 ${show(f.got, 'zh-CN')}`,
};

export const OPTION_FORMAT: ErrorKind<{ got: unknown }> = {
  reason: 'option-format',
  code: 'options',
  en: (f) =>
    `option "format": jixiao reads plain text; got ${show(f.got, 'en')}. ` +
    "Read Markdown with `fromMarkdown` from 'jixiao/markdown'",
  'zh-CN': (f) =>
    `选项“format”：jixiao 读取纯文本，收到 ${show(f.got, 'zh-CN')}。` +
    "Markdown 请用 'jixiao/markdown' 的 `fromMarkdown` 读取",
};

export const OPTION_FORMAT_MARKDOWN: ErrorKind<{ got: unknown }> = {
  reason: 'option-format',
  code: 'options',
  en: (f) =>
    `option "format": fromMarkdown reads Markdown; got ${show(f.got, 'en')}. ` +
    "Read plain text with `parse` from 'jixiao'",
  'zh-CN': (f) =>
    `选项“format”：fromMarkdown 读取 Markdown，收到 ${show(f.got, 'zh-CN')}。` + "纯文本请用 'jixiao' 的 `parse` 读取",
};

export const OPTION_YEAR: ErrorKind<{ got: unknown }> = {
  reason: 'option-year',
  code: 'options',
  en: (f) => `option "year": expected a four-digit year such as 2020, got ${show(f.got, 'en')}`,
  'zh-CN': (f) => `选项“year”应为四位数的年度，如 2020，收到 ${show(f.got, 'zh-CN')}`,
};

export const OPTION_FIGURES: ErrorKind<{ got: unknown }> = {
  reason: 'option-figures',
  code: 'options',
  en: (f) =>
    `option "figures": expected false or { parsers, refiners } (start from defaultFigureConfig()), got ${show(f.got, 'en')}`,
  'zh-CN': (f) =>
    `选项“figures”应为 false 或 { parsers, refiners }（可从 defaultFigureConfig() 改起），收到 ${show(f.got, 'zh-CN')}`,
};

/** The `tables` option of `parse`: what is wrong with the layouts given, in both languages. */
export const OPTION_TABLES: ErrorKind<{ en: string; zh: string }> = {
  reason: 'option-tables',
  code: 'options',
  en: (f) => `option "tables": ${f.en} (pass the \`tables\` that readBytes returned with its text)`,
  'zh-CN': (f) => `选项“tables”：${f.zh}（请传入 readBytes 随文本一起返回的 tables）`,
};

export const OPTION_LOCALE: ErrorKind<{ got: unknown }> = {
  reason: 'option-locale',
  code: 'options',
  en: (f) => `option "locale": expected "zh-CN" or "en", got ${show(f.got, 'en')}`,
  'zh-CN': (f) => `选项“locale”应为 "zh-CN" 或 "en"，收到 ${show(f.got, 'zh-CN')}`,
};

export const OPTION_RULES: ErrorKind<{ got: unknown }> = {
  reason: 'option-rules',
  code: 'options',
  en: (f) =>
    `option "rules": expected an object of rule settings such as { 'no-template-text': 'off' }, got ${show(f.got, 'en')}`,
  'zh-CN': (f) => `选项“rules”应为规则设置组成的对象，如 { 'no-template-text': 'off' }，收到 ${show(f.got, 'zh-CN')}`,
};

export const NOT_A_REPORT: ErrorKind<{ got: unknown }> = {
  reason: 'not-a-report',
  code: 'options',
  en: (f) => `expected a report's text or its tree (from parse()), got ${show(f.got, 'en')}`,
  'zh-CN': (f) => `应为报告的文本或其语法树（parse() 的结果），收到 ${show(f.got, 'zh-CN')}`,
};

export const NO_HANDLER: ErrorKind<{ type: string }> = {
  reason: 'no-handler',
  code: 'options',
  en: (f) =>
    `toMarkdown: no handler for a node of type "${f.type}"; pass one: { handlers: { '${f.type}': (node, state) => … } }`,
  'zh-CN': (f) =>
    `toMarkdown：没有处理“${f.type}”类型节点的函数；请传入一个：{ handlers: { '${f.type}': (node, state) => … } }`,
};

export const UNKNOWN_RULE: ErrorKind<{ rule: string; known: readonly string[] }> = {
  reason: 'unknown-rule',
  code: 'config',
  en: (f) => `unknown rule "${f.rule}"; known rules: ${f.known.join(', ')}`,
  'zh-CN': (f) => `没有规则“${f.rule}”；现有规则：${f.known.join(', ')}`,
};

export const RULE_SEVERITY: ErrorKind<{ rule: string; got: unknown }> = {
  reason: 'rule-severity',
  code: 'config',
  en: (f) =>
    `rule "${f.rule}": unknown severity ${JSON.stringify(f.got)}; use "off", "warn", "error" (or 0, 1, 2), optionally as [severity, options]`,
  'zh-CN': (f) =>
    `规则“${f.rule}”：级别 ${JSON.stringify(f.got)} 无效；请用 "off"、"warn"、"error"（或 0、1、2），需要选项时写成 [级别, 选项]`,
};

export const RULE_OPTIONS: ErrorKind<{ rule: string; problem: OptionProblem }> = {
  reason: 'rule-options',
  code: 'config',
  en: (f) =>
    `rule "${f.rule}": invalid options: ${optionProblem(f.problem, 'en')}. See docs/rules/${f.rule}.md for the options it takes.`,
  'zh-CN': (f) =>
    `规则“${f.rule}”的选项无效：${optionProblem(f.problem, 'zh-CN')}。可用的选项见 docs/rules/${f.rule}.md。`,
};

export const UNKNOWN_PROFILE: ErrorKind<{ got: string; known: readonly string[] }> = {
  reason: 'unknown-profile',
  code: 'config',
  en: (f) => `unknown profile "${f.got}"; use one of ${f.known.join(', ')} or pass a profile object`,
  'zh-CN': (f) => `没有报告类型（profile）“${f.got}”；请用 ${f.known.join('、')} 之一，或给出自定义的 profile 对象`,
};

export const INVALID_PROFILE: ErrorKind<{ problems: readonly ProfileProblem[] }> = {
  reason: 'invalid-profile',
  code: 'config',
  en: (f) => `invalid profile: ${f.problems.map((p) => profileProblem(p, 'en')).join('; ')}`,
  'zh-CN': (f) => `报告类型（profile）无效：${f.problems.map((p) => profileProblem(p, 'zh-CN')).join('；')}`,
};

/** A configuration file that exists but cannot be opened (`errno`: `EACCES`…). */
export const CONFIG_UNOPENABLE: ErrorKind<{ file: string; errno: string }> = {
  reason: 'config-unopenable',
  code: 'config',
  en: (f) => `config ${f.file}: cannot open it (${f.errno}); check its permissions`,
  'zh-CN': (f) => `配置文件 ${f.file}：无法打开（${f.errno}），请检查其权限`,
};

export const CONFIG_NOT_FILE: ErrorKind<{ file: string }> = {
  reason: 'config-not-file',
  code: 'config',
  en: (f) => `config ${f.file}: not a regular file; remove it or rename it`,
  'zh-CN': (f) => `配置文件 ${f.file}：不是普通文件；请删除或改名`,
};

export const CONFIG_TOO_LARGE: ErrorKind<{ file: string; limit: number }> = {
  reason: 'config-too-large',
  code: 'config',
  en: (f) => `config ${f.file}: larger than ${MB(f.limit)}; this is not a configuration`,
  'zh-CN': (f) => `配置文件 ${f.file}：大于 ${MB(f.limit)}，不是配置文件`,
};

/** A configuration file named on the command line that is not there. */
export const CONFIG_MISSING: ErrorKind<{ file: string }> = {
  reason: 'config-missing',
  code: 'config',
  en: (f) => `config ${f.file}: cannot read it (check the path)`,
  'zh-CN': (f) => `配置文件 ${f.file}：无法读取（请检查路径）`,
};

export const CONFIG_SYNTAX: ErrorKind<{ file: string; syntax: 'JSON' | 'YAML'; cause: string }> = {
  reason: 'config-syntax',
  code: 'config',
  en: (f) => `config ${f.file}: not valid ${f.syntax}: ${f.cause}`,
  'zh-CN': (f) => `配置文件 ${f.file}：不是有效的 ${f.syntax}（${f.cause}）`,
};

/** A key of a configuration file its schema refuses; `allowed` when the key is unknown. */
export const CONFIG_SCHEMA: ErrorKind<{ file: string; key: string; problem: Worded; allowed?: readonly string[] }> = {
  reason: 'config-schema',
  code: 'config',
  en: (f) =>
    `config ${f.file}: ${f.key ? `"${f.key}"` : 'the file'}: ${f.problem.en}${f.allowed ? ` (allowed keys: ${f.allowed.join(', ')})` : ''}`,
  'zh-CN': (f) =>
    `配置文件 ${f.file}：${f.key ? `“${f.key}”：` : ''}${f.problem['zh-CN']}${f.allowed ? `（可用的键：${f.allowed.join(', ')}）` : ''}`,
};

/** A rule setting or profile in a configuration file the core refused: `error` says why. */
export const CONFIG_SETTING: ErrorKind<{ file: string; error: JixiaoError }> = {
  reason: 'config-setting',
  code: 'config',
  en: (f) => `config ${f.file}: ${f.error.messageIn('en')}`,
  'zh-CN': (f) => `配置文件 ${f.file}：${f.error.messageIn('zh-CN')}`,
};

/** A command-line flag whose value the core refused (`--rule`, `--profile`): `error` says why. */
export const FLAG_SETTING: ErrorKind<{ flag: string; error: JixiaoError }> = {
  reason: 'flag-setting',
  code: 'usage',
  en: (f) => `${f.flag}: ${f.error.messageIn('en')}`,
  'zh-CN': (f) => `${f.flag}：${f.error.messageIn('zh-CN')}`,
};

/**
 * A {@link JixiaoError} of one kind, told in English in its `message` and in either
 * language by `messageIn`; `where` names the key, the file and the cause.
 *
 * @example
 *   jixiaoError(OPTION_YEAR, { got: 20 }, { key: 'year' }).message
 *   // 'option "year": expected a four-digit year such as 2020, got 20'
 */
export function jixiaoError<F>(
  kind: ErrorKind<F>,
  facts: NoInfer<F>,
  where: { file?: string; key?: string; cause?: unknown } = {},
): JixiaoError {
  return new JixiaoError(
    kind.en(facts),
    { code: kind.code, ...where },
    { reason: kind.reason, facts, say: (locale) => kind[locale](facts) },
  );
}
