// The desk's dialogs are native modal <dialog>s: the page behind is inert and Esc fires `cancel`,
// which closes the dialog through the shell like its close button. The browser would still let Tab
// leave the page from the last field, so Tab wraps around inside the dialog. The shell gives the
// focus back to whatever opened the dialog.
import type { LitElement } from 'lit';
import { emit } from '../events.js';

/** Opens the element's <dialog> as a modal, then focuses `focus` inside it (a selector). */
export function showModal(host: LitElement, focus: string): void {
  const dialog = host.renderRoot.querySelector('dialog');
  if (dialog && !dialog.open) dialog.showModal();
  host.renderRoot.querySelector<HTMLElement>(focus)?.focus();
}

/** The <dialog>'s `cancel` handler (Esc): the shell closes it, so the state says it is closed. */
export function closeOnCancel(host: HTMLElement): (event: Event) => void {
  return (event) => {
    event.preventDefault();
    emit(host, 'nb-close-dialog', {});
  };
}

/** The <dialog>'s `keydown` handler: Tab from the last control goes to the first, Shift+Tab back. */
export function keepTabInside(event: KeyboardEvent): void {
  if (event.key !== 'Tab') return;
  const dialog = event.currentTarget as HTMLDialogElement;
  const stops = tabStops(dialog);
  const first = stops[0];
  const last = stops.at(-1);
  const focused = (dialog.getRootNode() as Document | ShadowRoot).activeElement;
  if (!first || !last) return;
  if (event.shiftKey ? focused === first : focused === last) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}

/** The controls Tab stops at, in order: enabled ones, and of a radio group only its checked radio. */
function tabStops(dialog: HTMLDialogElement): HTMLElement[] {
  const controls = [...dialog.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href]')];
  return controls.filter((control) => {
    if (control.matches(':disabled')) return false;
    if (!(control instanceof HTMLInputElement) || control.type !== 'radio') return true;
    const group = controls.filter((c): c is HTMLInputElement => c instanceof HTMLInputElement && c.type === 'radio' && c.name === control.name && !c.disabled);
    return control === (group.find((radio) => radio.checked) ?? group[0]);
  });
}
