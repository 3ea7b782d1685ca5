import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formatJalaliDate, formatJalaliKey, localDigits, toLatinDigits } from '../../../server/time/persian.js';
import { Refused } from '../../../ui/http/api.js';
import { LANGUAGES, applyDocumentLanguage, type Lang } from '../../../ui/i18n.js';
import { readOffice } from '../../../ui/office.js';
import { baseStyles } from '../../../ui/styles/base.styles.js';
import { fetchOptions, fetchServices, fetchTicket, fileFeedback, followUp, rateMeeting, type FeedbackKind, type FeedbackOptions, type FollowUp, type ServiceChoice, type TicketAbout } from '../data/feedback.js';
import { t, tn } from '../i18n.js';
import { pageStyles } from './feedback.styles.js';

type View = { name: 'form' } | { name: 'filed'; code: string } | { name: 'status'; code: string; found: FollowUp | null | undefined };

const LANG_KEY = 'nobat.feedback.lang';

/**
 * The phone's feedback pages: the form at /feedback (about a ticket when opened from its page, with
 * ?ticket=<id>), the code once filed, and /feedback/<code>: the status and the answer, nothing more.
 */
@customElement('nb-feedback-app')
export class NbFeedbackApp extends LitElement {
  @state() private language: Lang = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'fa';
  @state() private view: View = viewOfAddress();
  @state() private options: FeedbackOptions | null = null;
  @state() private services: ServiceChoice[] = [];
  @state() private ticket: TicketAbout | null = null;
  @state() private sending = false;
  @state() private error: string | null = null;

  private readonly office = readOffice();
  private readonly ticketId = new URLSearchParams(location.search).get('ticket');

  static override styles = [baseStyles, pageStyles];

  override connectedCallback() {
    super.connectedCallback();
    applyDocumentLanguage(this.language, t(this.language, 'title'));
    if (this.view.name === 'status') void this.loadStatus(this.view.code);
    else void this.loadForm();
  }

  override render() {
    const lang = this.language;
    const other: Lang = lang === 'fa' ? 'en' : 'fa';
    return html`
      <header>
        <p class="office">${lang === 'en' && this.office.nameEn ? this.office.nameEn : this.office.name}</p>
        <button class="lang" lang=${other} @click=${() => this.setLang(other)}>${LANGUAGES[other].label}</button>
      </header>
      <main>${this.view.name === 'status' ? this.renderStatus(this.view) : this.view.name === 'filed' ? this.renderFiled(this.view.code) : this.renderForm()}</main>
    `;
  }

  private renderForm() {
    const lang = this.language;
    const options = this.options;
    const service = this.ticket ? this.services.find((s) => s.id === this.ticket!.serviceId) : undefined;
    return html`
      <h1>${t(lang, 'title')}</h1>
      <p>${t(lang, 'intro')}</p>
      ${this.ticket ? html`<p class="about" data-ticket=${this.ticket.id}>${t(lang, 'aboutTicket', { number: localDigits(this.ticket.number, lang), service: service ? name(service, lang) : '' })}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${!options
        ? nothing
        : html`<form @submit=${this.submit}>
            <fieldset>
              <legend>${t(lang, 'kind')}</legend>
              ${options.kinds.map((kind, i) => html`<label class="radio"><input type="radio" name="kind" value=${kind} ?checked=${i === 0} required /> ${t(lang, kind)}</label>`)}
            </fieldset>
            <label for="topic">${t(lang, 'topic')}</label>
            <select id="topic" name="topic" required>
              <option value="">${t(lang, 'chooseTopic')}</option>
              ${options.topics.map((topic) => html`<option value=${topic.id}>${lang === 'en' && topic.nameEn ? topic.nameEn : topic.name}</option>`)}
            </select>
            ${this.ticket
              ? nothing
              : html`<label for="service">${t(lang, 'service')}</label>
                  <select id="service" name="service">
                    <option value="">${t(lang, 'noService')}</option>
                    ${this.services.map((s) => html`<option value=${s.id}>${name(s, lang)}</option>`)}
                  </select>`}
            <label for="text">${t(lang, 'text')}</label>
            <textarea id="text" name="text" required maxlength="2000" rows="6" dir="auto"></textarea>
            <label for="mobile">${t(lang, 'mobile')}</label>
            <input id="mobile" name="mobile" type="tel" inputmode="tel" autocomplete="tel" maxlength="20" dir="ltr" />
            <p class="help">${t(lang, 'mobileHelp')}</p>
            <p class="kept">${tn(lang, 'kept', options.retentionDays, { n: localDigits(options.retentionDays, lang) })}</p>
            <button class="primary" type="submit" ?disabled=${this.sending}>${this.sending ? t(lang, 'sending') : t(lang, 'submit')}</button>
          </form>`}
      ${this.renderFollowForm()}
    `;
  }

  private renderFollowForm() {
    const lang = this.language;
    return html`<form class="follow" @submit=${this.follow}>
      <h2>${t(lang, 'followTitle')}</h2>
      <label for="code">${t(lang, 'codeInput')}</label>
      <input id="code" name="code" inputmode="numeric" autocomplete="off" maxlength="20" dir="ltr" required />
      <button class="secondary" type="submit">${t(lang, 'follow')}</button>
    </form>`;
  }

  private renderFiled(code: string) {
    const lang = this.language;
    return html`<h1>${t(lang, 'filed')}</h1>
      <p class="label">${t(lang, 'codeLabel')}</p>
      <p class="code" data-code=${code}>${localDigits(grouped(code), lang)}</p>
      <p>${t(lang, 'keepCode')}</p>
      <a class="primary link" href=${`/feedback/${code}`}>${t(lang, 'openStatus')}</a>`;
  }

  private renderStatus(view: Extract<View, { name: 'status' }>) {
    const lang = this.language;
    const { found } = view;
    const zone = this.office.timeZone ?? 'Asia/Tehran';
    if (found === undefined) return html`<h1>${t(lang, 'statusTitle')}</h1>${this.error ? html`<p class="error" role="alert">${this.error}</p>` : html`<p>…</p>`}`;
    if (found === null) return html`<h1>${t(lang, 'statusTitle')}</h1><p class="error" role="alert">${t(lang, 'notFound')}</p>${this.renderFollowForm()}`;
    const code = html`<p class="label">${t(lang, 'codeLabel')}</p><p class="code small" data-code=${view.code}>${localDigits(grouped(view.code), lang)}</p>`;
    if (found.kind === 'meeting') {
      return html`<h1>${t(lang, 'meetingTitle')}</h1>
        ${code}
        <dl>
          <dt>${t(lang, 'meetingNumber')}</dt><dd>${localDigits(found.number, lang)}</dd>
          <dt>${t(lang, 'meetingDate')}</dt><dd>${formatJalaliKey(found.date, lang)}</dd>
        </dl>
        <p class="status" role="status" data-status=${found.status}>${t(lang, found.status as 'waiting' | 'called' | 'met')}</p>
        ${found.result ? html`<p>${t(lang, found.result)}</p>` : nothing}
        ${found.followUp ? html`<p>${found.followUp.done ? t(lang, 'followUpDone') : t(lang, 'followUpDue', { date: formatJalaliKey(found.followUp.dueDate, lang) })}</p>` : nothing}
        ${found.rated === false ? this.renderRating(view.code) : found.rated ? html`<p class="rated">${t(lang, 'rated')}</p>` : nothing}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <button class="secondary" @click=${() => void this.loadStatus(view.code)}>${t(lang, 'refresh')}</button>`;
    }
    return html`<h1>${t(lang, 'statusTitle')}: ${t(lang, found.feedbackKind)}</h1>
      ${code}
      <p class="status" role="status" data-status=${found.status}>${t(lang, found.status)}</p>
      <dl>
        <dt>${t(lang, 'filedAt')}</dt><dd>${formatJalaliDate(found.createdAt, zone, lang)}</dd>
        ${found.answeredAt ? html`<dt>${t(lang, 'answeredAt')}</dt><dd>${formatJalaliDate(found.answeredAt, zone, lang)}</dd>` : nothing}
      </dl>
      ${found.answer !== undefined
        ? html`<section class="answer" aria-labelledby="answer-heading"><h2 id="answer-heading">${t(lang, 'answer')}</h2><p dir="auto">${found.answer}</p></section>`
        : html`<p>${t(lang, 'noAnswerYet')}</p>`}
      <button class="secondary" @click=${() => void this.loadStatus(view.code)}>${t(lang, 'refresh')}</button>
      <p><a href="/feedback">${t(lang, 'newFeedback')}</a></p>`;
  }

  private renderRating(code: string) {
    const lang = this.language;
    return html`<fieldset class="rating">
      <legend>${t(lang, 'rateQuestion')}</legend>
      <p class="label">${t(lang, 'rateScale')}</p>
      <div class="scores">
        ${[1, 2, 3, 4, 5].map(
          (score) => html`<button class="secondary" data-score=${score} aria-label=${t(lang, 'rateScore', { score: localDigits(String(score), lang) })} ?disabled=${this.sending} @click=${() => void this.rate(code, score)}>
            ${localDigits(String(score), lang)}
          </button>`,
        )}
      </div>
    </fieldset>`;
  }

  private async rate(code: string, score: number) {
    this.sending = true;
    this.error = null;
    try {
      await rateMeeting(code, score);
      await this.loadStatus(code);
    } catch (error) {
      this.error = this.message(error);
    } finally {
      this.sending = false;
    }
  }

  private async loadForm() {
    try {
      const [options, services, ticket] = await Promise.all([fetchOptions(), fetchServices(), this.ticketId ? fetchTicket(this.ticketId).catch(() => null) : null]);
      this.options = options;
      this.services = services;
      this.ticket = ticket;
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async loadStatus(code: string) {
    this.error = null;
    try {
      this.view = { name: 'status', code, found: await followUp(code) };
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private readonly submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.sending) return;
    const form = new FormData(event.target as HTMLFormElement);
    const field = (key: string) => String(form.get(key) ?? '');
    this.sending = true;
    this.error = null;
    try {
      const filed = await fileFeedback({ kind: field('kind') as FeedbackKind, topic: field('topic'), text: field('text'), serviceId: field('service') || null, ticketId: this.ticket?.id ?? null, mobile: field('mobile') });
      this.view = { name: 'filed', code: filed.code };
      history.pushState(null, '', `/feedback/${filed.code}`);
    } catch (error) {
      this.error = `${t(this.language, 'failed')}: ${this.message(error)}`;
    } finally {
      this.sending = false;
    }
  };

  private readonly follow = (event: SubmitEvent) => {
    event.preventDefault();
    const typed = String(new FormData(event.target as HTMLFormElement).get('code') ?? '');
    const code = toLatinDigits(typed).replace(/[\s-]/g, '');
    location.assign(`/feedback/${encodeURIComponent(code)}`);
  };

  private message(error: unknown): string {
    return error instanceof Refused ? error.message : t(this.language, 'unreachable');
  }

  private setLang(lang: Lang) {
    this.language = lang;
    localStorage.setItem(LANG_KEY, lang);
    applyDocumentLanguage(lang, t(lang, 'title'));
  }
}

function viewOfAddress(): View {
  const code = /^\/feedback\/([^/]+)$/.exec(location.pathname)?.[1];
  return code ? { name: 'status', code: decodeURIComponent(code), found: undefined } : { name: 'form' };
}

function grouped(code: string): string {
  return /^\d{10}$/.test(code) ? `${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}` : code;
}

function name(service: ServiceChoice, lang: Lang): string {
  return lang === 'en' && service.nameEn ? service.nameEn : service.name;
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-feedback-app': NbFeedbackApp;
  }
}
