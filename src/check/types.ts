import type { Report, ReportNode } from '../tree/schema.js';
import type { OptionSpecs, OptionsOf } from './options.js';
import type { ProfileMatch } from './profiles/match.js';

/** How seriously a rule's messages are taken. */
export type Severity = 'off' | 'warn' | 'error';
/** As users write it, like ESLint and remark-lint: a name or 0 / 1 / 2. */
export type SeverityInput = Severity | 0 | 1 | 2;
/** A rule's setting: a severity, or `[severity, options]`. */
export type RuleSetting = SeverityInput | [SeverityInput] | [SeverityInput, unknown];

/** Message languages: Chinese by default, English on request. */
export type { Locale } from '../errors.js';

/** A message in both languages. */
export interface Wording {
  zh: string;
  en: string;
}

type Positioned = Pick<ReportNode, 'position'>;

/** What a rule sees, and how it reports. */
export interface RuleContext<Options> {
  tree: Report;
  options: Options;
  /** The profile in force and how the report's top-level sections fill its slots. */
  match: ProfileMatch;
  /** The report's fiscal year, when known. */
  year?: number;
  /**
   * Reports a problem at `node` (or at a position inside a leaf, see `place`).
   * `cause` points at the related node: the parent heading, the total a part exceeds.
   */
  report(node: Positioned, wording: Wording, extra?: ReportExtra): void;
}

/** More about a reported problem: a narrower place, the related node, the actual and expected values. */
export interface ReportExtra {
  place?: Positioned['position'];
  cause?: { node: Positioned; wording: Wording };
  actual?: string;
  expected?: string[];
}

/** A rule: one check, one module, one docs page (docs/rules/<id>.md). */
export interface Rule<Specs extends OptionSpecs = OptionSpecs> {
  /** Stable id, part of the public API: `no-empty-annex`. */
  id: string;
  /** Severity in the `recommended` preset. */
  severity: Exclude<Severity, 'off'>;
  /** What the rule checks, for docs/rules.md. */
  summary: Wording;
  /** The options it takes, with their defaults (`{}` for none). */
  options: Specs;
  check(context: RuleContext<OptionsOf<Specs>>): void;
}

/** Defines a rule, inferring the type of its options from their specs. */
/* @__NO_SIDE_EFFECTS__ */
export function defineRule<S extends OptionSpecs>(rule: Rule<S>): Rule<S> {
  return rule;
}
