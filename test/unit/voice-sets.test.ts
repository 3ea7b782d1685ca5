// The display's clip set chosen by an admin: a clip comes from the set's folder of the voice folder,
// falls back to the office's own folder and then the built-in clips, and follows a change at once.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseOffice } from '../../server/config/load.js';
import { demoOffice } from '../../server/config/demo-office.js';
import type { OfficeConfig } from '../../server/config/schema.js';
import { staticRoutes } from '../../server/http/static.js';

describe('voice clip sets', () => {
  const voiceDir = mkdtempSync(join(tmpdir(), 'nobat-voice-'));
  after(() => rmSync(voiceDir, { recursive: true, force: true }));
  mkdirSync(join(voiceDir, 'female'));
  writeFileSync(join(voiceDir, 'female', 'chime.wav'), 'female chime');
  writeFileSync(join(voiceDir, 'shomare.wav'), 'office shomare');

  let config: OfficeConfig = parseOffice(demoOffice, 'demo');
  const routes = staticRoutes({ config: () => config, publicUrl: () => 'http://192.0.2.7:8080', voiceDir });
  const clip = async (name: string) => {
    const response = await routes.request(`/display/voice/${name}.wav`);
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  };

  it('serves the chosen set first, then the office folder, then the built-in clips', async () => {
    const builtIn = await clip('chime');
    assert.equal(builtIn.status, 200);
    assert.notEqual(builtIn.body.toString(), 'female chime', 'the default set is the office folder and the built-in clips');
    config = { ...config, audio: { clipSet: 'female', chime: true } };
    assert.equal((await clip('chime')).body.toString(), 'female chime');
    assert.equal((await clip('shomare')).body.toString(), 'office shomare', 'a clip the set lacks comes from the office folder');
    assert.equal((await clip('baje')).status, 200, 'and then from the built-in clips');
    config = { ...config, audio: { clipSet: 'missing-set', chime: true } };
    assert.deepEqual((await clip('chime')).body, builtIn.body);
  });
});
