import type { LocalizedText } from '../../model/errors.js';
import { CSL_FACTS } from '../../model/statutes.js';
import { LABELS, type InvestigationOutcome, type PublicServiceRole, type RecordKind, type Sanction, type SubjectKind } from '../../model/vocabulary.js';

// The notes a decision writes, by code: each a text built from the facts it names, in both languages.
// composeDecision decides which apply and in what order; the words live here, one entry per code.

const CSL_IN_FORCE = CSL_FACTS.parameters.inForce.value;
const subjectKinds = (kinds: readonly string[], locale: 'zh-CN' | 'en', sep: string) => kinds.map((k) => LABELS.subjectKind[k as SubjectKind][locale]).join(sep);

export const NOTE_TEXTS = {
  'lighter-measure-unnamed': (f: { record: string; rules: readonly string[] }): LocalizedText => ({
    'zh-CN': `对记录 ${f.record} 决定“从轻”，但 ${f.rules.join('、')} 的措施没有轻重之分（如不能确定为优秀、取消资格），文件也未规定从轻后的措施：须由作出决定的机关明确从轻后的措施并录入减免决定，在此之前按原措施处理`,
    en: `record ${f.record} was decided "lighter", but the measure of ${f.rules.join(', ')} has no degrees (e.g. not rated excellent, eligibility withdrawn) and the text names no lighter form: the deciding body has to name the lighter measure, entered with the mitigation decision; until then the measure stands`,
  }),
  'period-uncertain': (f: { lastDay: string; latestLastDay: string }): LocalizedText => ({
    'zh-CN': `处分期待作出决定的机关确定：确定至 ${f.lastDay}，最长可至 ${f.latestLastDay}；此日在待定期间内，仅纳为考量因素`,
    en: `the period is for the deciding body to fix: certain to ${f.lastDay}, at most to ${f.latestLastDay}; this day falls in the open part, so the reason is a matter for review only`,
  }),
  'before-rule': (f: { record: string | null; investigation: boolean; trigger: string; on: string; rule: string; ruleFrom: string }): LocalizedText => {
    const dated = f.trigger === 'decision' ? (f.investigation ? { zh: '立案', en: 'was opened' } : { zh: '处分决定生效', en: 'took effect' }) : { zh: '失信行为发生', en: 'occurred' };
    return {
      'zh-CN': `记录 ${f.record} 的${dated.zh}（${f.on}）在规则 ${f.rule} 施行（${f.ruleFrom}）之前，不适用该规则`,
      en: `record ${f.record} ${dated.en} (${f.on}) before rule ${f.rule} took effect (${f.ruleFrom}); the rule does not reach it`,
    };
  },
  'outside-official-duty': (f: { record: string; assumed: boolean; rules: readonly string[] }): LocalizedText => ({
    'zh-CN': `记录 ${f.record} ${f.assumed ? '未注明是否' : '不是'}在履职过程中产生${f.assumed ? '，按政策视为非履职' : ''}，不属于政务失信记录：依该定义的规则（${f.rules.join('、')}）不适用；国家法定后果及按记录种类规定的规则不受影响`,
    en: `record ${f.record} ${f.assumed ? 'does not say whether it arose' : 'did not arise'} in official duty${f.assumed ? ' and policy reads it as not' : ''}: it is not a 政务失信记录, so the rules resting on that definition (${f.rules.join(', ')}) do not reach it; statutory effects and rules naming the record kind still do`,
  }),
  'rectification-pending': (f: { record: string; dueOn: string | undefined; lastDay: string | undefined; rolled: boolean; from: string; clauses: readonly string[] | undefined }): LocalizedText => ({
    'zh-CN': `记录 ${f.record} 的整改期限为 ${f.dueOn ?? '整改期限'}${f.rolled ? `（逢休息日，顺延至 ${f.lastDay}，民法典第二百零三条）` : ''}：逾期未完成的，自 ${f.from} 起记入政务失信记录（${f.clauses?.join('、')}）`,
    en: `record ${f.record} must be rectified${f.rolled ? ` by ${f.lastDay} (the due date ${f.dueOn} is not a working day and rolls, 民法典 203)` : ''}; if not completed in time, a new record arises on ${f.from} (${f.clauses?.join(', ')})`,
  }),
  'derived-record': (f: { record: string; clauses: readonly string[] | undefined }): LocalizedText => ({
    'zh-CN': `记录 ${f.record} 由本库依 ${f.clauses?.join('、')} 推定：未按时完成整改，记入政务失信记录`,
    en: `record ${f.record} is derived under ${f.clauses?.join(', ')}: rectification not completed in time`,
  }),
  'sanction-revoked': (f: { record: string; on: string; by: string }): LocalizedText => ({
    'zh-CN': `记录 ${f.record} 的处分决定已于 ${f.on} 由 ${f.by} 撤销：处分及其一切后果自始不计`,
    en: `the sanction of record ${f.record} was revoked on ${f.on} by ${f.by}: it and all its effects are void`,
  }),
  'sanction-changed': (f: { record: string; on: string; by: string; from: Sanction; to: Sanction; periodFrom: string | null }): LocalizedText => ({
    'zh-CN': `记录 ${f.record} 的处分已于 ${f.on} 由 ${f.by} 变更：${LABELS.sanction[f.from]['zh-CN']} → ${LABELS.sanction[f.to]['zh-CN']}${f.periodFrom !== null ? `，处分期自 ${f.periodFrom} 起算` : ''}`,
    en: `the sanction of record ${f.record} was changed on ${f.on} by ${f.by}: ${LABELS.sanction[f.from].en} → ${LABELS.sanction[f.to].en}${f.periodFrom !== null ? `, its period running from ${f.periodFrom}` : ''}`,
  }),
  'credit-corrected-sanction-stands': (f: { record: string; on: string; kind: 'revoked' | 'corrected' }): LocalizedText => ({
    'zh-CN': `记录 ${f.record} 作为政务失信记录已于 ${f.on} ${f.kind === 'revoked' ? '撤销' : '更正'}（TH-10），不再产生失信惩戒；处分本身未被撤销或变更，其法定后果（处分期）照常`,
    en: `record ${f.record} was ${f.kind} as a credit record on ${f.on} (TH-10) and no longer carries credit measures; the sanction itself was not revoked or changed, so its statutory effects (the period) stand`,
  }),
  'objection-pending': (f: { record: string; filedOn: string | undefined; replyDueOn: string | null | undefined; live: boolean }): LocalizedText => ({
    'zh-CN': `记录 ${f.record} 的异议（${f.filedOn} 收到）尚未答复${f.replyDueOn ? `，答复期限 ${f.replyDueOn}` : ''}${f.live ? '；异议不停止处分的执行，法定后果照常' : ''}`,
    en: `record ${f.record} has an objection received ${f.filedOn} and not yet answered${f.replyDueOn ? `; reply due ${f.replyDueOn}` : ''}${f.live ? '; an objection does not suspend the sanction, whose statutory effects stand' : ''}`,
  }),
  'period-to-be-fixed': (f: { group: readonly string[]; clause: string; lastDay: string; latestLastDay: string }): LocalizedText => ({
    'zh-CN': `记录 ${f.group.join('、')} 为同时生效的同类处分，合并处分期由作出决定的机关确定（${f.clause}）：确定至 ${f.lastDay}，最长可至 ${f.latestLastDay}；其间的后果纳为考量因素；录入决定确定的处分期后即可确定`,
    en: `records ${f.group.join(', ')} are same-kind sanctions taking effect together; the combined period is for the deciding body to fix (${f.clause}): certain to ${f.lastDay}, at most to ${f.latestLastDay}; effects in between are for review; entering the period the body fixed settles it`,
  }),
  'investigation-handover': (f: { record: string; closedOn: string; outcome: InvestigationOutcome; barsUntil: string | null; named: string | null; found: boolean }): LocalizedText => {
    const outcome = LABELS.investigationOutcome[f.outcome];
    const { named, found } = f;
    return {
      'zh-CN': `记录 ${f.record} 的立案审查调查已于 ${f.closedOn} 结案（${outcome['zh-CN']}）：立案期间的限制${f.barsUntil ? `至 ${f.barsUntil} 止` : '在处分生效前继续'}；处分的后果依处分记录本身确定${named ? (found ? `（记录 ${named}）` : `，但所指处分记录 ${named} 不在本主体的处分记录中，请录入`) : '，结案事件未指明所作处分的记录，请在结案事件中录入'}`,
      en: `the investigation of record ${f.record} was closed on ${f.closedOn} (${outcome.en}): the investigation's bars ${f.barsUntil ? `ended on ${f.barsUntil}` : 'run on until the sanction takes effect'}; the sanction's effects come from its own record${named ? (found ? ` (record ${named})` : `, but the record named, ${named}, is not among the subject's sanction records: enter it`) : '; the closing event does not name the record of the sanction: enter it with the event'}`,
    };
  },
  'investigation-ungraded-years-unknown': (f: { record: string }): LocalizedText => ({
    'zh-CN': `记录 ${f.record}：结案事件未列明立案期间被搁置（不写评语、不确定等次）的考核年度，无法判断本年度是否补定等次（公务员考核规定第二十八条）`,
    en: `record ${f.record}: the closing event does not list the assessment years left ungraded while the case was open, so whether this year's grade is fixed afterwards cannot be told (考核规定 28)`,
  }),
  'record-kind-not-for-subject': (f: { record: string; kind: RecordKind; onlyFor: readonly string[]; clauses: readonly string[]; subject: SubjectKind }): LocalizedText => ({
    'zh-CN': `记录 ${f.record}（${LABELS.recordKind[f.kind]['zh-CN']}）在本文件中只是${subjectKinds(f.onlyFor, 'zh-CN', '、')}的政务失信记录（${f.clauses.join('、')}），不计为${LABELS.subjectKind[f.subject]['zh-CN']}的政务失信记录`,
    en: `record ${f.record} (${LABELS.recordKind[f.kind].en}) is a 政务失信记录 of ${subjectKinds(f.onlyFor, 'en', ', ')} only under this document (${f.clauses.join(', ')}); it does not count for a ${LABELS.subjectKind[f.subject].en}`,
  }),
  'national-rules-not-reached': (f: { role: PublicServiceRole | undefined }): LocalizedText =>
    f.role
      ? {
          'zh-CN': `事业单位人员未参照公务员法管理：公务员法第六十四条、政务处分法第十九条和公务员考核规定不适用；作为${LABELS.publicServiceRole[f.role]['zh-CN']}，适用政务处分法第二十条`,
          en: `public-institution staff not managed under the Civil Servant Law: 公务员法 64, 政务处分法 19 and the civil-servant assessment rules do not reach them; as a ${LABELS.publicServiceRole[f.role].en}, 政务处分法 20 does`,
        }
      : {
          'zh-CN': '事业单位人员未参照公务员法管理，也未注明政务处分法第二十条所指岗位：公务员法第六十四条、政务处分法第十九条、第二十条和公务员考核规定不适用',
          en: 'public-institution staff neither managed under the Civil Servant Law nor in a 政务处分法 20 role: 公务员法 64, 政务处分法 19 and 20 and the civil-servant assessment rules do not reach them',
        },
  'organ-assumed': (): LocalizedText => ({
    'zh-CN': '行政机关公务员处分条例适用于行政机关公务员；未注明所在机关类别的，按行政机关处理',
    en: '行政机关公务员处分条例 applies to civil servants of administrative organs; a civil servant whose organ is not given is read as serving in one',
  }),
  'unverified-law-gap': (): LocalizedText => ({
    'zh-CN': `${CSL_IN_FORCE} 前作出的处分，对非行政机关公务员适用当时的公务员法（2005）；其条文本库未经核对，未予编码：请按该法另行判断`,
    en: `a sanction decided before ${CSL_IN_FORCE} on a civil servant outside an administrative organ falls under the Civil Servant Law of 2005, whose text is not verified here and not encoded: decide it under that law`,
  }),
  'pack-not-in-force': (f: { pack: string; validFrom: string; validUntil: string | undefined; on: string }): LocalizedText => ({
    'zh-CN': `规则包 ${f.pack} 的有效期为 ${f.validFrom} 至 ${f.validUntil ?? '今'}，查询日期 ${f.on} 不在其内`,
    en: `pack ${f.pack} is in force from ${f.validFrom}${f.validUntil ? ` to ${f.validUntil}` : ''}; ${f.on} is outside it`,
  }),
  'missing-credit-file': (f: { clauses: readonly string[] }): LocalizedText => ({
    'zh-CN': `未提供信用档案：${f.clauses.join('、')} 要求公务员建立并查询诚信档案；没有档案是数据缺口，不等于记录良好`,
    en: `no credit file given: ${f.clauses.join(', ')} require a civil servant's file to exist and be checked; a missing file is a data gap, not a clean record`,
  }),
} satisfies Record<string, (facts: never) => LocalizedText>;

/** The codes of the notes a decision writes itself (besides policy, rule and lifecycle notes). */
export type NoteCode = keyof typeof NOTE_TEXTS;
