import { z } from 'zod';
import { ConfigSchema } from '../schema.js';
import { ENCODINGS } from './read/read-report.js';

/**
 * The CLI's configuration file as a zod schema: the core's options (profile, rules, locale)
 * and what only the command line uses (how files are read, which are left out, when warnings
 * fail). Used at build time, for `jixiao/config.schema.json`, and by the tests that hold the
 * CLI's own check of a configuration (config.ts, which needs no zod at run time) to it.
 */
export const CliConfigSchema = ConfigSchema.extend({
  encoding: z
    .enum(ENCODINGS as ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'])
    .optional()
    .describe('decode text files in this encoding instead of detecting it'),
  maxSize: z.number().int().positive().optional().describe('refuse files larger than this many bytes'),
  maxExpandedSize: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('refuse .docx and PDF files that unpack to more than this many bytes'),
  timeout: z.number().positive().optional().describe('give up on a file after this many seconds'),
  maxMemory: z.number().int().min(16).optional().describe("each worker thread's heap limit in MB (16 or more)"),
  maxWarnings: z.number().int().min(0).optional().describe('exit 1 when there are more warnings than this'),
  ignore: z.array(z.string()).optional().describe('patterns of files to leave out (gitignore syntax)'),
}).strict();

/** The JSON Schema of the CLI's configuration file (what `jixiao/config.schema.json` ships). */
export function cliConfigJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(CliConfigSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}
