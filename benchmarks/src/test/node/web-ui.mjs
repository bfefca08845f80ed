// Loads pages of a running `go tool pprof -http` server in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core) and saves, for each page, what a user sees:
//   NAME.png         a screenshot
//   NAME.text.txt    the page's visible text (document.body.innerText)
//   NAME.titles.txt  the tooltips of the SVG graph and flame graph, one per line; they hold
//                    the full function names that the boxes show shortened
//   NAME.boxes.txt   for each tooltip, where its box is on the first screen, before any
//                    scrolling: TITLE<TAB>left<TAB>top<TAB>right<TAB>bottom in CSS pixels of the
//                    viewport (a box outside 0..WIDTH x 0..HEIGHT is not visible without scrolling);
//                    also each line of text in the SVG, as text:LINE
//   NAME.title.txt   the page's title
//   NAME.errors.txt  JavaScript errors, console errors and failed requests (empty when none)
// ViewerConformanceIT starts the servers and checks these files.
//
// Usage: node web-ui.mjs OUT_DIR NAME URL WIDTHxHEIGHT [NAME URL WIDTHxHEIGHT]...
// Exit status: 0 when every page loaded with HTTP 200, 1 otherwise.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const PAGE_TIMEOUT_MS = 20_000;
const [outDir, ...rest] = process.argv.slice(2);
if (!outDir || rest.length === 0 || rest.length % 3 !== 0) {
  console.error('usage: node web-ui.mjs OUT_DIR NAME URL WIDTHxHEIGHT [NAME URL WIDTHxHEIGHT]...');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  timeout: PAGE_TIMEOUT_MS,
  // As root in a container, and on a machine whose only network is loopback: no sandbox,
  // and none of Chromium's own background connections.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  for (let i = 0; i < rest.length; i += 3) {
    const [name, url, size] = rest.slice(i, i + 3);
    try {
      await capture(name, url, size);
    } catch (e) {
      console.error(`${name} (${url}): ${e.message}`);
      failed = true;
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);

async function capture(name, url, size) {
  const [width, height] = size.split('x').map(Number);
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  const errors = [];
  page.on('pageerror', e => errors.push(`page error: ${e.message}`));
  page.on('console', m => { if (m.type() === 'error') errors.push(`console error: ${m.text()}`); });
  page.on('requestfailed', r => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || response.status() !== 200) {
      throw new Error(`HTTP ${response ? response.status() : 'no response'}`);
    }
    if (new URL(url).pathname.endsWith('/flamegraph')) {
      // d3-flame-graph animates: the labels get their text last, once the boxes have their widths.
      await page.waitForFunction(() => [...document.querySelectorAll('#chart .d3-flame-graph-label')]
        .some(label => label.textContent.trim() !== ''));
    }
    const text = await page.evaluate(() => document.body.innerText);
    const titles = await page.evaluate(() => [
      ...[...document.querySelectorAll('svg title')].map(t => t.textContent),
      ...[...document.querySelectorAll('svg a')].map(a => a.getAttributeNS('http://www.w3.org/1999/xlink', 'title') ?? ''),
    ].filter(t => t.trim() !== ''));
    const boxes = await page.evaluate(() => {
      const box = (title, element) => {
        const r = element.getBoundingClientRect();
        return [title, r.left, r.top, r.right, r.bottom].map(String).join('\t');
      };
      return [
        ...[...document.querySelectorAll('svg title')].map(t => box(t.textContent, t.parentElement)),
        ...[...document.querySelectorAll('svg a')]
          .map(a => box(a.getAttributeNS('http://www.w3.org/1999/xlink', 'title') ?? '', a)),
        // The words in the boxes, as the reader sees them: "text:" and the line of text.
        ...[...document.querySelectorAll('svg text')].map(t => box('text:' + t.textContent, t)),
      ].filter(line => !line.startsWith('\t'));
    });
    await page.screenshot({ path: join(outDir, `${name}.png`) });
    writeFileSync(join(outDir, `${name}.boxes.txt`), boxes.join('\n'));
    writeFileSync(join(outDir, `${name}.title.txt`), await page.title());
    writeFileSync(join(outDir, `${name}.text.txt`), text);
    writeFileSync(join(outDir, `${name}.titles.txt`), titles.join('\n'));
  } finally {
    writeFileSync(join(outDir, `${name}.errors.txt`), errors.join('\n'));
    await context.close();
  }
}
