// The playground's work, off the page's main thread: parse the subject, decide, write explain()'s
// text, compute the timeline action by action. Runs in a Web Worker (worker.ts); where the page
// cannot start one (opened from disk, file://), on the page itself, yielding between steps.
import {
  ACTIONS,
  ACTIONS_BY_SUBJECT,
  ANNUAL_REVIEW_ACTIONS,
  CalendarCoverageError,
  GovCreditError,
  createCalendar,
  createEvaluator,
  explain,
  loadPack,
  timeline,
  untyped,
  type Action,
  type Calendar,
  type Evaluator,
  type LocalizedText,
} from 'gov-credit-rules';
import type { CalendarChoice, DecideRequest, IssueData, MarkerData, Request, Response, RowData } from './protocol.js';

/** The range the picture shows when none is chosen: the year of the earliest record (or as-of day) to the end of the as-of year. */
export function autoRange(subject: Record<string, unknown>, asOf: string): { from: string; to: string } {
  let first = asOf;
  for (const r of (subject.records as Record<string, unknown>[] | undefined) ?? []) {
    if (typeof r?.decidedOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.decidedOn) && r.decidedOn < first) first = r.decidedOn;
  }
  const fromYear = Number(first.slice(0, 4));
  const toYear = Math.max(Number(asOf.slice(0, 4)), fromYear);
  return { from: `${fromYear}-01-01`, to: `${toYear}-12-31` };
}

function markersOf(subject: Record<string, unknown>): MarkerData[] {
  const out: MarkerData[] = [];
  for (const r of (subject.records as Record<string, unknown>[] | undefined) ?? []) {
    const record = String(r.id ?? '');
    const recordKind = typeof r.kind === 'string' ? r.kind : null;
    const sanction = typeof r.sanction === 'string' ? r.sanction : null;
    if (typeof r.decidedOn === 'string') out.push({ date: r.decidedOn, record, kind: 'decided', recordKind, sanction, detail: [] });
    if (typeof r.effectiveOn === 'string') out.push({ date: r.effectiveOn, record, kind: 'effective', recordKind, sanction, detail: [] });
    for (const e of (r.events as Record<string, unknown>[] | undefined) ?? []) {
      if (typeof e.date !== 'string') continue;
      const detail = (['outcome', 'channel'] as const).filter((k) => typeof e[k] === 'string').map((field) => ({ field, value: e[field] as string }));
      out.push({ date: e.date, record, kind: String(e.type), recordKind, sanction, detail });
    }
  }
  return out;
}

const both = (e: unknown): LocalizedText => {
  if (e instanceof GovCreditError) return { 'zh-CN': e.format('zh-CN'), en: e.format('en') };
  const m = e instanceof Error ? e.message : String(e);
  return { 'zh-CN': m, en: m };
};

function issuesOf(e: unknown): IssueData[] {
  if (e instanceof CalendarCoverageError) return e.issues.map((i) => ({ path: i.path, code: i.code, message: i.message, coverage: { year: e.year, coveredFrom: e.coveredFrom, coveredTo: e.coveredTo } }));
  if (e instanceof GovCreditError) return e.issues.map((i) => ({ path: i.path, code: i.code, message: i.message }));
  return [{ path: [], code: 'error', message: both(e) }];
}

/** A parser's message and the offset it names, where it names one. */
function syntaxOf(e: unknown): { message: string; offset: number | null } {
  const message = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(message);
  return { message, offset: m ? Number(m[1]) : null };
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/**
 * The worker's message handler. `post` sends an answer; `current(id)` says whether a request is still
 * the latest (an older one stops at its next step — a worker busy with one is replaced by the page).
 */
export function createHandler(post: (r: Response) => void): (req: Request, current: (id: number) => boolean) => Promise<void> {
  const evaluators = new Map<string, Evaluator>();
  let calendarKey = '';
  let counting: { calendar?: Calendar; policy?: { unknownCalendarYears: CalendarChoice['unknownYears'] } } = {};
  /** The evaluator and timeline options for the page's calendar choice (made again when it changes). */
  const countOn = (choice: CalendarChoice): void => {
    const key = JSON.stringify(choice);
    if (key === calendarKey) return;
    calendarKey = key;
    evaluators.clear();
    counting = {
      ...(choice.schedules.length ? { calendar: createCalendar({ schedules: choice.schedules }) } : {}),
      // Noted in each decision that counts on it, as the library notes every policy option.
      ...(choice.unknownYears !== 'error' ? { policy: { unknownCalendarYears: choice.unknownYears } } : {}),
    };
  };
  const evaluatorFor = (packId: string): Evaluator => {
    let e = evaluators.get(packId);
    if (!e) evaluators.set(packId, (e = createEvaluator(packId, counting)));
    return e;
  };

  async function decide(req: DecideRequest, current: (id: number) => boolean): Promise<void> {
    let subject: Record<string, unknown>;
    if ('text' in req.subject) {
      try {
        subject = JSON.parse(req.subject.text) as Record<string, unknown>;
      } catch (e) {
        post({ type: 'syntax', id: req.id, ...syntaxOf(e) });
        return;
      }
    } else subject = req.subject.value as Record<string, unknown>;
    countOn(req.calendar);
    const annual = ANNUAL_REVIEW_ACTIONS.includes(req.action);
    let decision;
    try {
      // The subject is whatever the officer typed: validated at run time, hence untyped.
      decision = evaluatorFor(req.packId).evaluate(untyped({ subject, action: req.action, asOf: req.asOf, ...(annual ? { assessmentYear: req.assessmentYear } : {}) }));
    } catch (e) {
      post({ type: 'invalid', id: req.id, issues: issuesOf(e) });
      return;
    }
    const kind = String(subject?.kind ?? '');
    const actions = [...((ACTIONS_BY_SUBJECT as Record<string, readonly Action[]>)[kind] ?? ACTIONS)];
    // The row asked about first: its answer is the one a person waits for.
    actions.sort((a, b) => Number(b === req.action) - Number(a === req.action));
    const range = req.range ?? autoRange(subject, req.asOf);
    post({
      type: 'decision',
      id: req.id,
      decision,
      range,
      markers: markersOf(subject).filter((m) => m.date >= range.from && m.date <= range.to),
      actions,
    });
    await tick();
    if (!current(req.id)) return;
    post({ type: 'explain', id: req.id, text: { 'zh-CN': explain(decision, { locale: 'zh-CN' }), en: explain(decision, { locale: 'en' }) } });
    const evaluator = evaluatorFor(req.packId);
    for (const action of actions) {
      await tick();
      if (!current(req.id)) return;
      const annualRow = ANNUAL_REVIEW_ACTIONS.includes(action);
      const year = annualRow ? req.assessmentYear : null;
      // An annual review is answered for its year: its row starts on 1 January of that year at the earliest.
      const rowFrom = annualRow && range.from < `${year}-01-01` ? `${year}-01-01` : range.from;
      const row: RowData = { action, year, rowFrom, changes: null, clearFrom: null, verdictNow: null, error: null };
      try {
        if (rowFrom > range.to) row.error = { 'zh-CN': '考核年度不在所选范围内', en: 'the assessment year is outside the range' };
        else {
          row.changes = await timeline(untyped(subject), { from: rowFrom, to: range.to, action, pack: req.packId, ...counting, ...(year !== null ? { assessmentYear: year } : {}) });
          const now = evaluator.evaluate(untyped({ subject, action, asOf: req.asOf, ...(year !== null && year <= Number(req.asOf.slice(0, 4)) ? { assessmentYear: year } : {}) }));
          row.clearFrom = now.clearFrom;
          row.verdictNow = now.verdict;
        }
      } catch (e) {
        row.error = both(e);
      }
      if (!current(req.id)) return;
      post({ type: 'row', id: req.id, row });
    }
    post({ type: 'done', id: req.id });
  }

  return async (req, current) => {
    if (req.type === 'load-pack') {
      try {
        const pack = loadPack(req.pack);
        evaluators.delete(pack.id);
        post({ type: 'pack-loaded', id: pack.id });
      } catch (e) {
        post({ type: 'pack-refused', issues: issuesOf(e) });
      }
      return;
    }
    await decide(req, current);
  };
}
