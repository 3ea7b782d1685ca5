// Serving the built screens: the kiosk page with the office's charter in it, hashed assets cached for
// good, nothing outside dist/assets, and a page that says to build when dist/ is missing.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseOffice } from '../../server/config/load.js';
import { demoOffice } from '../../server/config/demo-office.js';
import { staticRoutes } from '../../server/http/static.js';

const config = parseOffice(demoOffice, 'demo office');
const dist = mkdtempSync(join(tmpdir(), 'nobat-dist-'));
mkdirSync(join(dist, 'kiosk'));
mkdirSync(join(dist, 't'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'kiosk/index.html'), '<html><head></head><body>kiosk</body></html>');
writeFileSync(join(dist, 't/index.html'), '<html><head></head><body>track</body></html>');
writeFileSync(join(dist, 'assets/kiosk-abc123.js'), 'export {};');
after(() => rmSync(dist, { recursive: true, force: true }));
/** What main.ts hands the routes: the office's publicUrl, else its address on the office network. */
const PUBLIC_URL = 'http://192.0.2.7:8080';

test('the kiosk page carries the office name, charter (escaped) and the address phones reach', async () => {
  const response = await staticRoutes({ config: () => config, publicUrl: () => PUBLIC_URL, distDir: dist }).request('/kiosk');
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-cache');
  const html = await response.text();
  const json = /<script type="application\/json" id="nb-office">(.*?)<\/script>/.exec(html)?.[1];
  assert.ok(json);
  assert.equal(JSON.parse(json).charter, config.charter);
  assert.equal(JSON.parse(json).publicUrl, PUBLIC_URL);
  assert.doesNotMatch(json, /</);
});

test('assets are cached for good; the tracking page answers for any well-formed id; nothing else leaks', async () => {
  const routes = staticRoutes({ config: () => config, publicUrl: () => PUBLIC_URL, distDir: dist });
  const asset = await routes.request('/assets/kiosk-abc123.js');
  assert.equal(asset.status, 200);
  assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
  assert.match(asset.headers.get('content-type') ?? '', /javascript/);
  assert.equal((await routes.request('/t/AbCdEf123456')).status, 200);
  assert.equal((await routes.request('/t/x')).status, 404);
  assert.equal((await routes.request('/assets/..%2Fkiosk%2Findex.html')).status, 404);
  assert.equal((await routes.request('/assets/missing.js')).status, 404);
});

test('without a build, the screens say in Persian and English to run npm run build', async () => {
  const response = await staticRoutes({ config: () => config, publicUrl: () => PUBLIC_URL, distDir: join(dist, 'nowhere') }).request('/kiosk');
  assert.equal(response.status, 503);
  const html = await response.text();
  assert.match(html, /npm run build/);
  assert.match(html, /ساخته نشده/);
  assert.match(html, /have not been built/);
});
