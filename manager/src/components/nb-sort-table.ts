import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { managerStyles } from './manager.styles.js';

export interface Column<Row> {
  key: string;
  label: string;
  /** The value sorted on. */
  value: (row: Row) => number | string | null;
  /** The text shown; the value itself by default. */
  text?: (row: Row) => string;
}

/** A table whose columns sort by a click on their header (again for the other direction). */
@customElement('nb-sort-table')
export class NbSortTable<Row = unknown> extends LitElement {
  /** The columns, in order. */
  @property({ attribute: false }) columns: Array<Column<Row>> = [];
  /** The rows, in their own order until a column is chosen. */
  @property({ attribute: false }) rows: Row[] = [];
  /** The table's caption. */
  @property() caption = '';
  /** The locale that orders text. */
  @property() locale = 'fa';

  @state() private sort: { key: string; descending: boolean } | null = null;

  static override styles = [
    managerStyles,
    css`
      caption {
        text-align: start;
        font-weight: 700;
        color: var(--nb-brand-dark);
        padding-block-end: 0.5rem;
      }
      th button {
        all: unset;
        cursor: pointer;
        font-weight: 700;
      }
      th button:focus-visible {
        outline: 3px solid #f0a500;
      }
    `,
  ];

  override render() {
    return html`<div class="scroll">
      <table>
        ${this.caption ? html`<caption>${this.caption}</caption>` : ''}
        <thead>
          <tr>
            ${this.columns.map((column) => {
              const sorted = this.sort?.key === column.key ? (this.sort.descending ? 'descending' : 'ascending') : 'none';
              return html`<th aria-sort=${sorted} data-key=${column.key}>
                <button @click=${() => this.sortBy(column.key)}>${column.label}${sorted === 'none' ? '' : sorted === 'ascending' ? ' ▲' : ' ▼'}</button>
              </th>`;
            })}
          </tr>
        </thead>
        <tbody>
          ${this.sortedRows().map(
            (row) => html`<tr>
              ${this.columns.map((column) => html`<td data-key=${column.key}>${column.text ? column.text(row) : String(column.value(row) ?? '—')}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private sortBy(key: string) {
    this.sort = this.sort?.key === key ? { key, descending: !this.sort.descending } : { key, descending: false };
  }

  private sortedRows(): Row[] {
    const column = this.columns.find((c) => c.key === this.sort?.key);
    if (!column || !this.sort) return this.rows;
    const direction = this.sort.descending ? -1 : 1;
    const collator = new Intl.Collator(this.locale);
    // Rows without a value go last in either direction.
    return [...this.rows].sort((a, b) => {
      const [x, y] = [column.value(a), column.value(b)];
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return direction * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-sort-table': NbSortTable;
  }
}
