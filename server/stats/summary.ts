// GET /api/v1/stats/summary (../shared/api.md): per service, issued, served, no-shows, wait and
// service time, and ratings, for a range of Gregorian days. A view of the service report.
import type { StatsDays } from './days.js';
import type { StatsRange } from './range.js';
import { statsReport } from './report.js';
import type { Distribution } from './types.js';

export interface ServiceSummary {
  serviceId: string;
  name: string;
  issued: number;
  served: number;
  noShows: number;
  cancelled: number;
  waitSeconds: Distribution;
  serviceSeconds: Distribution;
  /** `mean` on a 1–5 scale. */
  ratings: { count: number; mean: number | null; topTwoShare: number | null };
}

export async function serviceSummary(stats: StatsDays, range: StatsRange): Promise<ServiceSummary[]> {
  const report = await statsReport(stats, range, 'service');
  return report.rows.map((row) => ({
    serviceId: row.key,
    name: row.name ?? row.key,
    issued: row.issued,
    served: row.served,
    noShows: row.noShows,
    cancelled: row.cancelled,
    waitSeconds: row.waitSeconds,
    serviceSeconds: row.serviceSeconds,
    ratings: { count: row.ratings.count, mean: row.ratings.meanOutOf5, topTwoShare: row.ratings.topTwoShare },
  }));
}
