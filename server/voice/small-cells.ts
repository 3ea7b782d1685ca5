// Statistical disclosure control for what the office publishes: a figure about fewer than five
// people (but not none) is withheld, since a mean over two visitors, or the one complaint of a month,
// can point at a person. Zero is shown: it says nothing about anyone. Pure.
export const SMALL_CELL_LIMIT = 5;

export interface Cell {
  value: number | null;
  suppressed: boolean;
}

/** `value` computed over `people`; withheld when 1 ≤ people < 5, absent (null) when there is nobody. */
export function cellOf(value: number | null, people: number): Cell {
  if (people > 0 && people < SMALL_CELL_LIMIT) return { value: null, suppressed: true };
  return { value: people === 0 ? (value === 0 ? 0 : null) : value, suppressed: false };
}
