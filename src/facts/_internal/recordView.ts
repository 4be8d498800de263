import type { RecordState } from '../../lifecycle/internal.js';
import type { RecordFacts } from '../../model/facts.js';
import type { RecordStatus } from '../../model/vocabulary.js';

// A record as the day's facts see it: whether it counts, and the facts rules read. A module of its own
// because the fact context (context.ts) memoises these views and the day's facts (dayFacts.ts) compute
// them from that context: both import it, neither the other.

/** Why a record counts or not (model/vocabulary.ts RECORD_STATUSES). */
export type CountStatus = RecordStatus;

/** Whether a record counts on a day, under one reading of the time policies. */
export interface RecordView {
  /** Counts under the time policy (the general rule). */
  counted: boolean;
  /** Known and not voided or suspended (what `records: 'known'` rules look at). */
  considered: boolean;
  status: CountStatus;
}

export interface RecordOnDay extends RecordView {
  state: RecordState;
  /** The facts local rules read (every policy applied). */
  facts: RecordFacts;
  /**
   * The view and facts of statutory rules: a record lifetime set by policy does not end what the
   * law attaches to it, and a pending objection does not suspend it (复核、申诉期间不停止执行).
   */
  statutory: RecordView & { facts: RecordFacts };
  /** A sanction known and not revoked: what `restsOn: 'sanction'` rules look at. */
  sanctionLive: boolean;
  /** 在履职过程中, as the record says or policy `unknownDutyContext` reads it. */
  inDuty: boolean;
  /** occurredOn (or decidedOn), for `trigger: 'failure'`. */
  occurredOn: string;
  /** The reading in which the deciding body fixes the longest period the law allows (政务处分法 15), where it is open. */
  latest: RecordOnDay | null;
}
