// @ts-check
import js from '@eslint/js';
import jsdoc from 'eslint-plugin-jsdoc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'web/dist/', 'coverage/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { jsdoc },
    rules: {
      // Spread arguments go on the call stack: `Math.max(...rows)` overflows past ~100,000 items
      // (a report of 150,000 sections did). Loop, or use `pushAll`.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression > SpreadElement, NewExpression > SpreadElement',
          message: 'No spread arguments: they overflow the stack on long arrays. Loop, or use pushAll().',
        },
      ],
      // Prettier wraps code at 120; this catches what it cannot wrap (comments).
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
      'no-irregular-whitespace': ['error', { skipComments: true, skipStrings: true, skipTemplates: true }],
      'jsdoc/check-param-names': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Node types are named interfaces over their zod schemas: `interface Money extends z.infer<…> {}`.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['bench/**', 'test/**', '*.config.*', '.ci/**', 'web/*.mjs', 'web/scripts/**'],
    languageOptions: { globals: globals.node },
  },
);
