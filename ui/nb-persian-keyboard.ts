import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DIGIT_ROWS, EXTRA_ROW, LETTER_ROWS, PHONE_ROWS, ZWNJ, applyKey, type KeyAction } from './persian-keyboard-layout.js';

type Field = HTMLInputElement | HTMLTextAreaElement;

const LABELS = {
  fa: { keyboard: 'صفحه‌کلید فارسی', phonePad: 'صفحهٔ شماره‌گیر', backspace: 'پاک کردن', space: 'فاصله', zwnj: 'نیم‌فاصله', toDigits: 'اعداد', toLetters: 'حروف' },
  en: { keyboard: 'Persian keyboard', phonePad: 'Number pad', backspace: 'Delete', space: 'Space', zwnj: 'Half-space', toDigits: 'Digits', toLetters: 'Letters' },
} as const;

/**
 * An on-screen Persian keyboard for a touch screen with no physical keyboard: it types into the field
 * it is given (`target`), at the caret, and fires that field's `input` event as typing would. The keys
 * never take the focus from the field on a touch, so the caret stays where the visitor put it; give
 * the field `inputmode="none"` so a tablet does not open its own keyboard over this one.
 *
 * `variant="text"`: the letters (ISIRI 9147 rows), a digit layer, space, half-space and backspace.
 * `variant="phone"`: a number pad of Persian digits and backspace.
 */
@customElement('nb-persian-keyboard')
export class NbPersianKeyboard extends LitElement {
  /** The input or textarea the keys type into. */
  @property({ attribute: false }) target: Field | null = null;
  /** The full keyboard, or the number pad. */
  @property() variant: 'text' | 'phone' = 'text';
  /** The language of the keys' names for screen readers and of the layer switch. */
  @property() language: 'fa' | 'en' = 'fa';

  @state() private layer: 'letters' | 'digits' = 'letters';

  static override styles = css`
    :host {
      display: block;
      /* Keys sit where they are on a Persian keyboard (ض top left) whatever the page's direction. */
      direction: ltr;
      font-family: 'Vazirmatn', system-ui, sans-serif;
      user-select: none;
      -webkit-user-select: none;
      touch-action: manipulation;
    }
    .rows {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      padding: 0.75rem;
      background: #e6ebf0;
      border-radius: 16px;
    }
    .row {
      display: flex;
      justify-content: center;
      gap: 0.4rem;
    }
    button {
      flex: 1 1 0;
      max-inline-size: 6rem;
      min-block-size: 72px;
      min-inline-size: 56px;
      font: inherit;
      font-size: 1.9rem;
      font-weight: 600;
      color: #1b2430;
      background: #ffffff;
      border: 1px solid #9aa6b2;
      border-radius: 12px;
      box-shadow: 0 2px 0 #9aa6b2;
      cursor: pointer;
    }
    button:active {
      background: #cfe3e7;
      transform: translateY(2px);
      box-shadow: none;
    }
    button:focus-visible {
      outline: 4px solid #f0a500;
      outline-offset: 2px;
    }
    .word {
      font-size: 1.3rem;
    }
    .wide {
      max-inline-size: 14rem;
      flex-grow: 2;
    }
    .space {
      max-inline-size: none;
      flex-grow: 5;
    }
    .phone button {
      max-inline-size: 9rem;
      min-block-size: 84px;
      font-size: 2.2rem;
    }
  `;

  override render() {
    const label = LABELS[this.language];
    if (this.variant === 'phone') {
      return html`<div class="rows phone" role="group" aria-label=${label.phonePad}>
        ${PHONE_ROWS.map((row, i) => html`<div class="row">${row.map((key) => this.key(key))}${i === PHONE_ROWS.length - 1 ? this.backspace('wide') : nothing}</div>`)}
      </div>`;
    }
    const rows = this.layer === 'letters' ? [...LETTER_ROWS, EXTRA_ROW] : DIGIT_ROWS;
    return html`<div class="rows" role="group" aria-label=${label.keyboard}>
      ${rows.map((row, i) => html`<div class="row">${row.map((key) => this.key(key))}${i === rows.length - 2 ? this.backspace('wide') : nothing}</div>`)}
      <div class="row">
        <button class="word wide" data-key="layer" aria-pressed=${this.layer === 'digits' ? 'true' : 'false'} @pointerdown=${keepFocus} @click=${this.switchLayer}>
          ${this.layer === 'letters' ? `۱۲۳ ${label.toDigits}` : `آ ب پ ${label.toLetters}`}
        </button>
        <button class="word wide" data-key="zwnj" @pointerdown=${keepFocus} @click=${() => this.press({ kind: 'insert', text: ZWNJ })}>${label.zwnj}</button>
        <button class="word space" data-key="space" @pointerdown=${keepFocus} @click=${() => this.press({ kind: 'insert', text: ' ' })}>${label.space}</button>
      </div>
    </div>`;
  }

  private key(text: string) {
    return html`<button data-key=${text} @pointerdown=${keepFocus} @click=${() => this.press({ kind: 'insert', text })}>${text}</button>`;
  }

  private backspace(extra: string) {
    return html`<button class="word ${extra}" data-key="backspace" aria-label=${LABELS[this.language].backspace} @pointerdown=${keepFocus} @click=${() => this.press({ kind: 'backspace' })}>⌫</button>`;
  }

  private readonly switchLayer = () => {
    this.layer = this.layer === 'letters' ? 'digits' : 'letters';
  };

  private press(action: KeyAction) {
    const field = this.target;
    if (!field || field.disabled || field.readOnly) return;
    const length = field.value.length;
    const before = { value: field.value, start: field.selectionStart ?? length, end: field.selectionEnd ?? length };
    const after = applyKey(before, action, field.maxLength > 0 ? field.maxLength : Infinity);
    if (after.value === before.value && after.start === before.start) return;
    field.value = after.value;
    field.setSelectionRange(after.start, after.end);
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: action.kind === 'insert' ? 'insertText' : 'deleteContentBackward', ...(action.kind === 'insert' ? { data: action.text } : {}) }));
  }
}

/** A touch on a key leaves the focus (and the caret) in the field; a keyboard user's Tab still reaches every key. */
function keepFocus(event: PointerEvent) {
  event.preventDefault();
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-persian-keyboard': NbPersianKeyboard;
  }
}
