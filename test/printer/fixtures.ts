// Sample print jobs shared by the printer tests and the bench.
import type { TicketPrintJob } from '../../drivers/printer/types.js';

export const defaultJob: TicketPrintJob = {
  ticketId: 'T-20250325-1042',
  officeName: 'دفتر پیشخوان خدمات دولت ۱۲۳۴ تهران',
  serviceName: 'گواهی پرداخت مالیات',
  number: '1042',
  priorityLabel: 'سالمند',
  issuedAt: Date.UTC(2025, 2, 25, 9, 7),
  timeZone: 'Asia/Tehran',
  ahead: 7,
  waitLine: 'زمان تقریبی انتظار: ۱۰ تا ۱۵ دقیقه',
  trackUrl: 'http://192.168.1.10:8080/t/01J8ZK3Q7M5V2XG9',
  rightsLine: 'حق شماست که به ترتیب نوبت و با احترام خدمت بگیرید.',
};

export function jobNumbered(n: number): TicketPrintJob {
  return { ...defaultJob, ticketId: `T-${n}`, number: String(n), ahead: n % 13, issuedAt: defaultJob.issuedAt + n * 60_000 };
}
