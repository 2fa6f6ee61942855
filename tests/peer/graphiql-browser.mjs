// Opens the GraphiQL page at the URL given as the first argument in headless Chromium (Debian's
// /usr/bin/chromium, never a downloaded browser), types a query, runs it and prints one JSON
// line with what the result pane shows.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const url = process.argv[2];
const query = process.argv[3] ?? '{ hello }';
if (!url) {
  console.error('usage: node graphiql-browser.mjs URL [QUERY]');
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), 'graphiql-chromium-'));
// A persistent context is how Playwright takes a fresh --user-data-dir.
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
const output = { loaded: false, result: null, requests: [], consoleErrors: [] };
try {
  const page = await browser.newPage();
  page.on('request', (request) => output.requests.push(request.url()));
  page.on('console', (message) => { if (message.type() === 'error') output.consoleErrors.push(message.text()); });
  await page.goto(url, { waitUntil: 'load', timeout: 30000 });
  await page.locator('.graphiql-query-editor .CodeMirror').first().waitFor({ timeout: 30000 });
  output.loaded = true;
  // Replace the editor's text through CodeMirror's own API, then run with the execute button.
  await page.evaluate((text) => {
    document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(text);
  }, query);
  await page.locator('button.graphiql-execute-button').click();
  const resultPane = page.locator('.result-window .CodeMirror');
  await page.waitForFunction(() => {
    const pane = document.querySelector('.result-window .CodeMirror');
    return pane && pane.CodeMirror.getValue().trim().length > 0;
  }, null, { timeout: 30000 });
  output.result = await resultPane.evaluate((pane) => pane.CodeMirror.getValue());
  const shot = process.env.GRAPHIQL_SCREENSHOT;
  if (shot) await page.screenshot({ path: shot });
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(output));
