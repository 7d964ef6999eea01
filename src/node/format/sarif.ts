import { pathToFileURL } from 'node:url';
import { DOCS_URL, rules } from '../../index.js';
import type { TaskResult } from '../task.js';
import type { Formatter } from './types.js';

/**
 * SARIF 2.1.0, for code-scanning dashboards: one run, the rules with their help
 * links, one result per message, and files that could not be read as tool execution
 * notifications. Written at the end (SARIF is one JSON document).
 */
export function sarif(version: string): Formatter {
  const results: unknown[] = [];
  const notifications: unknown[] = [];
  const artifactUri = (path: string) => pathToFileURL(path).href;
  return {
    start: () => '',
    file(result: TaskResult) {
      if (!result.ok) {
        notifications.push({
          level: 'error',
          message: { text: `cannot read: ${result.reason}` },
          descriptor: { id: result.code },
          locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(result.path) } } }],
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
                artifactLocation: { uri: artifactUri(result.path) },
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
