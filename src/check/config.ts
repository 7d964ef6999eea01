import { z } from 'zod';
import { ProfileSchema } from './profiles/schema.js';

const SeveritySchema = z.union([z.enum(['off', 'warn', 'error']), z.literal(0), z.literal(1), z.literal(2)]);

/**
 * What the core understands of a configuration: the profile, rule settings, the message
 * language. The CLI's configuration file (`.jixiaorc.json` …) extends it with options of
 * its own (encoding, file size, ignore patterns) in src/node. The core imports this
 * module for its types only; the schema ships from `jixiao/schema`.
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
    maxWarnings: z.number().int().min(0).optional(),
  })
  .strict();

/** A configuration as the core understands it (see {@link ConfigSchema}). */
export type Config = z.output<typeof ConfigSchema>;
