import { VFileMessage, type Options } from 'vfile-message';
import { jixiaoError, OPTION_LOCALE, OPTION_RULES } from '../errors.js';
import { optionsObject, parseSettings, type ParseOptions } from '../parse/options.js';
import { reportOf } from '../parse/parse.js';
import type { ReportNode, Report } from '../tree/schema.js';
import { readDirectives } from './directives.js';
import { detectProfile, matchProfile, resolveProfile, type Profile, type ProfileInput } from './profiles/index.js';
import { rules } from './rules/index.js';
import { resolveSettings, type Resolved } from './settings.js';
import type { Locale, Rule, RuleContext, RuleSetting, Wording } from './types.js';
import { ancestry, forgetWalks } from './walk.js';

/** Options for {@link check}. */
export interface CheckOptions extends ParseOptions {
  /**
   * A built-in profile id (`hunan-dept-overall`, `mof-project-2020`, `generic`) or your own profile; detected
   * when absent.
   */
  profile?: string | ProfileInput;
  /**
   * Rule settings over the recommended preset:
   * `{'no-template-text': 'off', 'rate-consistency': ['error', {tolerance: 0.5}]}`.
   */
  rules?: Record<string, RuleSetting>;
  /** Message language: `zh-CN` (default) or `en`. */
  locale?: Locale;
}

/** Where each rule's documentation lives. */
export const DOCS_URL = 'https://github.com/jixiao-dev/jixiao/blob/main/docs/rules/';

const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/**
 * Checks a report the way a finance-bureau reviewer would, with the recommended
 * rules (all of them) and the detected or given profile. Returns vfile messages
 * sorted by position: `ruleId`, `source: 'jixiao'`, `url`, `place`, `fatal` (true for
 * errors, false for warnings), `ancestors`, and `cause` where a related node exists.
 * Wrong options are a `JixiaoError` before any work: code `options` for the options
 * themselves, `config` for bad rule settings or profiles.
 *
 * @example
 *   check(seed).map((m) => `${m.line}:${m.column} ${m.ruleId}`)
 *   // ['7:1 no-placeholder-section', '9:1 numbering-style', '27:1 no-empty-annex']
 */
export function check(treeOrText: Report | string, options?: CheckOptions): VFileMessage[] {
  const given = optionsObject(options) as CheckOptions;
  const locale = given.locale ?? 'zh-CN';
  if (!LOCALES.includes(locale)) throw jixiaoError(OPTION_LOCALE, { got: locale }, { key: 'locale' });
  if (
    given.rules !== undefined &&
    (typeof given.rules !== 'object' || given.rules === null || Array.isArray(given.rules))
  ) {
    throw jixiaoError(OPTION_RULES, { got: given.rules }, { key: 'rules' });
  }
  const enabled = enabledRules(given.rules);
  const profile = given.profile === undefined ? undefined : resolveProfile(given.profile);
  const tree = reportOf(treeOrText, parseSettings(given));
  // A tree of the caller's may have changed since it was last checked: nothing remembered of it
  // holds. Forgotten again at the end, so nothing of a report outlives its check.
  forgetWalks();
  try {
    return runRules(tree, enabled, profile, locale);
  } finally {
    forgetWalks();
  }
}

/** Runs the rules on `tree` and returns their messages sorted by position. */
function runRules(
  tree: Report,
  enabled: readonly Enabled[],
  profile: Profile | undefined,
  locale: Locale,
): VFileMessage[] {
  const match = profile ? matchProfile(tree, profile) : detectProfile(tree);
  const ancestorsOf = ancestry(tree);
  const silence = readDirectives(tree);
  const text = locale === 'en' ? (w: Wording) => w.en : (w: Wording) => w.zh;
  const year = tree.data.fiscalYear?.year;
  const messages: VFileMessage[] = [];

  // One context for all the rules of a check, the rule's own part (its id, severity, options) set before it
  // runs: a context object and a `report` closure per rule were 1.2 µs of checking a one-paragraph report
  // (of 9; bench/notes.md, "Per-report fixed cost"). Rules run one after another and report while they run.
  let ruleId = '';
  let fatal = false;
  const context: RuleContext<never> = {
    tree,
    options: undefined as never,
    match,
    year,
    report(node, wording, extra) {
      const place = extra?.place ?? node.position;
      if (silence.silenced(ruleId, place.start.offset)) return;
      const cause =
        extra?.cause &&
        newMessage(text(extra.cause.wording), { place: extra.cause.node.position, source: 'jixiao', ruleId });
      const message = newMessage(text(wording), {
        place,
        ruleId,
        source: 'jixiao',
        ancestors: ancestorsOf(node as ReportNode),
        cause,
      });
      message.fatal = fatal;
      message.url = `${DOCS_URL}${ruleId}.md`;
      if (extra?.actual !== undefined) message.actual = extra.actual;
      if (extra?.expected) message.expected = extra.expected;
      messages.push(message);
    },
  };
  for (const { rule, severity, options } of enabled) {
    ruleId = rule.id;
    fatal = severity === 'error';
    context.options = options as never;
    rule.check(context);
  }
  // Already in order, as a small report's messages are: sorting them anyway cost 0.2 µs.
  return inOrder(messages) ? messages : messages.sort(byPosition);
}

function inOrder(messages: readonly VFileMessage[]): boolean {
  for (let i = 1; i < messages.length; i++) if (byPosition(messages[i - 1]!, messages[i]!) > 0) return false;
  return true;
}

/**
 * Messages in document order; at one place, by rule id. Two messages of one rule at one place
 * (every small report's two missing sections) are not compared by `localeCompare`, which cost
 * 0.4 µs a pair there.
 */
function byPosition(a: VFileMessage, b: VFileMessage): number {
  const after = startOf(a) - startOf(b);
  if (after !== 0 || a.ruleId === b.ruleId) return after;
  return (a.ruleId ?? '').localeCompare(b.ruleId ?? '');
}

function startOf(message: VFileMessage): number {
  const place = message.place;
  return place && 'start' in place ? (place.start.offset ?? 0) : 0;
}

/** A rule that is on, with its severity and options. */
interface Enabled {
  rule: Rule;
  severity: 'warn' | 'error';
  options: unknown;
}

let recommendedRules: readonly Enabled[] | undefined;

/**
 * The rules that are on, with their resolved settings: the recommended ones (no settings given,
 * or none) made once and frozen, since every call shares them. Resolving them (every rule's
 * options checked and filled in) took 2 µs of the 7 µs that checking a parsed one-paragraph
 * report costs (2 of 30 µs on the seed); looking each rule's setting up in a map on every call
 * took 0.4 µs more. Settings given are resolved on every call: the caller may have changed the
 * object since.
 */
function enabledRules(given: Record<string, RuleSetting> | undefined): readonly Enabled[] {
  if (given !== undefined && Object.keys(given).length > 0) return enabledOf(resolveSettings(rules, given));
  return (recommendedRules ??= Object.freeze(
    enabledOf(resolveSettings(rules)).map((on) => Object.freeze({ ...on, options: Object.freeze(on.options) })),
  ));
}

function enabledOf(settings: Map<string, Resolved>): Enabled[] {
  const out: Enabled[] = [];
  for (const rule of rules) {
    const { severity, options } = settings.get(rule.id)!;
    if (severity !== 'off') out.push({ rule, severity, options });
  }
  return out;
}

/**
 * A VFileMessage made with stack capture off. An Error's constructor records the call stack,
 * which VFileMessage then replaces with '' (or its cause's stack): the capture is pure cost,
 * a twentieth of checking the seed (a message costs 0.6 µs without it, 3.6 µs with it). The
 * limit is restored before returning.
 */
function newMessage(reason: string, options: Options): VFileMessage {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new VFileMessage(reason, options);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * The ids and default severities of every rule (the recommended preset).
 *
 * @example
 *   recommended()['no-empty-annex'] // 'error'
 */
export function recommended(): Record<string, 'warn' | 'error'> {
  return Object.fromEntries(rules.map((r) => [r.id, r.severity]));
}
