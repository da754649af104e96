import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  countUrl,
  envString,
  fieldLegendUrl,
  getMapUrl,
  legendGraphicUrl,
  SAMPLE_IMAGE,
  toMercator,
  viewBbox,
  wmsBaseUrl,
  wmsLayerOptions,
} from '../../src/lib/occurrence-map/requests.ts';
import { countText, cssColour, explainCount, explainTileErrors, fieldLegend, rampLegend, readCount } from '../../src/lib/occurrence-map/results.ts';
import { codeString, mapSamples, type MapSampleInputs } from '../../src/lib/occurrence-map/map-code.ts';
import { sampleLanguages } from '../../src/lib/samples/languages.ts';
import { colourField, DEFAULT_STATE, hasView, parseColour, parseState, stateToSearch, type MapState } from '../../src/lib/occurrence-map/state.ts';

const API = 'https://api.ala.org.au/occurrences';
const RAMP = '56FFFF00,10,56FFCC00,100,77FF9900,1000,AAFF6600,10000,FFD60A00';

const shared: MapState = {
  q: 'genus:Eucalyptus',
  fq: ['stateProvince:"New South Wales"', 'year:[2000 TO *]'],
  colourMode: 'grid',
  colour: RAMP,
  size: 6,
  opacity: 0.5,
  outline: false,
  view: { lat: -33.8688, lon: 151.2093, zoom: 9 },
};

describe('map state in the query string', () => {
  it('is the default for an empty query string', () => {
    expect(parseState('')).toEqual(DEFAULT_STATE);
    expect(stateToSearch(DEFAULT_STATE, false)).toBe('');
  });

  it('round-trips every value, writing only what differs from the default', () => {
    const search = stateToSearch(shared, true);
    expect(search).toBe(
      '?q=genus%3AEucalyptus&fq=stateProvince%3A%22New+South+Wales%22&fq=year%3A%5B2000+TO+*%5D&colormode=grid' +
        `&color=${encodeURIComponent(RAMP)}&size=6&opacity=0.5&outline=false&lat=-33.8688&lon=151.2093&zoom=9`,
    );
    expect(parseState(search)).toEqual(shared);
    expect(hasView(search)).toBe(true);
    expect(stateToSearch({ ...DEFAULT_STATE, fq: ['month:01'] }, false)).toBe('?fq=month%3A01');
  });

  it('keeps an emptied query (every record) apart from the default query', () => {
    expect(parseState('?q=').q).toBe('');
    expect(stateToSearch({ ...DEFAULT_STATE, q: '' }, false)).toBe('?q=');
  });

  it('ignores values it cannot use', () => {
    const state = parseState('?colormode=bad%20mode&color=red&size=0&opacity=3&zoom=40&lat=95&lon=x&fq=%20&outline=no');
    expect(state).toEqual(DEFAULT_STATE);
    expect(parseState('?size=2.5').size).toBe(4);
    expect(hasView('?lat=1&lon=2')).toBe(false);
  });

  it('accepts any index field as a colour mode', () => {
    expect(parseState('?colormode=occurrenceStatus').colourMode).toBe('occurrenceStatus');
    expect(colourField('month')).toBe('month');
    expect(colourField('grid')).toBeUndefined();
    expect(colourField('-1')).toBeUndefined();
  });

  it('rounds the view to whole zoom levels and about ten metres, wrapping longitude', () => {
    expect(stateToSearch({ ...DEFAULT_STATE, view: { lat: -27.123456, lon: 493.98765, zoom: 5.4 } }, true)).toBe('?lat=-27.1235&lon=133.9877&zoom=5');
  });
});

describe('colours', () => {
  it('reads one colour, with or without #', () => {
    expect(parseColour('#E6704C')).toEqual({ kind: 'single', hex: 'E6704C' });
    expect(parseColour('e6704c')).toEqual({ kind: 'single', hex: 'e6704c' });
  });

  it('reads a ramp of colours between rising record counts', () => {
    expect(parseColour(RAMP)).toEqual({
      kind: 'ramp',
      steps: [
        { colour: '56FFFF00', from: 0, to: 10 },
        { colour: '56FFCC00', from: 10, to: 100 },
        { colour: '77FF9900', from: 100, to: 1000 },
        { colour: 'AAFF6600', from: 1000, to: 10000 },
        { colour: 'FFD60A00', from: 10000, to: undefined },
      ],
    });
  });

  it('refuses anything else', () => {
    for (const bad of ['red', 'e6704', 'FFD60A00', 'ff0000,10', 'ff0000,10,00ff00,5,0000ff', 'ff0000,ten,00ff00', 'ff0000,10,zz0000']) {
      expect(parseColour(bad), bad).toBeUndefined();
    }
  });

  it('explains a ramp in records per cell', () => {
    const steps = parseColour(RAMP);
    expect(steps?.kind).toBe('ramp');
    const legend = rampLegend(steps?.kind === 'ramp' ? steps.steps : []);
    expect(legend.map((e) => e.label)).toEqual(['fewer than 10', '10 to 99', '100 to 999', '1,000 to 9,999', '10,000 or more']);
    expect(legend[0]!.colour).toBe('rgb(255 255 0 / 34%)');
    expect(cssColour('E6704C')).toBe('#e6704c');
  });
});

describe('requests', () => {
  it('writes the WMS style as ENV', () => {
    expect(envString(DEFAULT_STATE)).toBe('colormode:-1;color:e6704c;size:4;opacity:0.8');
    expect(envString(shared)).toBe(`colormode:grid;color:${RAMP};size:6;opacity:0.5`);
    expect(wmsLayerOptions(shared)).toMatchObject({ layers: 'ALA:occurrences', uppercase: true, ENV: envString(shared), OUTLINE: 'false' });
  });

  it('puts q and every fq into the WMS URL, readable and exact', () => {
    const url = wmsBaseUrl(API, shared);
    expect(url).toBe('https://api.ala.org.au/occurrences/mapping/wms/reflect?q=genus:Eucalyptus&fq=stateProvince:%22New%20South%20Wales%22&fq=year:%5B2000%20TO%20*%5D');
    const params = new URL(url).searchParams;
    expect(params.get('q')).toBe('genus:Eucalyptus');
    expect(params.getAll('fq')).toEqual(shared.fq);
    expect(new URL(wmsBaseUrl(API, { q: '  ', fq: [] })).searchParams.get('q')).toBe('*:*');
  });

  it('projects views into Web Mercator like the map does', () => {
    expect(toMercator(0, 180)[0]).toBeCloseTo(20037508.34, 1);
    expect(toMercator(85.0511287798, 0)[1]).toBeCloseTo(20037508.34, 0);
    expect(viewBbox({ lat: 0, lon: 0, zoom: 0 }, { width: 256, height: 256 })).toEqual([-20037508, -20037508, 20037508, 20037508]);
  });

  it('asks for one GetMap image of the view', () => {
    const url = new URL(getMapUrl(API, DEFAULT_STATE, DEFAULT_STATE, DEFAULT_STATE.view, SAMPLE_IMAGE));
    expect(url.pathname).toBe('/occurrences/mapping/wms/reflect');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: 'vernacularName:"Red Kangaroo"',
      SERVICE: 'WMS',
      VERSION: '1.1.1',
      REQUEST: 'GetMap',
      LAYERS: 'ALA:occurrences',
      STYLES: '',
      FORMAT: 'image/png',
      TRANSPARENT: 'true',
      SRS: 'EPSG:3857',
      BBOX: viewBbox(DEFAULT_STATE.view, SAMPLE_IMAGE).join(','),
      WIDTH: '800',
      HEIGHT: '600',
      ENV: 'colormode:-1;color:e6704c;size:4;opacity:0.8',
      OUTLINE: 'true',
    });
  });

  it('counts with a search of no records and no facets; legends per mode', () => {
    const count = new URL(countUrl(API, shared));
    expect(count.pathname).toBe('/occurrences/occurrences/search');
    expect(count.searchParams.getAll('fq')).toEqual(shared.fq);
    expect(count.searchParams.get('pageSize')).toBe('0');
    expect(count.searchParams.get('facet')).toBe('false');
    expect(new URL(legendGraphicUrl(API, DEFAULT_STATE)).searchParams.get('ENV')).toBe(envString(DEFAULT_STATE));
    const legend = new URL(fieldLegendUrl(API, shared, 'month'));
    expect(legend.pathname).toBe('/occurrences/mapping/legend');
    expect(legend.searchParams.get('cm')).toBe('month');
    expect(legend.searchParams.get('type')).toBe('application/json');
  });
});

describe('what the service answered', () => {
  it('reads a count, a refusal, and an answer without a count', () => {
    expect(readCount(200, { totalRecords: 4242 })).toEqual({ kind: 'count', total: 4242 });
    expect(readCount(400, { message: 'Cannot parse query' })).toEqual({ kind: 'rejected', status: 400, detail: 'Cannot parse query' });
    expect(readCount(200, { status: 'ERROR', errorMessage: 'undefined field foo' })).toEqual({ kind: 'rejected', status: 200, detail: 'undefined field foo' });
    expect(readCount(500, 'Internal error')).toEqual({ kind: 'rejected', status: 500, detail: 'Internal error' });
    expect(readCount(200, {})).toEqual({ kind: 'rejected', status: 200, detail: 'the answer has no totalRecords' });
  });

  it('says how many records match, and explains an empty or failed map', () => {
    expect(countText({ kind: 'count', total: 123456 })).toBe('123,456 records match.');
    expect(countText({ kind: 'count', total: 1 })).toBe('1 record matches.');
    expect(explainCount({ kind: 'count', total: 5 }, API)).toBeUndefined();
    expect(explainCount({ kind: 'count', total: 0 }, API)?.title).toBe('No records match this query');
    const rejected = explainCount({ kind: 'rejected', status: 400, detail: 'Cannot parse query' }, API);
    expect(rejected?.title).toBe('The occurrences service rejected this query (HTTP 400)');
    expect(rejected?.detail).toContain('It said: Cannot parse query.');
    expect(explainCount({ kind: 'unreachable' }, 'https://api.ala.org.au')?.detail).toContain('Nothing came back from https://api.ala.org.au');
    expect(explainTileErrors(0)).toBeUndefined();
    expect(explainTileErrors(3)?.title).toBe('Map tiles could not be drawn');
  });

  it('reads the legend of a field, its first twelve values', () => {
    const items = Array.from({ length: 14 }, (_, i) => ({ name: `value ${i}`, count: 1000 + i, red: 255, green: i, blue: 0 }));
    const legend = fieldLegend(items);
    expect(legend?.entries).toHaveLength(12);
    expect(legend?.entries[1]).toEqual({ colour: '#ff0100', label: 'value 1 (1,001)' });
    expect(legend?.more).toBe(2);
    expect(fieldLegend({ not: 'an array' })).toBeUndefined();
  });
});

describe('"Reproduce it" samples', () => {
  const inputs: MapSampleInputs = {
    api: API,
    tiles: 'https://spatial.ala.org.au/osm/{z}/{x}/{y}.png',
    query: { q: "vernacularName:\"Red Kangaroo\" OR raw_vernacularName:'roo'", fq: shared.fq },
    style: shared,
    view: shared.view,
    image: { width: 640, height: 480 },
  };
  const samples = mapSamples(inputs);

  it('come in the site\'s three languages, then JavaScript', () => {
    expect(sampleLanguages(samples).map((l) => l.label)).toEqual(['Shell', 'Python', 'R', 'JavaScript']);
  });

  it('quote strings for Python, R and JavaScript alike', () => {
    expect(codeString('vernacularName:"Red Kangaroo"')).toBe(`'vernacularName:"Red Kangaroo"'`);
    expect(codeString("it's")).toBe(`"it's"`);
  });

  it('are valid shell, Python and JavaScript', () => {
    execFileSync('bash', ['-n'], { input: samples.shell });
    execFileSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], { input: samples.python });
    const dir = mkdtempSync(join(tmpdir(), 'map-sample-'));
    try {
      const file = join(dir, 'sample.mjs');
      writeFileSync(file, samples.javascript);
      execFileSync(process.execPath, ['--check', file]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('draw the same layer in every language', () => {
    const env = envString(shared);
    expect(samples.python).toContain(`ENV='${env}'`);
    expect(samples.r).toContain(`ENV = '${env}'`);
    expect(samples.javascript).toContain(`ENV: '${env}'`);
    for (const code of [samples.python, samples.r, samples.javascript]) {
      expect(code).toContain('https://spatial.ala.org.au/osm/{z}/{x}/{y}.png');
      expect(code).toContain('https://api.ala.org.au/occurrences/mapping/wms/reflect?');
      expect(code).toContain('OUTLINE');
      expect(code).toContain('-33.8688');
    }
    expect(samples.python).toContain('("fq", \'year:[2000 TO *]\')');
    expect(samples.r).toContain(`fq = 'stateProvince:"New South Wales"'`);
  });

  it('the Python query string decodes to the map query', () => {
    const [imports = '', rest = ''] = samples.python.split('import folium');
    const script = `${imports}${rest.split('m = folium.Map')[0]}\nprint(query)`;
    const printed = new URLSearchParams(execFileSync('python3', ['-c', script], { encoding: 'utf8' }).trim());
    expect(printed.get('q')).toBe(inputs.query.q);
    expect(printed.getAll('fq')).toEqual(inputs.query.fq);
  });

  it('the curl command sends exactly the GetMap request the page shows', async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/png' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/occurrences`;
    const dir = mkdtempSync(join(tmpdir(), 'map-curl-'));
    try {
      const local = mapSamples({ ...inputs, api });
      await new Promise<void>((resolve, reject) => execFile('bash', ['-c', local.shell], { cwd: dir }, (error) => (error ? reject(error) : resolve())));
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
    const sent = new URL(seen[0]!, 'http://x');
    const expected = new URL(getMapUrl(api, inputs.query, inputs.style, inputs.view, inputs.image));
    expect(sent.pathname).toBe(expected.pathname);
    expect([...sent.searchParams]).toEqual([...expected.searchParams]);
  });
});
