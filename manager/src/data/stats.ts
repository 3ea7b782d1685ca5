// Statistics for the history tab, from /api/v1/stats. Read into one shape the charts and tables use,
// so that the screen does not depend on which of the server's statistics answers it came from.
import { send } from '../../../desk/src/data/api.js';
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
  served: number;
  meanServiceSeconds: number | null;
  ratingMean: number | null;
}

/** Per-service figures always; the other breakdowns when the server offers them (null otherwise). */
export interface HistoryData {
  services: ServiceFigures[];
  arrivalsByHour: Array<{ hour: number; arrivals: number }> | null;
  ratingsByDay: Array<{ day: string; ratings: number; ratingMean: number | null }> | null;
  desks: DeskFigures[] | null;
}

interface SummaryAnswer {
  services: Array<{
    serviceId: string;
    name: string;
    issued: number;
    served: number;
    noShows: number;
    waitSeconds: { mean: number | null; p90: number | null };
    serviceSeconds: { mean: number | null };
    ratings: { count: number; mean: number | null };
  }>;
}

export async function fetchHistory(token: string, range: DayRange): Promise<HistoryData> {
  const query = `from=${range.from}&to=${range.to}`;
  const [summary, names] = await Promise.all([send<SummaryAnswer>('GET', `/stats/summary?${query}`, { token }), send<Array<{ id: string; nameEn: string }>>('GET', '/services')]);
  const nameEn = new Map(names.map((s) => [s.id, s.nameEn]));
  return {
    services: summary.services.map((s) => ({
      id: s.serviceId,
      name: s.name,
      nameEn: nameEn.get(s.serviceId) ?? s.name,
      issued: s.issued,
      served: s.served,
      noShows: s.noShows,
      meanWaitSeconds: s.waitSeconds.mean,
      p90WaitSeconds: s.waitSeconds.p90,
      meanServiceSeconds: s.serviceSeconds.mean,
      ratings: s.ratings.count,
      ratingMean: s.ratings.mean,
    })),
    arrivalsByHour: null,
    ratingsByDay: null,
    desks: null,
  };
}

/** Where the exports of a range are downloaded (the session cookie authenticates the download). */
export function exportUrls(range: DayRange): { xlsx: string; csv: string; printable: string } {
  const query = `from=${range.from}&to=${range.to}`;
  return { xlsx: `/api/v1/stats/report.xlsx?${query}`, csv: `/api/v1/stats/tickets.csv?${query}`, printable: `/manager/report?${query}` };
}
