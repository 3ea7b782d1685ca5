import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../i18n.js';
import { adminStyles } from './admin.styles.js';
import type { AuditEntry } from './data/admin-api.js';
import { dateTime } from './form.js';
import { actionText, auditChanges, entityText } from './audit-text.js';
import { at } from './i18n.js';

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
              <td>${entityText(lang, e.entity)}${e.entityId ? html` <bdi dir="ltr">${e.entityId}</bdi>` : ''} — ${actionText(lang, e.action)}</td>
              <td><ul>${auditChanges(lang, e.before, e.after).map((c) => html`<li><b>${c.field}</b>: <bdi>${c.before}</bdi> ${lang === 'fa' ? '←' : '→'} <bdi>${c.after}</bdi></li>`)}</ul></td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-admin-audit': NbAdminAudit;
  }
}
