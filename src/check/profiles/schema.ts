/**
 * Profiles as zod schemas: they define the `Profile` types and `jixiao/profile.schema.json`.
 * The core imports this module for its types only; `readProfile` checks profiles at run time
 * without zod, and a test holds the two to the same answers.
 */
import { z } from 'zod';

/** One place in a report's outline that a profile expects. */
export const SlotSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'slot ids are kebab-case: basic-info')
    .describe('stable id, e.g. problems'),
  title: z.string().min(1).describe('the canonical heading, e.g. 存在的问题及原因'),
  synonyms: z.array(z.string().min(1)).default([]).describe('other headings that fill this slot'),
  required: z.boolean().default(true),
  annex: z.boolean().default(false).describe('this slot is the evidence annex (附件（佐证依据）)'),
  allowWithheld: z.boolean().default(false).describe('保密 / 涉密 is an acceptable body here'),
  allowNone: z.boolean().default(false).describe('无 / 暂无 is an acceptable body here (其他需要说明的问题)'),
});

/** The outline a kind of report must follow: ordered slots at the top level. */
export const ProfileSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'profile ids are kebab-case: hunan-dept-overall'),
  name: z.string().describe('a human name, e.g. 湖南省部门整体支出绩效自评报告'),
  source: z.string().optional().describe('where the outline comes from'),
  titleWords: z.array(z.string()).default([]).describe('words in a title that suggest this profile (整体支出)'),
  slots: z.array(SlotSchema).min(1),
});

/** One place in a report's outline that a profile expects, defaults filled in. */
export interface Slot extends z.output<typeof SlotSchema> {}
/** The outline a kind of report must follow, defaults filled in. */
export interface Profile extends Omit<z.output<typeof ProfileSchema>, 'slots'> {
  slots: Slot[];
}
/** A profile as users write it in JSON: defaults may be left out. */
export type ProfileInput = z.input<typeof ProfileSchema>;
