// A form's save cycle, shared by the administration forms: busy while sending, the server's
// sentence and per-field messages on a refusal, «saved» and a reload for the shell on success.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang } from '../i18n.js';
import { emitSaved } from './events.js';
import { refusal, type FieldErrors } from './form.js';
import { at } from './i18n.js';

export class FormState implements ReactiveController {
  busy = false;
  errors: FieldErrors = {};
  message: { text: string; ok: boolean; conflict: boolean } | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { language: Lang }) {
    host.addController(this);
  }

  hostConnected(): void {}

  reset(): void {
    this.errors = {};
    this.message = null;
  }

  async run(action: () => Promise<unknown>, done: string = at(this.host.language, 'saved')): Promise<boolean> {
    this.busy = true;
    this.host.requestUpdate();
    try {
      await action();
      this.errors = {};
      this.message = { text: done, ok: true, conflict: false };
      emitSaved(this.host);
      return true;
    } catch (error) {
      ({ message: this.message, errors: this.errors } = refusal(error));
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }
}
