/**
 * One subject asked many questions (packs × actions) at once: the subject validated once, its
 * records' event logs read once, its records reduced once per pack (once for all packs whose
 * lifecycle settings are the same), and each question decided from those. The answers are those of
 * asking each question in turn — the same decisions, and the same error where one would fail.
 */
import { parseQuery } from '../../model/parse.js';
import { queryFieldIssues } from '../../model/internal.js';
import type { Pack } from '../../model/pack.js';
import type { PolicyOverrides } from '../../model/policy.js';
import type { Query } from '../../model/query.js';
import { ASSESSMENT_YEARS, QUERY_PACK_ID_MAX } from '../../model/internal.js';
import type { Subject } from '../../model/subject.js';
import { ACTIONS, type Action } from '../../model/vocabulary.js';
import type { SubjectLifecycle } from '../../lifecycle/internal.js';
import type { PackContext, PreparedSubject } from '../../facts/internal.js';
import { resolvePack, type ResolvedPack } from '../../packs/internal.js';
import { compiledRunner } from './compiledPack.js';
import { packContext, packOfQuery, prepareSubject, queryContext, type ContextOptions, type QueryContext } from './context.js';
import type { DayEvaluation } from '../../facts/internal.js';

/** One question about the subject: a pack (id or pack object), an action, and the assessment year if it carries one. */
export interface Job {
  pack: unknown;
  action: unknown;
  /** Given to this question only where defined (decideSubject: the annual-review actions). */
  assessmentYear?: unknown;
}

/** What every question shares besides the subject. */
export interface Shared {
  asOf: unknown;
  policy?: unknown;
}

/** A question ready to decide: its context and the runner of its pack's rules. */
export interface PreparedJob {
  ctx: QueryContext;
  run: (day: DayEvaluation) => boolean[];
}

function queryOf(subject: unknown, job: Job, shared: Shared): Record<string, unknown> {
  const q: Record<string, unknown> = { pack: job.pack, subject, action: job.action, asOf: shared.asOf };
  if (job.assessmentYear !== undefined) q.assessmentYear = job.assessmentYear;
  if (shared.policy !== undefined) q.policy = shared.policy;
  return q;
}

const ACTION_SET = new Set<unknown>(ACTIONS);

/** A pack id as the query schema accepts it: 1 to QUERY_PACK_ID_MAX characters (counted as zod counts: code points). */
function plainPackId(v: unknown): v is string {
  if (typeof v !== 'string' || v.length === 0) return false;
  return v.length <= QUERY_PACK_ID_MAX || [...v].length <= QUERY_PACK_ID_MAX;
}

/** An assessment year as the query schema accepts it (its shape; the checks across fields are parseQuery's). */
const yearShapeOk = (y: unknown): boolean => y === undefined || (Number.isSafeInteger(y) && (y as number) >= ASSESSMENT_YEARS.min && (y as number) <= ASSESSMENT_YEARS.max);

/**
 * The validated query of a later question, from the first one's validated parts: only what differs
 * (pack, action, assessment year) is checked, with parseQuery's own checks across fields; where a
 * check fails, or the pack is an object, the whole query is validated as `evaluate` would (so its
 * error is exactly that query's).
 */
function laterQuery(first: Query, subjectInput: unknown, job: Job, shared: Shared): Query {
  const year = job.assessmentYear;
  if (plainPackId(job.pack) && ACTION_SET.has(job.action) && yearShapeOk(year)) {
    const q: Query = { pack: job.pack, subject: first.subject, action: job.action as Action, asOf: first.asOf };
    if (year !== undefined) q.assessmentYear = year as number;
    if (first.policy !== undefined) q.policy = first.policy;
    if (queryFieldIssues(q).length === 0) return q;
  }
  return parseQuery(queryOf(subjectInput, job, shared));
}

/**
 * The contexts of the questions, one at a time: validation, pack lookup and resolution, the
 * subject's event logs and the lifecycle reduction happen once each, in the order asking one by one
 * would meet them. The caller decides each question before taking the next, so the first error is
 * the one the first failing question would throw.
 *
 * @throws what `evaluate` (compiled: what `createEvaluator`) throws for the first question that fails.
 */
export function* jobContexts(subjectInput: unknown, jobs: readonly Job[], shared: Shared, options: ContextOptions = {}): Generator<PreparedJob, void, void> {
  if (jobs.length === 0) return;
  const first = parseQuery(queryOf(subjectInput, jobs[0]!, shared));
  let prepared: PreparedSubject | null = null;
  const byPack = new Map<unknown, { pc: PackContext; run: PreparedJob['run'] }>();
  const lifecycles = new Map<string, SubjectLifecycle>();
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i]!;
    const query = i === 0 ? first : laterQuery(first, subjectInput, job, shared);
    // A pack id is looked up once; a pack object is validated into a copy per query (as evaluate does).
    const key = typeof job.pack === 'string' ? job.pack : query.pack;
    let p = byPack.get(key);
    if (!p) {
      const pin = typeof job.pack === 'string' ? options.pinned?.get(job.pack) : undefined;
      const pack: Pack = pin ? pin.pack : packOfQuery(query);
      const resolved: ResolvedPack = pin ? pin.resolved : (options.resolved ?? resolvePack(pack));
      const run = compiledRunner(resolved);
      prepared ??= prepareSubject(first.subject as Subject);
      const pc = packContext(prepared, pack, resolved, first.policy as PolicyOverrides | undefined, options, lifecycles);
      p = { pc, run };
      byPack.set(key, p);
    }
    yield { ctx: queryContext(p.pc, query), run: p.run };
  }
}
