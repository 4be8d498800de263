// What the page and the decide worker say to each other. The worker parses the subject, decides,
// writes explain()'s text and computes the timeline, row by row; the page only draws.
import type { Action, Decision, HostSchedule, LocalizedText, TimelineChange } from 'gov-credit-rules';

/** What the page counts deadlines on: the schedules loaded on it, and how a year without one is counted. */
export interface CalendarChoice {
  unknownYears: 'error' | 'statutory' | 'weekends-only';
  schedules: HostSchedule[];
}

export interface DecideRequest {
  type: 'decide';
  /** Increases with every request; answers to an older one are dropped. */
  id: number;
  packId: string;
  /** The JSON editor's text (parsed in the worker), or the object the form edits. */
  subject: { text: string } | { value: unknown };
  action: Action;
  asOf: string;
  assessmentYear: number;
  /** The timeline's range; null: from the records and the as-of day. */
  range: { from: string; to: string } | null;
  /** The page's calendar (the deadline calendar's choice), so both tabs count alike. */
  calendar: CalendarChoice;
}

/** A pack loaded on the page: the worker registers it too (before any question that names it). */
export interface LoadPackRequest {
  type: 'load-pack';
  pack: unknown;
}

export type Request = DecideRequest | LoadPackRequest;

export interface IssueData {
  path: (string | number)[];
  code: string;
  message: LocalizedText;
  /** A year without a holiday schedule (calendar_coverage): the page offers its choice instead of the message. */
  coverage?: { year: number; coveredFrom: number; coveredTo: number };
}

/** A record's day or event, marked on the timeline. */
export interface MarkerData {
  date: string;
  record: string;
  /** `decided`, `effective`, or the event's type. */
  kind: string;
  recordKind: string | null;
  sanction: string | null;
  /** The event's outcome and channel, where it has them. */
  detail: { field: 'outcome' | 'channel'; value: string }[];
}

/** One action's row of the timeline. */
export interface RowData {
  action: Action;
  /** Assessment year for annual reviews. */
  year: number | null;
  rowFrom: string;
  changes: TimelineChange[] | null;
  clearFrom: string | null;
  verdictNow: string | null;
  error: LocalizedText | null;
}

export type Response =
  | { type: 'syntax'; id: number; message: string; offset: number | null }
  | { type: 'invalid'; id: number; issues: IssueData[] }
  | {
      type: 'decision';
      id: number;
      decision: Decision;
      range: { from: string; to: string };
      markers: MarkerData[];
      /** Actions the subject can be asked about, in the order their rows will come. */
      actions: Action[];
    }
  /** explain()'s text of the decision, for the developer view: sent after the decision, which does not wait for it. */
  | { type: 'explain'; id: number; text: LocalizedText }
  | { type: 'row'; id: number; row: RowData }
  | { type: 'done'; id: number }
  | { type: 'pack-loaded'; id: string }
  | { type: 'pack-refused'; issues: IssueData[] };
