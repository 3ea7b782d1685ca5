// How fast visitors give up while they wait, from the waits and outcomes of the day's recent calls:
// the longer someone has waited when called, the likelier they have gone.

/**
 * Visitors give up at a steady rate while they wait (per ms): the rate at which the share of no-shows
 * among recent calls is what their waits would give, 1 − e^(−rate × wait) each. Null before any
 * no-show, or when every one was.
 */
export function abandonmentRate(outcomes: readonly { waitedSeconds: number; noShow: boolean }[]): number | null {
  const noShows = outcomes.filter((o) => o.noShow).length;
  if (noShows === 0 || noShows === outcomes.length) return null;
  const expected = (rate: number) => outcomes.reduce((sum, o) => sum + 1 - Math.exp(-rate * o.waitedSeconds * 1000), 0);
  let low = 0;
  let high = 1e-3;
  while (expected(high) < noShows && high < 1) high *= 4;
  for (let i = 0; i < 30; i++) {
    const mid = (low + high) / 2;
    if (expected(mid) < noShows) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
