// What the server and the statistics worker say to each other.
import type { OfficeConfig } from '../../config/schema.js';
import type { Aggregate } from '../aggregate.js';
import type { Range } from '../queries.js';

export interface AggregateRequest {
  id: number;
  config: OfficeConfig;
  range: Range;
}

export type AggregateReply = { id: number; aggregate: Aggregate } | { id: number; error: string };
