// The rules' docs pages (docs/rules/<id>.md) as HTML pages of the web console (web/dist/rules/<id>.html), so a
// finding's "docs" link opens on an offline intranet too. Rendered at build time with the project's own toolchain
// (unified: remark-parse → remark-rehype → rehype-stringify); raw HTML in the Markdown is dropped, as
// remark-rehype does by default. Links to another rule's page stay in the bundle; other relative links point to the
// repository online.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/**
 * A remark plugin: `other-rule.md#x` → `other-rule.html#x` when that rule's page is built; any other relative link →
 * the same file in the repository online (`online` is the docs/rules/ folder's address there).
 * @param {{ pages: Set<string>, online: string }} options
 */
function localLinks({ pages, online }) {
  return (tree) => {
    visit(tree, ['link', 'definition', 'image'], (node) => {
      if (/^[a-z][a-z0-9+.-]*:|^#|^\/\//i.test(node.url)) return;
      const sibling = /^(?:\.\/)?([\w-]+)\.md(#.*)?$/.exec(node.url);
      node.url =
        sibling && pages.has(sibling[1]) ? `${sibling[1]}.html${sibling[2] ?? ''}` : new URL(node.url, online).href;
    });
  };
}

/**
 * Renders every docs/rules/*.md in `from` to `<id>.html` in `to`. Each page has the rule's title (its first
 * heading), the stylesheet `css` (a path from the page), the version, and a CSP that allows nothing but it.
 * Returns each page rendered: the rule's id, its title and the page's HTML.
 * @param {{ from: string, to: string, css: string, version: string, online: string }} options
 */
export async function renderRuleDocs({ from, to, css, version, online }) {
  const ids = (await readdir(from))
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -3))
    .sort();
  const pages = new Set(ids);
  await mkdir(to, { recursive: true });
  const rendered = [];
  for (const id of ids) {
    const markdown = await readFile(join(from, `${id}.md`), 'utf8');
    const processor = unified()
      .use(remarkParse)
      .use(localLinks, { pages, online })
      .use(remarkRehype)
      .use(rehypeStringify);
    const mdast = processor.parse(markdown);
    const heading = mdast.children.find((node) => node.type === 'heading' && node.depth === 1);
    const title = (heading && toString(heading)) || id;
    const body = processor.stringify(await processor.run(mdast));
    const html = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src data:; base-uri 'none'; form-action 'none'" />
    <meta name="referrer" content="no-referrer" />
    <link rel="icon" href="data:," />
    <title>${escape(title)} · jixiao</title>
    <link rel="stylesheet" href="${escape(css)}" />
  </head>
  <body>
    <main>
${body}
    </main>
    <footer>jixiao ${escape(version)} · docs/rules/${escape(id)}.md</footer>
  </body>
</html>
`;
    await writeFile(join(to, `${id}.html`), html);
    rendered.push({ id, title, html });
  }
  return rendered;
}
