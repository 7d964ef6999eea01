import { jixiaoError, RULE_OPTIONS, RULE_SEVERITY, UNKNOWN_RULE } from '../errors.js';
import { readOptions } from './options.js';
import type { Rule, RuleSetting, Severity } from './types.js';

/** A rule's resolved setting. */
export interface Resolved {
  severity: Severity;
  options: unknown;
}

const NAMES: Record<string, Severity> = {
  off: 'off',
  warn: 'warn',
  error: 'error',
  '0': 'off',
  '1': 'warn',
  '2': 'error',
};

function severityOf(id: string, given: unknown): Severity {
  const found = NAMES[String(given)];
  if (found === undefined || (typeof given !== 'string' && typeof given !== 'number')) {
    throw jixiaoError(RULE_SEVERITY, { rule: id, got: given }, { key: `rules.${id}` });
  }
  return found;
}

/**
 * Resolves user settings against the rules: severities as `off | warn | error` or
 * `0 | 1 | 2`, options checked against each rule's option specs. Unknown rules, bad
 * severities and bad options throw a `JixiaoError` (code `config`) naming the rule and the option.
 *
 * @example
 *   const settings = resolveSettings(rules, { 'rate-consistency': ['error', { tolerance: 0.5 }] })
 *   settings.get('rate-consistency') // {severity: 'error', options: {tolerance: 0.5}}
 *   settings.get('no-template-text') // {severity: 'warn', options: {}}
 */
export function resolveSettings(
  rules: readonly Rule[],
  given: Record<string, RuleSetting> = {},
): Map<string, Resolved> {
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const id of Object.keys(given)) {
    if (!byId.has(id)) {
      throw jixiaoError(UNKNOWN_RULE, { rule: id, known: [...byId.keys()] }, { key: `rules.${id}` });
    }
  }
  const out = new Map<string, Resolved>();
  for (const rule of rules) {
    const setting = given[rule.id];
    const [severityInput, optionsInput] =
      setting === undefined ? [rule.severity, undefined] : Array.isArray(setting) ? setting : [setting, undefined];
    const severity = severityOf(rule.id, severityInput);
    const read = readOptions(rule.options, optionsInput);
    if (!read.ok) {
      throw jixiaoError(RULE_OPTIONS, { rule: rule.id, problem: read.problem }, { key: `rules.${rule.id}` });
    }
    out.set(rule.id, { severity, options: read.options });
  }
  return out;
}
