import { isAbsolute, relative, sep } from 'node:path';
import { DOCS_URL, rules } from '../../index.js';
import type { TaskResult } from '../task.js';
import type { FormatContext, Formatter } from './types.js';

/** The base every artifact URI is relative to, as ESLint's SARIF formatter names it. */
const BASE = '%SRCROOT%';

/**
 * A file's location relative to the working folder, as a relative URI reference with
 * `uriBaseId`: no absolute `file:///home/…` URI exposes the reviewer's folders.
 */
function artifactLocation(path: string, cwd: string): { uri: string; uriBaseId: string } {
  const rel = isAbsolute(path) ? relative(cwd, path) : path;
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: BASE };
}

/**
 * SARIF 2.1.0, for code-scanning dashboards: one run, the rules with their help
 * links, one result per message, and files that could not be read as tool execution
 * notifications. Paths are relative to the working folder. Written at the end (SARIF is
 * one JSON document).
 */
export function sarif(context: FormatContext): Formatter {
  const { version, cwd, text } = context;
  const results: unknown[] = [];
  const notifications: unknown[] = [];
  return {
    start: () => '',
    file(result: TaskResult) {
      if (!result.ok) {
        notifications.push({
          level: 'error',
          message: { text: text.cannotRead(text.fileError(result.code, result.reason, context.limits)) },
          descriptor: { id: result.code },
          locations: [{ physicalLocation: { artifactLocation: artifactLocation(result.path, cwd) } }],
        });
        return '';
      }
      for (const m of result.messages ?? []) {
        results.push({
          ruleId: m.ruleId,
          ruleIndex: rules.findIndex((r) => r.id === m.ruleId),
          level: m.severity === 'error' ? 'error' : 'warning',
          message: { text: m.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(result.path, cwd),
                region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
              },
            },
          ],
        });
      }
      return '';
    },
    end() {
      const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: {
                name: 'jixiao',
                version,
                informationUri: DOCS_URL.replace(/docs\/rules\/$/, ''),
                rules: rules.map((r) => ({
                  id: r.id,
                  shortDescription: { text: r.summary.en },
                  fullDescription: { text: r.summary.zh },
                  helpUri: `${DOCS_URL}${r.id}.md`,
                  defaultConfiguration: { level: r.severity === 'error' ? 'error' : 'warning' },
                })),
              },
            },
            invocations: [
              { executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications },
            ],
            results,
          },
        ],
      };
      return JSON.stringify(log, null, 2) + '\n';
    },
  };
}
