import { label } from '../../decision/_internal/labels.js';
import { effectPeriodText } from '../../decision/effectPeriodText.js';
import { getPack } from '../../packs/getPack.js';
import type { Decision } from '../../model/decision.js';
import { isClauseId } from '../../model/pack.js';
import { LABELS, type Verdict } from '../../model/vocabulary.js';
import type { Locale } from './i18n.js';
import { coverageNoteText } from '../../decision/_internal/coverageNote.js';
import type { Note } from '../../model/decision.js';
import { coverageHint } from './schedules.js';
import { table, wrap } from './text.js';

export function verdictLabel(v: Verdict, locale: Locale): string {
  return LABELS.verdict[v][locale];
}

/** An action as people say it: 晋升（职务、职级、级别）/提拔, or `promotion` in English. */
export function actionLabel(a: string, locale: Locale): string {
  return locale === 'en' ? a : label('action', a, locale);
}

/**
 * A pack's name as tables show it, the same everywhere: the smallest jurisdiction of its name
 * (吉林省通化市 → 通化市, 天津市滨海新区 → 滨海新区; Tonghua, Binhai New Area), or the id of a pack
 * that is not registered.
 */
export function packName(id: string, locale: Locale): string {
  let name: string;
  try {
    name = getPack(id).name[locale];
  } catch {
    return id;
  }
  if (locale === 'en') return name.split(',')[0]!.trim();
  const m = /^(.+?(?:省|自治区))(.+?(?:市|州|盟|地区))$/.exec(name) ?? /^(.+?市)(.+?(?:区|县|市))$/.exec(name);
  return m ? m[2]! : name;
}

/** `通化市（cn-jl-tonghua）`: a pack's name with the id a command line takes. */
export function packNameAndId(id: string, locale: Locale): string {
  const name = packName(id, locale);
  return name === id ? id : locale === 'en' ? `${name} (${id})` : `${name}（${id}）`;
}

/** Unique clause ids of the reasons, in order; mitigated reasons marked with their outcome. */
export function reasonClauses(d: Decision): string[] {
  const out: string[] = [];
  for (const r of d.reasons) {
    for (const c of r.clauses) {
      const id = r.mitigation?.applied ? `${c.clause}(${r.mitigation.applied === 'exempt' ? '-' : '↓'})` : c.clause;
      if (!out.includes(id)) out.push(id);
    }
  }
  return out;
}

/** A compact cell: verdict, clause ids, and `+NM-3` for priority/incentive. */
export function verdictCell(d: Decision, locale: Locale): string {
  const parts = [verdictLabel(d.verdict, locale), ...reasonClauses(d)];
  for (const b of [...d.priority, ...d.incentives]) for (const c of b.clauses) if (!parts.includes(`+${c.clause}`)) parts.push(`+${c.clause}`);
  return parts.join(' ');
}

export interface CitedClause {
  clause: string;
  document: string;
  section?: string | undefined;
}

/** Every clause a decision cites (reasons, priority, incentives, deadlines), first mention first. */
export function citedClauses(ds: readonly Decision[]): CitedClause[] {
  const seen = new Map<string, CitedClause>();
  const add = (c: CitedClause) => {
    if (!seen.has(c.clause)) seen.set(c.clause, c);
  };
  for (const d of ds) {
    for (const r of d.reasons) r.clauses.forEach(add);
    for (const b of [...d.priority, ...d.incentives]) b.clauses.forEach(add);
    for (const x of d.deadlines) add(x.basis);
  }
  return [...seen.values()];
}

/** A clause of a pack or of a pack it extends, as a legend cites it; null when neither has it. */
export function packClause(packId: string, clause: string): CitedClause | null {
  let pack;
  try {
    pack = getPack(packId);
  } catch {
    return null;
  }
  const own = pack.clauses.find((c) => c.id === clause);
  if (own) return { clause, document: own.document ?? pack.document.number, section: own.section };
  for (const parent of pack.extends) {
    const found = packClause(parent, clause);
    if (found) return found;
  }
  return null;
}

/** 中华人民共和国公务员法（2018修订） → 公务员法: the name people use for a law. */
function shortDocument(doc: string): string {
  return doc.replace(/^中华人民共和国/, '').replace(/（\d{4}[^）]*）$/, '');
}

const DOCUMENT_EN: Record<string, string> = {
  公务员法: 'Civil Servant Law',
  公职人员政务处分法: 'Law on Administrative Sanctions for Public Officials',
  公务员考核规定: 'Civil Servant Assessment Provisions',
  民法典: 'Civil Code',
  行政许可法: 'Administrative Licensing Law',
};

/**
 * What clause codes stand for (条款代码): `CSL-64 公务员法 第六十四条`. Codes are the packs' own
 * (CSL 公务员法, PSL 政务处分法, AR 公务员考核规定, CC 民法典; TH-, GD-, TJB-, YN-, NM- the local documents).
 */
export function clauseLegend(clauses: readonly CitedClause[], locale: Locale, width: number): string {
  // Only clause codes: a deadline set by an order or by host policy has no code to explain.
  const codes = clauses.filter((c) => isClauseId(c.clause)).sort(byCode);
  if (!codes.length) return '';
  const en = locale === 'en';
  const head = en ? 'Clause codes:' : '条款代码：';
  const items = codes.map((c) => {
    const doc = shortDocument(c.document);
    const name = en && DOCUMENT_EN[doc] ? `${DOCUMENT_EN[doc]} (${doc})` : doc;
    return `${c.clause} ${name}${c.section ? ` ${c.section}` : ''}`;
  });
  return [head, ...items.flatMap((x) => wrap(x, width - 4).map((l, i) => `${i === 0 ? '  ' : '    '}${l}`))].join('\n');
}

const NATIONAL_FIRST = ['CSL', 'PSL', 'AR', 'CC', 'ALL'];

/** National law first (公务员法, 政务处分法, 考核规定, 民法典), then the local documents; numbers in order. */
function byCode(a: CitedClause, b: CitedClause): number {
  const [pa, ...ra] = a.clause.split('-');
  const [pb, ...rb] = b.clause.split('-');
  const rank = (p: string) => (NATIONAL_FIRST.includes(p) ? NATIONAL_FIRST.indexOf(p) : NATIONAL_FIRST.length);
  return rank(pa!) - rank(pb!) || pa!.localeCompare(pb!) || ra.join('-').localeCompare(rb.join('-'), 'en', { numeric: true });
}

/**
 * When a bar lifts, as a table cell: nothing for a clear answer (nothing to lift), the first clear
 * day, or 无 / none where nothing known ends it (a status, an open-ended record).
 */
export function clearFromCell(d: Pick<Decision, 'verdict' | 'clearFrom'>, locale: Locale): string {
  if (d.verdict === 'clear') return '';
  return d.clearFrom ?? (locale === 'en' ? 'none' : '无');
}

/** Several decisions side by side: pack, action, verdict with clauses, clear from; then the legend. */
export function decisionsTable(ds: readonly Decision[], locale: Locale, width: number): string {
  const en = locale === 'en';
  const rows = ds.map((d) => [
    packName(d.pack.id, locale),
    actionLabel(d.action, locale) + (d.assessmentYear !== null ? (en ? ` ${d.assessmentYear}` : `（${d.assessmentYear} 年度）`) : ''),
    verdictCell(d, locale),
    clearFromCell(d, locale),
  ]);
  return [
    table([en ? 'pack' : '规则包', en ? 'action' : '事项', en ? 'verdict and clauses' : '结论与条款', en ? 'clear from' : '最早解除'], rows, { maxWidth: width, nowrap: [3] }),
    '',
    clauseLegend(citedClauses(ds), locale, width),
  ].join('\n');
}

/** A decision as a few small tables, for people at a terminal, within `width` columns. */
export function decisionTable(d: Decision, locale: Locale, width = 100): string {
  const en = locale === 'en';
  const t = (zh: string, e: string) => (en ? e : zh);
  const kind = LABELS.subjectKind[d.subject.kind][locale];
  const action = LABELS.action[d.action][locale] + (d.assessmentYear !== null ? t(`（${d.assessmentYear} 年度）`, ` (${d.assessmentYear})`) : '');
  const opts = { indent: '  ', maxWidth: width };
  const out: string[] = [];
  out.push(
    table(
      null,
      [
        [t('主体', 'Subject'), `${d.subject.id}${t(`（${kind}）`, ` (${kind})`)}`],
        [t('规则包', 'Pack'), `${packNameAndId(d.pack.id, locale)}${t('，', ', ')}${d.pack.document}`],
        [t('事项', 'Action'), action],
        [t('查询日期', 'As of'), d.asOf],
        [t('结论', 'Verdict'), verdictLabel(d.verdict, locale)],
        // A clear answer has nothing to lift.
        ...(d.verdict === 'clear' ? [] : [[t('最早解除日期', 'Clear from'), d.clearFrom ?? t('无（已知记录中没有终止其效力的日期）', 'none (nothing known ends it)')]]),
      ],
      { maxWidth: width },
    ),
  );
  if (d.reasons.length) {
    out.push('', t('理由', 'Reasons'));
    out.push(
      table(
        [t('结论', 'verdict'), t('规则', 'rule'), t('条款', 'clauses'), t('记录', 'records'), t('减免', 'mitigation')],
        d.reasons.map((r) => [
          verdictLabel(r.verdict, locale),
          r.rule,
          r.clauses.map((c) => c.clause).join(' '),
          r.records.join(' ') || '—',
          r.mitigation?.applied ? `${LABELS.mitigation[r.mitigation.applied][locale]}${t('（', ' (')}${verdictLabel(r.mitigation.before, locale)} → ${verdictLabel(r.verdict, locale)}${t('）', ')')}` : '—',
        ]),
        opts,
      ),
    );
    const quotes = new Map<string, string>();
    for (const r of d.reasons) for (const c of r.clauses) quotes.set(c.clause, `${c.document} ${c.section}：「${!en && c.quoteSimplified ? c.quoteSimplified : c.quote}」`);
    for (const [id, q] of quotes) {
      const lines = wrap(q, width - id.length - 4);
      out.push(`  ${id}  ${lines[0]}`, ...lines.slice(1).map((l) => `  ${' '.repeat(id.length)}  ${l}`));
    }
  }
  const benefits = [...d.priority, ...d.incentives];
  if (benefits.length) {
    out.push('', t('激励', 'Benefits'));
    for (const b of benefits) {
      const text = `${b.kind === 'priority' ? t('优先考虑', 'priority') : t('激励', 'incentive')}  ${b.description[locale]}${t('（', ' (')}${b.clauses.map((c) => c.clause).join(' ')}${t('）', ')')}`;
      out.push(...wrap(text, width - 4).map((l, i) => `${i === 0 ? '  ' : '    '}${l}`));
    }
  }
  const mit = d.mitigation.filter((m) => m.status !== 'none');
  if (mit.length) {
    out.push('', t('自我纠错与减免', 'Self-correction and mitigation'));
    out.push(table(null, mit.map((m) => [m.record, label('mitigationStatus', m.status, locale), m.message[locale]]), opts));
  }
  if (d.obligations.length) {
    out.push('', t('义务', 'Obligations'));
    out.push(
      table(
        [t('义务', 'obligation'), t('条款', 'clauses'), t('记录', 'records'), t('期限', 'due')],
        d.obligations.map((o) => [LABELS.obligation[o.kind][locale], o.clauses.join(' '), o.records.join(' ') || '—', o.dueOn ?? '—']),
        opts,
      ),
    );
  }
  if (d.deadlines.length) {
    out.push('', t('期限', 'Deadlines'));
    out.push(
      table(
        [t('种类', 'kind'), t('记录', 'record'), t('起算', 'from'), t('届满', 'due'), t('状态', 'state'), t('依据', 'basis')],
        d.deadlines.map((x) => [label('deadlineKind', x.kind, locale), x.record, x.eventOn, x.dueOn + (x.provisional ? '*' : ''), label('deadlineState', x.state, locale), x.basis.clause]),
        opts,
      ),
    );
  }
  if (d.records.length) {
    out.push('', t('记录', 'Records'));
    out.push(
      table(
        [t('记录', 'record'), t('种类', 'kind'), t('计入', 'counted'), t('状态', 'status'), t('有效期（含末日）', 'in effect (last day included)')],
        d.records.map((r) => [
          r.id + (r.derived ? t('（派生）', ' (derived)') : ''),
          LABELS.recordKind[r.kind][locale],
          r.counted ? t('是', 'yes') : t('否', 'no'),
          label('recordStatus', r.status, locale),
          effectPeriodText(r, locale),
        ]),
        opts,
      ),
    );
  }
  if (d.notes.length) {
    out.push('', t('说明', 'Notes'));
    for (const n of d.notes) {
      const text = n.code === 'calendar-coverage' ? cliCoverageNote(n, locale) : n.message[locale];
      const lines = wrap(text, width - 4);
      out.push(`  - ${lines[0]}`, ...lines.slice(1).map((l) => `    ${l}`));
    }
  }
  if (d.provisional) out.push('', ...wrap(provisionalFootnote(d, locale), width));
  // Codes the quotes above do not already spell out (deadline bases, benefits).
  const quoted = new Set(d.reasons.flatMap((r) => r.clauses.map((c) => c.clause)));
  const legend = clauseLegend(citedClauses([d]).filter((c) => !quoted.has(c.clause)), locale, width);
  if (legend) out.push('', legend);
  return out.join('\n');
}

/** A calendar-coverage note in the command line's terms: its flags and files instead of the library's options. */
export function cliCoverageNote(n: Note, locale: Locale): string {
  return coverageNoteText(n, locale, coverageHint);
}

/** The footnote of `*` dates: provisional, and for years without a schedule, how they were estimated (the --unknown-years mode). */
function provisionalFootnote(d: Decision, locale: Locale): string {
  const en = locale === 'en';
  const years = new Set<number>();
  let mode: 'statutory' | 'weekends-only' | null = null;
  for (const x of d.deadlines) {
    const r = x.provisionalReason;
    if (!r) continue;
    for (const y of r.estimatedYears) years.add(y);
    mode ??= r.mode;
  }
  if (!mode) return en ? "* depends on provisional calendar data (next year's notice may change it)" : '* 依赖的日历数据为暂定数据（次年安排公布后可能变化）';
  const ys = [...years].sort((a, b) => a - b).join(en ? ', ' : '、');
  return mode === 'statutory'
    ? en
      ? `* provisional (--unknown-years statutory): ${ys} has no holiday schedule; its days were estimated from the days the 全国年节及纪念日放假办法 gives off and weekends, without the notice's make-up working days. Add the schedule with --schedule <file> once it is published.`
      : `* 暂定（--unknown-years statutory）：${ys} 年尚无节假日安排，按《全国年节及纪念日放假办法》所定的节假日和周末暂算，未计通知的调休上班日；公布后用 --schedule <文件> 添加该年安排。`
    : en
      ? `* provisional (--unknown-years weekends-only): ${ys} has no holiday schedule; its days were counted Monday–Friday, no holiday known. Add the schedule with --schedule <file> once it is published.`
      : `* 暂定（--unknown-years weekends-only）：${ys} 年尚无节假日安排，按周一至周五计算，未计任何节假日；公布后用 --schedule <文件> 添加该年安排。`;
}
