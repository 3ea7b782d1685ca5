// Statistics for the history tab, from one GET /api/v1/stats/reports (server/stats/types.ts): the
// period cut by service, hour, day and desk, read into the one shape the charts and tables use.
import { send } from '../../../ui/http/api.js';
import type { ReportRow, StatsReportSet } from '../../../server/stats/types.js';
import type { DayRange } from '../state.js';

export interface ServiceFigures {
  id: string;
  name: string;
  nameEn: string;
  issued: number;
  served: number;
  noShows: number;
  meanWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  meanServiceSeconds: number | null;
  ratings: number;
  ratingMean: number | null;
}

export interface DeskFigures {
  id: string;
  name: string;
  nameEn: string;
  served: number;
  meanServiceSeconds: number | null;
  ratings: number;
  ratingMean: number | null;
}

export interface HistoryData {
  services: ServiceFigures[];
  arrivalsByHour: Array<{ hour: number; arrivals: number }>;
  ratingsByDay: Array<{ day: string; ratings: number; ratingMean: number | null }>;
  desks: DeskFigures[];
}

export async function fetchHistory(token: string, range: DayRange): Promise<HistoryData> {
  const { rows } = await send<StatsReportSet>('GET', `/stats/reports?from=${range.from}&to=${range.to}`, { token });
  return {
    services: rows.service.map((row) => ({
      id: row.key,
      name: row.name ?? row.key,
      nameEn: row.nameEn ?? row.name ?? row.key,
      issued: row.issued,
      served: row.served,
      noShows: row.noShows,
      meanWaitSeconds: row.waitSeconds.mean,
      p90WaitSeconds: row.waitSeconds.p90,
      meanServiceSeconds: row.serviceSeconds.mean,
      ...ratingsOf(row),
    })),
    arrivalsByHour: rows.hour.map((row) => ({ hour: Number(row.key), arrivals: row.issued })).sort((a, b) => a.hour - b.hour),
    ratingsByDay: rows.day.map((row) => ({ day: row.iso ?? row.key, ratings: row.ratings.count, ratingMean: row.ratings.meanOutOf5 })),
    desks: rows.desk.map((row) => ({ id: row.key, name: row.name ?? row.key, nameEn: row.nameEn ?? row.key, served: row.served, meanServiceSeconds: row.serviceSeconds.mean, ...ratingsOf(row) })),
  };
}

function ratingsOf(row: ReportRow): { ratings: number; ratingMean: number | null } {
  return { ratings: row.ratings.count, ratingMean: row.ratings.meanOutOf5 };
}

/** Where the exports of a range are downloaded (the session cookie authenticates the download). */
export function exportUrls(range: DayRange): { xlsx: string; indicatorsXlsx: string; csv: string; printable: string } {
  const query = `from=${range.from}&to=${range.to}`;
  return {
    xlsx: `/api/v1/stats/report.xlsx?${query}`,
    indicatorsXlsx: `/api/v1/stats/indicators.xlsx?${query}`,
    csv: `/api/v1/stats/tickets.csv?${query}`,
    printable: `/manager/report?${query}`,
  };
}
