// Small pieces the administration forms are built from (templates, not elements): a labelled field
// with its inline message, the form's message with a way to see the newer version after a conflict,
// and reading a form's values. Forms read their values with FormData on submit.
import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../i18n.js';
import { AdminRefused } from './data/admin-api.js';
import { at } from './i18n.js';

export type FieldErrors = Record<string, string>;

/** The message for `name`, or one for any of its parts (`documents.2` shows under `documents`). */
export function errorFor(errors: FieldErrors, name: string): string | undefined {
  return errors[name] ?? Object.entries(errors).find(([key]) => key.startsWith(`${name}.`))?.[1];
}

export function fieldError(errors: FieldErrors, name: string): TemplateResult | typeof nothing {
  const message = errorFor(errors, name);
  return message ? html`<span class="error" role="alert" data-error-for=${name}>${message}</span>` : nothing;
}

export function textField(label: string, name: string, value: string | number | undefined, errors: FieldErrors, options: { type?: string; wide?: boolean; dir?: string } = {}) {
  return html`<label class=${options.wide ? 'wide' : ''}>
    ${label}
    <input name=${name} type=${options.type ?? 'text'} .value=${value === undefined ? '' : String(value)} dir=${options.dir ?? 'auto'} aria-invalid=${errorFor(errors, name) ? 'true' : 'false'} />
    ${fieldError(errors, name)}
  </label>`;
}

export function areaField(label: string, name: string, value: string, errors: FieldErrors, dir = 'auto') {
  return html`<label class="wide">
    ${label}
    <textarea name=${name} dir=${dir} .value=${value} aria-invalid=${errorFor(errors, name) ? 'true' : 'false'}></textarea>
    ${fieldError(errors, name)}
  </label>`;
}

export function checkField(label: string, name: string, checked: boolean, value = 'on') {
  return html`<label class="check"><input type="checkbox" name=${name} value=${value} .checked=${checked} />${label}</label>`;
}

/** What a form shows above its buttons: the server's sentence, and after a conflict a way to reload. */
export function formMessage(lang: Lang, message: { text: string; ok: boolean; conflict: boolean } | null, reload: () => void) {
  if (!message) return nothing;
  return html`<p class="form-message ${message.ok ? 'ok' : ''}" role=${message.ok ? 'status' : 'alert'}>
    ${message.text}
    ${message.conflict ? html` <button type="button" class="secondary" @click=${reload}>${at(lang, 'reloadLatest')}</button>` : nothing}
  </p>`;
}

/** Turns a failed save into the form's message and its fields' messages. */
export function refusal(error: unknown): { message: { text: string; ok: false; conflict: boolean }; errors: FieldErrors } {
  if (error instanceof AdminRefused) return { message: { text: error.message, ok: false, conflict: error.code === 'version_conflict' }, errors: error.fields };
  return { message: { text: error instanceof Error ? error.message : String(error), ok: false, conflict: false }, errors: {} };
}

export function text(form: FormData, name: string): string {
  return String(form.get(name) ?? '').trim();
}

/** An optional text: absent from the office file when left empty. */
export function optional(form: FormData, name: string): string | undefined {
  return text(form, name) || undefined;
}

export function lines(form: FormData, name: string): string[] {
  return text(form, name)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

export function number(form: FormData, name: string): number {
  const value = text(form, name).replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)));
  return value === '' ? Number.NaN : Number(value);
}

export function dateTime(lang: Lang, at: number, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone }).format(at);
}
