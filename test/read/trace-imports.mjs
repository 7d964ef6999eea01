// Loaded with `node --import`: appends every package a program imports to the file in $JIXIAO_TRACE.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  if (!/^(\\.|\\/|node:|file:|data:)/.test(specifier)) appendFileSync(process.env.JIXIAO_TRACE, specifier + '\\n');
  return next(specifier, context);
}`),
);
