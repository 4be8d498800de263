import type { CreditRecord, LifecycleEvent, Locale, QueryInput, Subject } from '../../model/index.js';
import { LABELS } from './lib.js';

/** Thousands separators without Intl's locale data (so output is the same everywhere). */
export function num(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function eventText(e: LifecycleEvent): string {
  const extra =
    e.type === 'objection-replied' || e.type === 'mitigation-decided' || e.type === 'investigation-closed'
      ? `(${e.outcome})`
      : e.type === 'self-correction'
        ? `(${e.measures.join('+') || 'no measures'})`
        : e.type === 'rectification-ordered'
          ? `(due ${e.dueOn})`
          : e.type === 'objection-filed'
            ? `(${e.channel})`
            : '';
  return `${e.type}${extra} ${e.date}`;
}

function recordLine(r: CreditRecord, L: Locale): string {
  const zh = L === 'zh-CN';
  const kind = `${r.kind}${r.sanction ? ` (${r.sanction})` : ''}`;
  const parts = [zh ? `认定 ${r.decidedOn}` : `decided ${r.decidedOn}`];
  if (r.occurredOn) parts.push(zh ? `发生 ${r.occurredOn}` : `occurred ${r.occurredOn}`);
  if (r.effectiveOn) parts.push(zh ? `生效 ${r.effectiveOn}` : `effective ${r.effectiveOn}`);
  if (r.selfCorrection) parts.push(`selfCorrection ${r.selfCorrection.date} (${r.selfCorrection.measures.join('+') || 'no measures'})`);
  if (r.mitigation) parts.push(`mitigation ${r.mitigation.outcome} ${r.mitigation.date}`);
  const events = r.events?.length ? `; ${zh ? '事件' : 'events'}: ${r.events.map(eventText).join(', ')}` : '';
  return `${r.id} ${kind}, ${parts.join(', ')}${events}`;
}

/** A query as a few readable lines (subject, records with their events, options). */
export function queryLines(q: QueryInput, L: Locale): string[] {
  const zh = L === 'zh-CN';
  const s = q.subject as Subject;
  const kind = LABELS.subjectKind[s.kind][L];
  const opts: string[] = [];
  if (s.managedUnderCivilServantLaw !== undefined) opts.push(`managedUnderCivilServantLaw ${s.managedUnderCivilServantLaw}`);
  if (s.creditFile !== undefined) opts.push(s.creditFile === null ? 'creditFile null' : `creditFile ${s.creditFile.ref}`);
  for (const h of s.honours ?? []) opts.push(`honour ${h.level} ${h.date}`);
  const year = q.assessmentYear !== undefined ? (zh ? `，考核年度 ${q.assessmentYear}` : `, assessmentYear ${q.assessmentYear}`) : '';
  const lines = [
    zh
      ? `${kind} ${s.id}（${s.kind}）${opts.length ? `，${opts.join('，')}` : ''}；${q.action}，asOf ${String(q.asOf)}${year}`
      : `${kind} ${s.id}${opts.length ? ` (${opts.join(', ')})` : ''}; ${q.action}, asOf ${String(q.asOf)}${year}`,
  ];
  const records = (s.records ?? []) as CreditRecord[];
  if (records.length === 0) lines.push(zh ? '无记录' : 'no records');
  for (const r of records) lines.push(recordLine(r, L));
  if (q.policy && Object.keys(q.policy).length) lines.push(`policy ${JSON.stringify(q.policy)}`);
  return lines;
}

export function verdictLabel(v: string, L: Locale): string {
  const l = (LABELS.verdict as Record<string, { 'zh-CN': string; en: string }>)[v];
  if (!l) return v === 'error' ? (L === 'zh-CN' ? '出错' : 'error') : v;
  return L === 'zh-CN' ? `${l['zh-CN']}（${v}）` : v;
}

export function actionLabel(a: string, L: Locale): string {
  const l = (LABELS.action as Record<string, { 'zh-CN': string; en: string }>)[a];
  return l ? (L === 'zh-CN' ? `${l['zh-CN']}（${a}）` : a) : a;
}

/** A value shown on one line, cut to `max` characters. */
export function short(v: unknown, max = 160): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : v === undefined ? '(absent)' : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** A value from a decision for people: a note or message as its code and text, else short JSON. */
export function describe(v: unknown, L: Locale, max = 160): string {
  if (v === undefined) return L === 'zh-CN' ? '（无）' : '(none)';
  if (v && typeof v === 'object' && 'message' in v) {
    const m = (v as { message: unknown; code?: unknown }).message;
    if (m && typeof m === 'object' && 'en' in m) {
      const text = `${(v as { code?: string }).code ? `${(v as { code?: string }).code}: ` : ''}${(m as Record<string, string>)[L]}`;
      return text.length > max ? `${text.slice(0, max - 1)}…` : text;
    }
  }
  return short(v, max);
}
