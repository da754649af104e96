import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { MAP_TEST_QUERIES, receivedBy } from '../support/api-server.ts';
import { axeViolations } from '../support/axe.ts';
import { recordCspViolations } from '../support/csp.ts';
import { sandboxApi as API, sandboxSite } from '../support/sites.ts';

/**
 * The occurrence map on the sandbox build, whose occurrences service and base-map tiles are the
 * run's loopback API (tests/support/api-server.ts): it draws PNGs, counts 4,242 records, and
 * refuses, drops or finds nothing for MAP_TEST_QUERIES. Every test maps its own query, so it can
 * pick its requests out of everything the shared API received.
 */
const MAP_PATH = '/examples/occurrence-map/';
const RAMP = '56FFFF00,10,56FFCC00,100,77FF9900,1000,AAFF6600,10000,FFD60A00';

const uniqueQuery = () => `genus:Eucalyptus AND id:${randomUUID().slice(0, 8)}`;

/** Opens the map page and scrolls to the map, which draws itself once it comes near the viewport. */
async function openMap(page: Page, search = ''): Promise<void> {
  await page.goto(`${sandboxSite}${MAP_PATH}${search}`);
  await page.locator('.om-map').scrollIntoViewIfNeeded();
  await expect(page.locator('.om-map .leaflet-tile-loaded').first()).toBeVisible();
}

/** The parameters of every WMS request the API received for query `q`. */
async function wmsRequests(q: string): Promise<URLSearchParams[]> {
  return (await receivedBy(API))
    .map((r) => new URL(r.url, API))
    .filter((u) => u.pathname === '/occurrences/mapping/wms/reflect' && u.searchParams.get('q') === q)
    .map((u) => u.searchParams);
}

/** Waits for a WMS request for `q` that `match` accepts, and returns its parameters. */
async function wmsRequest(q: string, match: (p: URLSearchParams) => boolean = () => true): Promise<URLSearchParams> {
  let found: URLSearchParams | undefined;
  await expect.poll(async () => (found = (await wmsRequests(q)).find(match)), { timeout: 15_000 }).toBeDefined();
  return found!;
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

test('the next tile requests follow the query, colour mode, style and filters', async ({ page }) => {
  const q = uniqueQuery();
  await openMap(page);
  await field(page, 'Query').fill(q);

  const first = await wmsRequest(q);
  expect(Object.fromEntries(first)).toMatchObject({
    SERVICE: 'WMS',
    REQUEST: 'GetMap',
    LAYERS: 'ALA:occurrences',
    FORMAT: 'image/png',
    SRS: 'EPSG:3857',
    WIDTH: '256',
    HEIGHT: '256',
    ENV: 'colormode:-1;color:e6704c;size:4;opacity:0.8',
    OUTLINE: 'true',
  });
  expect(first.get('BBOX')).toMatch(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/);
  expect(first.getAll('fq')).toEqual([]);
  await expect(page.locator('[data-record-count]')).toHaveText('4,242 records match.');

  await field(page, 'Colour mode').selectOption('grid');
  await field(page, 'Size').fill('6');
  await field(page, 'Outline').uncheck();
  await field(page, 'Colour').fill(RAMP);
  await page.getByRole('button', { name: 'Add a filter' }).click();
  await field(page, 'Filter 1').fill('stateProvince:"Queensland"');
  await page.getByRole('button', { name: 'year:[2000 TO *]' }).click();

  const styled = await wmsRequest(q, (p) => p.getAll('fq').length === 2);
  expect(styled.getAll('fq')).toEqual(['stateProvince:"Queensland"', 'year:[2000 TO *]']);
  expect(styled.get('ENV')).toBe(`colormode:grid;color:${RAMP};size:6;opacity:0.8`);
  expect(styled.get('OUTLINE')).toBe('false');

  // The count asks for the same records, without fetching any.
  const counts = (await receivedBy(API)).map((r) => new URL(r.url, API)).filter((u) => u.pathname === '/occurrences/occurrences/search' && u.searchParams.get('q') === q);
  expect(counts.at(-1)?.searchParams.get('pageSize')).toBe('0');
  expect(counts.at(-1)?.searchParams.getAll('fq')).toEqual(['stateProvince:"Queensland"', 'year:[2000 TO *]']);

  // What the colours mean, and the exact request of this view.
  await expect(page.locator('[data-legend]')).toContainText('Records per cell');
  await expect(page.locator('[data-legend] li')).toHaveText(['fewer than 10', '10 to 99', '100 to 999', '1,000 to 9,999', '10,000 or more']);
  const getMap = new URL((await page.locator('[data-getmap-url]').textContent())!);
  expect(getMap.searchParams.get('q')).toBe(q);
  expect(getMap.searchParams.get('ENV')).toBe(styled.get('ENV'));
  await expect(page.getByRole('link', { name: /Reference: WMS map tile/ })).toHaveAttribute('href', '/services/occurrences/get-wms-tile/');
});

test('the URL holds the state: reloading, back and forward restore it', async ({ page }) => {
  const q = uniqueQuery();
  await openMap(page);
  await field(page, 'Query').fill(q);
  await field(page, 'Colour mode').selectOption('month');
  await page.getByRole('button', { name: 'stateProvince:"Queensland"' }).click();
  await expect(page).toHaveURL(/colormode=month/);
  await expect(page).toHaveURL(/fq=stateProvince/);

  await page.reload();
  await expect(field(page, 'Query')).toHaveValue(q);
  await expect(field(page, 'Filter 1')).toHaveValue('stateProvince:"Queensland"');
  await expect(field(page, 'Colour mode')).toHaveValue('month');
  await wmsRequest(q, (p) => p.get('ENV')?.startsWith('colormode:month;') === true && p.get('fq') === 'stateProvince:"Queensland"');
  // Coloured by a field: the service's legend says which colour is which value.
  await expect(page.locator('[data-legend] li').first()).toHaveText('HUMAN_OBSERVATION (3,000)');

  await field(page, 'Size').fill('9');
  await expect(page).toHaveURL(/size=9/);
  await page.goBack();
  await expect(field(page, 'Size')).toHaveValue('4');
  await expect(field(page, 'Colour mode')).toHaveValue('month');
  await page.goBack();
  await expect(field(page, 'Filter 1')).toHaveCount(0);
  await page.goForward();
  await page.goForward();
  await expect(field(page, 'Size')).toHaveValue('9');
  await wmsRequest(q, (p) => p.get('ENV') === 'colormode:month;color:e6704c;size:9;opacity:0.8');
});

test('a shared URL opens the same map, view included', async ({ page }) => {
  const q = uniqueQuery();
  await openMap(page, `?q=${encodeURIComponent(q)}&colormode=hexbin&opacity=0.5&outline=false&lat=-33.8688&lon=151.2093&zoom=9`);
  await expect(field(page, 'Colour mode')).toHaveValue('hexbin');
  await expect(page.getByLabel('Opacity')).toHaveValue('0.5');
  await expect(page.locator('[data-opacity-value]')).toHaveText('0.5');
  await expect(field(page, 'Outline')).not.toBeChecked();
  const tile = await wmsRequest(q);
  expect(tile.get('ENV')).toBe('colormode:hexbin;color:e6704c;size:4;opacity:0.5');
  const [minx, miny, maxx, maxy] = tile.get('BBOX')!.split(',').map(Number) as [number, number, number, number];
  // Zoom 9 tiles are 78 km wide; this one is near Sydney (EPSG:3857 metres).
  expect(maxx - minx).toBeCloseTo(78271.5, 0);
  expect(Math.abs((minx + maxx) / 2 - 16832000)).toBeLessThan(300_000);
  expect(Math.abs((miny + maxy) / 2 + 4011000)).toBeLessThan(300_000);
  const python = page.locator('[data-map-samples] [role="tabpanel"]').nth(1);
  await expect(python).toContainText('location=[-33.8688, 151.2093]', { useInnerText: false });
  await expect(python).toContainText('zoom_start=9', { useInnerText: false });
});

test('errors are explained: a rejected query, an unreachable service, no records', async ({ page }) => {
  await openMap(page, `?q=${MAP_TEST_QUERIES.rejected}`);
  const problem = page.locator('[data-map-problem]');
  await expect(problem).toContainText('The occurrences service rejected this query (HTTP 400)');
  await expect(problem).toContainText('It said: Cannot parse query: test:rejected.');
  await expect(page.locator('[data-record-count]')).toHaveText('No count: the service rejected the query.');

  await field(page, 'Query').fill(MAP_TEST_QUERIES.unreachable);
  await expect(problem).toContainText('The occurrences service could not be reached');
  await expect(problem).toContainText(`Nothing came back from ${API}`);

  await field(page, 'Query').fill(MAP_TEST_QUERIES.none);
  await expect(problem).toContainText('No records match this query');
  await expect(page.locator('[data-record-count]')).toHaveText('0 records match.');

  await field(page, 'Query').fill(uniqueQuery());
  await expect(page.locator('[data-record-count]')).toHaveText('4,242 records match.');
  await expect(problem).toBeEmpty();
});

test('a colour the service cannot use is refused, with what to type instead', async ({ page }) => {
  const q = uniqueQuery();
  await openMap(page, `?q=${encodeURIComponent(q)}`);
  await field(page, 'Colour').fill('red');
  await expect(field(page, 'Colour')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#om-colour-error')).toHaveText(
    'This colour cannot be used: give six hex digits such as e6704c, or a ramp as above. The map keeps the last colour that worked.',
  );
  await field(page, 'Size').fill('7');
  // The map keeps the last colour that works.
  await wmsRequest(q, (p) => p.get('ENV') === 'colormode:-1;color:e6704c;size:7;opacity:0.8');
});

test('copy buttons copy the current request and code', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const q = uniqueQuery();
  await openMap(page);
  await field(page, 'Query').fill(q);
  await wmsRequest(q);

  await page.locator('[data-copy-getmap]').click();
  const url = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(url.searchParams.get('q')).toBe(q);
  expect(url.searchParams.get('REQUEST')).toBe('GetMap');

  const samples = page.locator('[data-map-samples]');
  await samples.getByRole('tab', { name: 'R', exact: true }).click();
  const block = samples.locator('[role="tabpanel"]:not([hidden]) .expressive-code');
  await expect(block.locator('pre')).toContainText(`q = '${q}'`);
  // Lines the change left alone keep their highlighting.
  await expect(block.locator('.ec-line', { hasText: 'library(leaflet)' }).locator('span[style]').first()).toBeVisible();
  await block.hover();
  await block.getByRole('button', { name: /copy/i }).click();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  expect(code).toContain(`q = '${q}'`);
  expect(code).toContain('addWMSTiles(');
  expect(code.split('\n').length).toBeGreaterThan(10);
});

test('keyboard only: every control is reachable and labelled, and the map pans and zooms', async ({ page }) => {
  await openMap(page, `?q=${encodeURIComponent(uniqueQuery())}`);
  await field(page, 'Query').focus();
  const stops: string[] = [];
  for (let i = 0; i < 25; i++) {
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : undefined;
        return (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').trim().replace(/\s+/g, ' ');
      }),
    );
    if (stops.at(-1) === 'Map of the records') break;
    await page.keyboard.press('Tab');
  }
  expect(stops).toEqual([
    'Query',
    'vernacularName:"Red Kangaroo"',
    'Eucalyptus',
    'eventDate:[2020-01-01T00:00:00Z TO 2020-12-31T23:59:59Z]',
    'Add a filter',
    'stateProvince:"Queensland"',
    'year:[2000 TO *]',
    'basisOfRecord:HUMAN_OBSERVATION',
    'Colour mode',
    'Size',
    'Opacity 0.8',
    'Outline',
    'Colour',
    'orange (e6704c)',
    'a yellow-to-red ramp',
    'Map of the records',
  ]);

  await expect(page.getByRole('region', { name: 'Map of the records' })).toHaveAccessibleDescription(/arrow keys pan it and \+ \/ - zoom/);

  // Pan east and zoom in, from the keyboard.
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/lon=1[3-4]\d\.\d+/);
  const lon = Number(new URL(page.url()).searchParams.get('lon'));
  expect(lon).toBeGreaterThan(134);
  const zoom = Number(new URL(page.url()).searchParams.get('zoom'));
  await page.keyboard.press('Equal');
  await expect(page).toHaveURL(new RegExp(`zoom=${zoom + 1}(&|$)`));
  await page.keyboard.press('Minus');
  await expect(page).toHaveURL(new RegExp(`zoom=${zoom}(&|$)`));
  await page.keyboard.press('Minus');
  await expect(page).toHaveURL(new RegExp(`zoom=${zoom - 1}(&|$)`));

  // Filters are added, filled and removed without a mouse; focus never gets lost.
  await page.getByRole('button', { name: 'Add a filter' }).focus();
  await page.keyboard.press('Enter');
  await expect(field(page, 'Filter 1')).toBeFocused();
  await page.keyboard.type('month:04');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Remove filter 1' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(field(page, 'Filter 1')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add a filter' })).toBeFocused();
});

for (const theme of ['light', 'dark'] as const) {
  test(`no axe violations in ${theme} mode, with the map drawn and after interacting`, async ({ page }) => {
    test.setTimeout(90_000); // two full axe runs of a long page
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await openMap(page, `?q=${encodeURIComponent(uniqueQuery())}`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(page.locator('[data-record-count]')).toHaveText('4,242 records match.');
    await expect(page.locator('[data-legend-image]')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Add a filter' }).click();
    await field(page, 'Filter 1').fill('month:04');
    await field(page, 'Colour mode').selectOption('basisOfRecord');
    await expect(page.locator('[data-legend] li').first()).toBeVisible();
    await field(page, 'Colour').fill('not a colour');
    await field(page, 'Query').fill(MAP_TEST_QUERIES.rejected);
    await expect(page.locator('[data-map-problem]')).not.toBeEmpty();
    await page.locator('.om-map').focus();
    await page.keyboard.press('ArrowDown');
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('requests nothing from a host other than the site and the configured API, within the policy', async ({ page }) => {
  const violations = await recordCspViolations(page);
  const origins = new Set<string>();
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:')) origins.add(new URL(url).origin);
  });
  await openMap(page, `?q=${encodeURIComponent(uniqueQuery())}`);
  await field(page, 'Colour mode').selectOption('month');
  await expect(page.locator('[data-legend] li').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect([...origins].sort()).toEqual([sandboxSite, API].sort());
  expect(violations).toEqual([]);
});

test('images are allowed from the API and tile origins only', async ({ request }) => {
  const html = await (await request.get(MAP_PATH)).text();
  const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(policy).toContain("img-src 'self' data: blob: https://api.ala.org.au https://spatial.ala.org.au;");
});

test('without JavaScript the page says what it does and shows the code for the default map', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto(MAP_PATH);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Occurrence map');
  await expect(page.getByText('the occurrences service draws every matching record on a web map')).toBeVisible();
  await expect(page.getByText('The map needs JavaScript.')).toBeVisible();
  await expect(page.locator('[data-getmap-url]')).toContainText('https://api.ala.org.au/occurrences/mapping/wms/reflect?q=vernacularName:%22Red%20Kangaroo%22');
  const shell = page.locator('[data-map-samples] .expressive-code').first();
  await expect(shell).toBeVisible();
  await expect(shell).toContainText('curl -G "https://api.ala.org.au/occurrences/mapping/wms/reflect"');
  await expect(shell).toContainText(`--data-urlencode 'q=vernacularName:"Red Kangaroo"'`);
  await context.close();
});

test('Leaflet loads on the map page only, and only once the map comes near', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL: baseURL!, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const leaflet: string[] = [];
  page.on('request', (r) => {
    if (/leaflet/i.test(r.url())) leaflet.push(r.url());
  });
  await page.goto('/', { waitUntil: 'networkidle' });
  await page.goto('/errors/', { waitUntil: 'networkidle' });
  expect(leaflet).toEqual([]);
  await page.goto(MAP_PATH, { waitUntil: 'networkidle' });
  expect(leaflet).toEqual([]);
  await page.locator('.om-map').scrollIntoViewIfNeeded();
  await expect.poll(() => leaflet.length).toBeGreaterThan(0);
  expect(leaflet.every((url) => url.startsWith(`${baseURL}/_astro/`))).toBe(true);
  await context.close();
});
