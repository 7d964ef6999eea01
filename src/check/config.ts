import { z } from 'zod';
import { ProfileSchema } from './profiles/schema.js';

const SeveritySchema = z.union([z.enum(['off', 'warn', 'error']), z.literal(0), z.literal(1), z.literal(2)]);

/**
 * The configuration file (`.jixiaorc.json`, `.jixiaorc.yaml`, or a `jixiao` key in
 * package.json), shipped as `jixiao/config.schema.json`.
 */
export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    profile: z
      .union([z.string(), ProfileSchema])
      .optional()
      .describe('a built-in profile id, or a profile of your own'),
    rules: z
      .record(z.string(), z.union([SeveritySchema, z.tuple([SeveritySchema]), z.tuple([SeveritySchema, z.unknown()])]))
      .optional()
      .describe('rule settings: "off" | "warn" | "error" (or 0 | 1 | 2), or [severity, options]'),
    locale: z.enum(['zh-CN', 'en']).optional(),
    encoding: z
      .enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030'])
      .optional()
      .describe('decode text files in this encoding instead of detecting it'),
    maxSize: z.number().int().positive().optional().describe('refuse files larger than this many bytes'),
    maxWarnings: z.number().int().min(0).optional(),
    ignore: z.array(z.string()).optional().describe('glob patterns of files to leave out'),
  })
  .strict();

export type Config = z.output<typeof ConfigSchema>;

/** The JSON Schema of the configuration file. */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ConfigSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}
