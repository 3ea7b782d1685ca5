import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../i18n.js';
import { adminStyles } from './admin.styles.js';
import type { AuditEntry } from './data/admin-api.js';
import { dateTime } from './form.js';
import { at, type AdminKey } from './i18n.js';

const ACTIONS: Record<AuditEntry['action'], AdminKey> = { create: 'create_', update: 'update', delete: 'delete', reset_password: 'reset_password', revoke: 'revoke_', pair_code: 'pair_code' };
const ENTITIES: Record<AuditEntry['entity'], AdminKey> = { office: 'officeTitle', board: 'boardTitle', printer: 'printerTitle', audio: 'audioTitle', service: 'services', desk: 'desks', user: 'users', device: 'devices' };

/** The audit trail, newest first: when, who, what, and each changed field from before to after. */
@customElement('nb-admin-audit')
export class NbAdminAudit extends LitElement {
  @property({ attribute: false }) entries: AuditEntry[] = [];
  @property() timeZone = 'Asia/Tehran';
  @property() language: Lang = 'fa';

  static override styles = adminStyles;

  override render() {
    const lang = this.language;
    if (this.entries.length === 0) return html`<p class="muted">${at(lang, 'noChanges')}</p>`;
    return html`<div class="scroll">
      <table>
        <thead>
          <tr><th>${at(lang, 'when')}</th><th>${at(lang, 'who')}</th><th>${at(lang, 'what')}</th><th>${at(lang, 'change')}</th></tr>
        </thead>
        <tbody>
          ${this.entries.map(
            (e) => html`<tr data-seq=${e.seq}>
              <td>${dateTime(lang, e.at, this.timeZone)}</td>
              <td>${e.actorName}</td>
              <td>${at(lang, ENTITIES[e.entity])}${e.entityId ? html` <span dir="ltr">${e.entityId}</span>` : ''} — ${at(lang, ACTIONS[e.action])}</td>
              <td><ul>${changes(e.before, e.after).map((c) => html`<li><b>${c.field}</b>: <bdi>${c.before}</bdi> ${lang === 'fa' ? '←' : '→'} <bdi>${c.after}</bdi></li>`)}</ul></td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

/** The fields that differ between before and after, each shortened to a line. */
function changes(before: unknown, after: unknown): Array<{ field: string; before: string; after: string }> {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .map((key) => ({ field: key, before: short(a[key]), after: short(b[key]) }));
}

function short(value: unknown): string {
  if (value === undefined || value === null) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-admin-audit': NbAdminAudit;
  }
}
