/**
 * `npm run bench`: the portal's numbers beside its peers', in one run on this machine.
 * Builds the site, serves it and the peer pages on loopback, measures in Chromium (5 runs each),
 * runs Lighthouse (mobile), times builds with generated documents, and measures search.
 * Prints one table and writes the same numbers as JSON under bench/results/. It never fails on
 * a number: budgets are read from the table (README, "Benchmark").
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser } from 'playwright-core';
import { stringify } from 'yaml';
import { CHROMIUM_ARGS, findChromium } from '../tests/support/chromium.ts';
import { buildSite } from '../tests/support/site-build.ts';
import { serveDirectory } from '../tools/serve-site.ts';
import { syntheticDocument } from './generate-document.ts';
import { measurePage, measureTryIt, stats, type PageRun, type PageTarget, type Stats } from './measure.ts';
import { writePeers } from './peers.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function timedBuild(outDir: string, vars: Record<string, string> = {}): number {
  const start = performance.now();
  buildSite(outDir, vars, { quiet: true });
  return (performance.now() - start) / 1000;
}

function dirSize(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);
}

const execFileAsync = promisify(execFile);

interface LighthouseResult {
  performance: number;
  accessibility: number;
  lcp: string;
}

/** Runs Lighthouse (mobile) in a child process — asynchronously, so this process keeps serving the pages. */
async function lighthouse(url: string): Promise<LighthouseResult> {
  const out = join(mkdtempSync(join(tmpdir(), 'lh-')), 'report.json');
  try {
    await execFileAsync(
      process.execPath,
      [
        'node_modules/lighthouse/cli/index.js',
        url,
        '--quiet',
        '--only-categories=performance,accessibility',
        '--output=json',
        `--output-path=${out}`,
        `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
      ],
      { env: { ...process.env, CHROME_PATH: findChromium() }, timeout: 180_000 },
    );
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      categories: Record<string, { score: number | null }>;
      audits: Record<string, { displayValue?: string }>;
    };
    return {
      performance: Math.round((report.categories['performance']?.score ?? NaN) * 100),
      accessibility: Math.round((report.categories['accessibility']?.score ?? NaN) * 100),
      lcp: report.audits['largest-contentful-paint']?.displayValue ?? '?',
    };
  } catch (error) {
    log(`lighthouse failed for ${url}: ${(error as Error).message.split('\n')[0]}`);
    return { performance: NaN, accessibility: NaN, lcp: 'failed' };
  }
}

interface Row {
  name: string;
  url: string;
  runs: PageRun[];
  lighthouse: LighthouseResult;
}

const kb = (n: number) => (Number.isFinite(n) ? `${(n / 1024).toFixed(0)}` : '–');
const ms = (s: Stats) => (Number.isFinite(s.median) ? `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})` : '–');

async function main(): Promise<void> {
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'ala-bench-'));
  const site = join(work, 'site');

  log('building the site (production)…');
  const buildSeconds = timedBuild(site);
  const peers = writePeers(site, join(site, 'openapi/occurrences.json'));
  const server = await serveDirectory(site);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });

  const targets: (PageTarget & { name: string })[] = [
    { name: 'Portal: / (guide)', url: '/' },
    { name: 'Portal: /authentication/', url: '/authentication/' },
    { name: 'Portal: token helper', url: '/authentication/token-helper/' },
    { name: 'Portal: /services/occurrences/', url: '/services/occurrences/', firstOperation: '[data-operation]' },
    { name: 'Portal: operation page', url: '/services/occurrences/search-occurrences/', firstOperation: '[data-operation-page]', tryIt: true },
    { name: 'Portal: /examples/occurrence-map/', url: '/examples/occurrence-map/' },
    ...peers.map((p) => ({ name: p.name, url: p.path, firstOperation: p.firstOperation })),
  ];

  const rows: Row[] = [];
  for (const target of targets) {
    log(`measuring ${target.name} (${RUNS} runs)…`);
    const runs: PageRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measurePage(browser, { ...target, url: server.url + target.url }));
    if (target.tryIt) {
      for (const run of runs) run.tryItReady = await measureTryIt(browser, server.url + target.url);
    }
    log(`lighthouse ${target.name}…`);
    rows.push({ name: target.name, url: target.url, runs, lighthouse: await lighthouse(server.url + target.url) });
  }

  log(`timing "Try it" after a ${HOVER_MS} ms hover (${RUNS} runs)…`);
  const hovered: number[] = [];
  for (let i = 0; i < RUNS; i++) hovered.push(await measureTryIt(browser, `${server.url}/services/occurrences/search-occurrences/`, HOVER_MS));

  log('measuring search…');
  const search = await measureSearch(browser, server.url);
  log('axe on the API client dialog…');
  const clientAxe = await clientAccessibility(browser, `${server.url}/services/occurrences/search-occurrences/`);
  const pagefindBytes = dirSize(join(site, 'pagefind'));
  await browser.close();
  await server.close();

  log('timing builds with generated documents (500, 2,000, 5,000 operations)…');
  const scaling: { operations: number; seconds: number; msPerOperation: number }[] = [];
  for (const operations of [500, 2000, 5000]) {
    const docs = join(work, `openapi-${operations}`);
    cpSync('openapi', docs, { recursive: true });
    writeFileSync(join(docs, 'synthetic.yaml'), stringify(syntheticDocument(operations), { lineWidth: 0 }));
    const seconds = timedBuild(join(work, `site-${operations}`), { ALA_OPENAPI_DIR: docs });
    scaling.push({ operations, seconds, msPerOperation: ((seconds - buildSeconds) * 1000) / operations });
    rmSync(join(work, `site-${operations}`), { recursive: true, force: true });
  }

  // The table.
  const header = ['page', 'JS+CSS KB at load', 'JS KB raw/gz', 'CSS KB raw/gz', 'req', 'FCP ms', 'first op ms', 'Try it → ready ms', 'LH perf', 'LH a11y', 'LH LCP'];
  const lines = rows.map((r) => {
    const first = r.runs[0]!;
    const pick = (k: keyof PageRun) => stats(r.runs.map((x) => (x[k] as number | undefined) ?? NaN));
    return [
      r.name,
      kb(first.atLoadRaw),
      `${kb(first.jsRaw)}/${kb(first.jsGzip)}`,
      `${kb(first.cssRaw)}/${kb(first.cssGzip)}`,
      String(pick('requests').median),
      ms(pick('fcp')),
      ms(pick('firstOperation')),
      ms(pick('tryItReady')),
      String(r.lighthouse.performance),
      String(r.lighthouse.accessibility),
      r.lighthouse.lcp,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\nPages (Chromium, ${RUNS} runs: median (min–max); Lighthouse mobile emulation, one run)`);
  console.log('JS+CSS at load: raw bytes loaded by the load event; JS/CSS columns: everything the page fetched (portal pages include the search UI Starlight loads when idle); "Try it" → ready: timed on a fresh load of its own, clicking at once\n');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
  console.log(
    `\n"Try it" → ready Send button on the operation page after the pointer rested ${HOVER_MS} ms on the button (hovering fetches and prepares the client, as for a reader): ${ms(stats(hovered))}; the column above clicks at once.`,
  );
  console.log(`\nBuild: whole site ${buildSeconds.toFixed(1)} s`);
  for (const s of scaling) console.log(`  + ${s.operations} generated operations: ${s.seconds.toFixed(1)} s (${s.msPerOperation.toFixed(1)} ms per added operation)`);
  console.log(
    `\nSearch (Pagefind): index ${kb(pagefindBytes)} KB on disk; first query "${search.query}": ${kb(search.bytes)} KB fetched, results in ${search.latency.toFixed(0)} ms`,
  );
  console.log(
    `\nScalar's API client dialog (open, after a request): axe reports ${clientAxe.length} rule${clientAxe.length === 1 ? '' : 's'} violated in its own markup${clientAxe.length ? `: ${clientAxe.join(', ')}` : ''} (the portal's own markup: 0, checked in npm test)`,
  );
  console.log(`\nWhole benchmark: ${((performance.now() - started) / 1000).toFixed(0)} s`);

  mkdirSync('bench/results', { recursive: true });
  const file = join('bench/results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), runs: RUNS, buildSeconds, tryItAfterHover: hovered, scaling, search: { ...search, indexBytes: pagefindBytes }, clientAxe, pages: rows }, null, 2));
  console.log(`Numbers written to ${file}`);
  rmSync(work, { recursive: true, force: true });
}

/** How long a reader's pointer rests on "Try it" before the click, in the second timing. */
const HOVER_MS = 300;

/** The axe rules Scalar's client dialog violates (its own markup only), once opened and sent. */
async function clientAccessibility(browser: Browser, url: string): Promise<string[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('button[data-try-it]').first().click();
  const dialog = page.getByRole('dialog', { name: 'API Client' });
  await dialog.getByRole('button', { name: /^Send .* request to / }).click();
  await page.waitForTimeout(1000);
  const results = await new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'] }).include('.ala-try-it').analyze();
  await context.close();
  return results.violations.map((v) => v.id).sort();
}

async function measureSearch(browser: Browser, base: string): Promise<{ query: string; bytes: number; latency: number }> {
  const query = 'occurrence records';
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  page.on('response', async (r) => {
    if (!r.url().includes('/pagefind/')) return;
    try {
      bytes += (await r.body()).byteLength;
    } catch {
      // ignore
    }
  });
  await page.goto(`${base}/errors/`);
  await page.waitForSelector('#starlight__search input.pagefind-ui__search-input', { state: 'attached', timeout: 30_000 });
  await page.keyboard.press('Control+k');
  const input = page.locator('dialog input.pagefind-ui__search-input');
  const start = Date.now();
  await input.fill(query);
  await page.locator('dialog .pagefind-ui__result-link').first().waitFor({ timeout: 30_000 });
  const latency = Date.now() - start;
  await page.waitForLoadState('networkidle');
  await context.close();
  return { query, bytes, latency };
}

await main();
