import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { parse } from '../../src/index.js';
import { inspect } from 'unist-util-inspect';
it('x', () => {
  for (const f of ['agri-flat.txt', 'roads-tab.txt']) {
    const text = readFileSync('/work/wt/tables2/fixtures/forms/' + f, 'utf8');
    const tree = parse(text);
    console.log(inspect(tree, { showPositions: false }).slice(0, 6000));
  }
});
