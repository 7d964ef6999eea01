import { z } from 'zod';
import type { Node, Report } from '../tree/schema.js';
import type { ProfileMatch } from './profiles/match.js';

/** How seriously a rule's messages are taken. */
export type Severity = 'off' | 'warn' | 'error';
/** As users write it, like ESLint and remark-lint: a name or 0 / 1 / 2. */
export type SeverityInput = Severity | 0 | 1 | 2;
/** A rule's setting: a severity, or `[severity, options]`. */
export type RuleSetting = SeverityInput | [SeverityInput] | [SeverityInput, unknown];

/** Message languages: Chinese by default, English on request. */
export type Locale = 'zh-CN' | 'en';

/** A message in both languages. */
export interface Wording {
  zh: string;
  en: string;
}

type Positioned = Pick<Node, 'position'>;

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
export interface Rule<Options = unknown> {
  /** Stable id, part of the public API: `no-empty-annex`. */
  id: string;
  /** Severity in the `recommended` preset. */
  severity: Exclude<Severity, 'off'>;
  /** What the rule checks, for docs/rules.md. */
  summary: Wording;
  /** Validates and fills in the rule's options. */
  options: z.ZodType<Options>;
  check(context: RuleContext<Options>): void;
}

/** The options schema of a rule that takes none: `{}` or nothing, anything else is an error. */
export const NO_OPTIONS = z.object({}).strict().default({});

/** Defines a rule, inferring its options type from its schema. */
export function defineRule<S extends z.ZodType>(rule: {
  id: string;
  severity: Exclude<Severity, 'off'>;
  summary: Wording;
  options: S;
  check(context: RuleContext<z.output<S>>): void;
}): Rule<z.output<S>> {
  return rule as Rule<z.output<S>>;
}
