// Screenshots of the web console's main views for the docs (docs/web-*.png), from the built page (`npm run web`)
// in headless Chromium at 1280×800, with the project's fixtures as the batch.
//
//   npm run web:screenshots
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { serve } from './serve.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'fixtures');
const docs = join(root, 'docs');
const forms = join(fixtures, 'forms');
const files = [
  ...readdirSync(fixtures)
    .filter((name) => /\.(txt|md)$/.test(name))
    .map((name) => join(fixtures, name)),
  // Word forms (自评表), for the score column and the view of a form's rows.
  ...readdirSync(forms)
    .filter((name) => name.endsWith('.docx'))
    .map((name) => join(forms, name)),
].sort();

const server = await serve(join(root, 'web', 'dist'));
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await page.setInputFiles('#file-input', files);
  // Every file answered: as many rows as files, none still pending.
  await page
    .locator('.files tbody tr')
    .nth(files.length - 1)
    .waitFor();
  await page.locator('.files td.pending').first().waitFor({ state: 'detached' });
  await page.click('[data-key="sort-errors"]');
  await page.click('[data-key="sort-errors"]');
  await page.screenshot({ path: join(docs, 'web-files.png') });

  await page.getByRole('button', { name: 'seed-shaodong-2020.txt', exact: true }).click();
  await page.waitForSelector('.finding-go');
  await page.locator('.finding-go').nth(1).click();
  // A figure near the finding, so the hover does not scroll it away.
  await page.locator('.source mark.fig').first().hover();
  await page.screenshot({ path: join(docs, 'web-report.png') });

  await page.getByRole('tab', { name: /^数字/ }).click();
  await page.screenshot({ path: join(docs, 'web-figures.png') });

  // A Word form's rows: the failing ones marked, one of them shown in the source.
  await page.getByRole('tab', { name: /^文件列表/ }).click();
  await page.getByRole('button', { name: 'sanitation.docx', exact: true }).click();
  await page.getByRole('tab', { name: /^自评表/ }).click();
  await page.waitForSelector('table.form-indicator');
  await page.getByRole('button', { name: '在原文中显示“垃圾清运量”这一行' }).click();
  await page.screenshot({ path: join(docs, 'web-forms.png') });

  await page.click('#settings');
  await page.screenshot({ path: join(docs, 'web-settings.png') });
  console.log(
    'wrote docs/web-files.png, docs/web-report.png, docs/web-figures.png, docs/web-forms.png, docs/web-settings.png',
  );
} finally {
  await browser.close();
  await server.close();
}
