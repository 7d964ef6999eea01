import type { parse } from '../args.js';

/** The values `parseArgs` gives for an option set declared `as const`. */
export type Values<O extends Parameters<typeof parse>[1]> = ReturnType<typeof parse<O>>['values'];
