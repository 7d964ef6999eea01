import { readFile } from 'node:fs/promises';
import { FLAG_SETTING, jixiaoError } from '../../errors.js';
import {
  JixiaoError,
  resolveProfile,
  resolveSettings,
  rules,
  type CheckOptions,
  type RuleSetting,
  type SeverityInput,
} from '../../index.js';
import { CHECK, usage, values as parsers } from '../args.js';
import { prepare, type Context } from '../batch.js';
import { github } from '../format/github.js';
import { json } from '../format/json.js';
import { sarif } from '../format/sarif.js';
import { stylish } from '../format/stylish.js';
import type { FormatContext, Formatter, Summary } from '../format/types.js';
import { runAll } from '../pool.js';
import { openOutput, refuseInputs, type Output } from '../plan.js';
import type { Task } from '../task.js';
import { Progress, wantsColor } from '../terminal.js';
import type { Values } from './types.js';

const FORMATS = { stylish, json, sarif, github } as const;

/** `jixiao check`: every report checked, messages in the chosen format, exit 1 on errors. */
export async function checkCommand(context: Context, values: Values<typeof CHECK>, positionals: string[]) {
  const parse = parsers(context.text);
  const format = parse.oneOf('format', values.format, Object.keys(FORMATS) as Array<keyof typeof FORMATS>, 'stylish');
  const maxWarningsFlag = parse.wholeNumber('max-warnings', values['max-warnings']);
  const fix = values['fix-dry-run'] ? 'dry-run' : values.fix ? 'write' : undefined;
  if (values.backup && fix !== 'write') throw usage(context.text.backupNeedsFix, 'backup');
  const batch = await prepare(context, values, positionals);
  const { text } = context;
  let sink: Output | undefined;
  let committed = false;
  try {
    if (fix && batch.inputs.some((i) => i.name !== undefined))
      throw usage(text.needsFiles(fix === 'write' ? '--fix' : '--fix-dry-run'));
    const { config } = batch.found;
    const ruleSettings: Record<string, RuleSetting> = { ...config.rules };
    for (const flag of values.rule ?? []) {
      const m = /^([a-z][a-z0-9-]*):(off|warn|error|0|1|2)$/.exec(flag);
      if (!m) throw usage(text.ruleFlag(flag), 'rule');
      const previous = ruleSettings[m[1]!];
      const severity = (/^\d$/.test(m[2]!) ? Number(m[2]) : m[2]) as SeverityInput;
      // A severity from the command line keeps the options the config gave the rule.
      ruleSettings[m[1]!] = Array.isArray(previous) && previous.length > 1 ? [severity, previous[1]] : severity;
    }
    rethrowAsUsage(() => resolveSettings(rules, ruleSettings), '--rule'); // fail before reading any file
    let profile: CheckOptions['profile'] = config.profile;
    const profileFlag = values.profile;
    if (profileFlag) {
      if (/\.json$/i.test(profileFlag)) {
        let source: string;
        try {
          source = await readFile(profileFlag, 'utf8');
        } catch {
          throw usage(text.cannotReadProfile(profileFlag), 'profile');
        }
        profile = rethrowAsUsage(() => resolveProfile(JSON.parse(source)), `--profile ${profileFlag}`);
      } else profile = profileFlag;
    }
    if (typeof profile === 'string') rethrowAsUsage(() => resolveProfile(profile), '--profile');
    const maxWarnings = maxWarningsFlag ?? config.maxWarnings;
    const quiet = values.quiet === true;

    const target = values['output-file'];
    if (target) await refuseInputs(text, target, batch.inputs, context.cwd);
    sink = target ? await openOutput(text, target, { force: true }) : undefined;
    const color = target ? false : values['no-color'] ? false : values.color ? true : wantsColor(context.stdout);
    const formatContext: FormatContext = {
      text,
      color,
      quiet,
      limits: batch.limits,
      cwd: context.cwd,
      version: context.version,
    };
    const formatter: Formatter = FORMATS[format](formatContext);
    const tasks: Task[] = batch.inputs.map((input) => ({
      path: input.path,
      ...(input.name ? { name: input.name } : {}),
      command: 'check',
      read: batch.read,
      check: {
        rules: ruleSettings,
        locale: context.locale,
        ...(profile ? { profile } : {}),
        ...(batch.year ? { year: batch.year } : {}),
      },
      ...(fix ? { fix } : {}),
      ...(values.backup ? { backup: true } : {}),
    }));
    const summary: Summary = { files: tasks.length, errors: 0, warnings: 0, unreadable: 0 };
    const out = sink ?? context.stdout;
    const bar = new Progress(tasks.length, text.files, context.stderr);
    bar.write(out, formatter.start());
    for await (const result of runAll(tasks, batch.pool, batch.jobs)) {
      bar.tick();
      let shown = result;
      if (result.ok) {
        const messages = (result.messages ?? []).filter((m) => !quiet || m.severity === 'error');
        for (const m of messages) summary[m.severity === 'error' ? 'errors' : 'warnings']++;
        if (!quiet) summary.warnings += result.warnings?.length ?? 0;
        shown = { ...result, messages };
      } else summary.unreadable++;
      bar.write(out, formatter.file(shown));
    }
    bar.clear();
    bar.write(out, formatter.end(summary));
    await sink?.commit();
    committed = true;
    if (summary.unreadable > 0) return 2;
    if (summary.errors > 0) return 1;
    if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
      context.stderr.write(`jixiao check: ${text.maxWarnings(summary.warnings, maxWarnings)}\n`);
      return 1;
    }
    return 0;
  } finally {
    if (!committed) await sink?.abort();
    await batch.cleanup();
  }
}

/** Runs `make`; a configuration mistake in a flag's value is a usage error naming the flag. */
function rethrowAsUsage<T>(make: () => T, flag: string): T {
  try {
    return make();
  } catch (error) {
    if (!(error instanceof JixiaoError)) throw error;
    throw jixiaoError(FLAG_SETTING, { flag, error }, { key: flag, cause: error });
  }
}
