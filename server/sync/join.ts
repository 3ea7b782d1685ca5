// `nobat join <central-url> <code>`: spends the enrolment code at central and keeps the office
// credential it gets in the office's database. A running office server picks the link up by itself.
import type { Db } from '../store/open.js';
import { readLink, writeLink, type CentralLinkState } from './link-store.js';

export class JoinRefused extends Error {}

export async function joinCentral(db: Db, centralUrl: string, code: string): Promise<CentralLinkState & { name: string; province: string }> {
  const existing = readLink(db);
  if (existing) throw new JoinRefused(`this office has joined ${existing.url} already (as office ${existing.officeId})`);
  const url = centralUrl.replace(/\/+$/, '');
  let response: Response;
  try {
    response = await fetch(`${url}/api/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }), signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    throw new JoinRefused(`central at ${url} could not be reached: ${(error as Error).message}`);
  }
  const body = (await response.json().catch(() => null)) as { officeId?: number; name?: string; province?: string; credential?: string; epoch?: number; highWater?: number; error?: { code: string } } | null;
  if (response.status !== 201 || !body?.credential || body.officeId === undefined) throw new JoinRefused(`central refused the code (${response.status} ${body?.error?.code ?? 'no answer'})`);
  const link: CentralLinkState = { url, officeId: body.officeId, credential: body.credential, epoch: body.epoch ?? 0, synced: 0 };
  writeLink(db, link);
  return { ...link, name: body.name ?? '', province: body.province ?? '' };
}
