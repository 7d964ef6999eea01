/**
 * The SARIF 2.1.0 log both the CLI (`check --format sarif`) and the web console write.
 * Browser-safe (no `node:` import): the page's engine bundles it.
 */
import { DOCS_URL, rules } from '../../index.js';

/** The base every artifact URI is relative to, as ESLint's SARIF formatter names it. */
const BASE = '%SRCROOT%';

/**
 * A file's location from the names of its folders and its own, relative to the folder
 * checked: a relative URI reference with `uriBaseId`, so no absolute `file:///home/…` URI
 * exposes the reviewer's folders.
 *
 * @example
 *   artifactLocation(['报告', 'a #1.txt']) // { uri: '%E6%8A%A5%E5%91%8A/a%20%231.txt', uriBaseId: '%SRCROOT%' }
 */
function artifactLocation(segments: readonly string[]): { uri: string; uriBaseId: string } {
  return { uri: segments.map(encodeURIComponent).join('/'), uriBaseId: BASE };
}

/** A message as both write it: the CLI's JSON fields. */
export interface SarifMessage {
  ruleId: string | null | undefined;
  severity: 'error' | 'warning';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Collects a run's results and notifications, then writes the log. */
export class SarifLog {
  private readonly results: unknown[] = [];
  private readonly notifications: unknown[] = [];

  /** A file that could not be read: a tool execution notification with its code. */
  unreadable(segments: readonly string[], code: string, text: string): void {
    this.notifications.push({
      level: 'error',
      message: { text },
      descriptor: { id: code },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(segments) } }],
    });
  }

  /** A file's messages: one result each. */
  messages(segments: readonly string[], messages: readonly SarifMessage[]): void {
    for (const m of messages) {
      this.results.push({
        ruleId: m.ruleId,
        ruleIndex: rules.findIndex((r) => r.id === m.ruleId),
        level: m.severity === 'error' ? 'error' : 'warning',
        message: { text: m.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(segments),
              region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
            },
          },
        ],
      });
    }
  }

  /** The log: one run, the rules with their help links, the results, the notifications. */
  toString(version: string): string {
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
            {
              executionSuccessful: this.notifications.length === 0,
              toolExecutionNotifications: this.notifications,
            },
          ],
          results: this.results,
        },
      ],
    };
    return JSON.stringify(log, null, 2) + '\n';
  }
}
