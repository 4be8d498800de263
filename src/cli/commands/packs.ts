import { getPack } from '../../packs/getPack.js';
import { listPacks } from '../../packs/listPacks.js';
import { GovCreditError } from '../../model/errors.js';
import { DEFAULT_POLICY, POLICY_DOCS, type PolicyKey } from '../../model/policy.js';
import { LABELS } from '../../model/vocabulary.js';
import { noExtraPositionals, oneOf, parseCommand, strs } from '../_internal/args.js';
import { writeOut, writeText, type Ctx } from '../_internal/context.js';
import { label } from '../../model/labels.js';
import { CliError, EXIT, usageError } from '../_internal/exit.js';
import type { Locale } from '../_internal/i18n.js';
import { readConfigJson } from '../_internal/input.js';
import { actionsText, conditionText, documentLine, ruleOutcome } from '../_internal/packText.js';
import { table, wrap } from '../_internal/text.js';
import { packNameAndId } from '../_internal/render.js';

/** How far a clause's quote is the law's own words (shown when it is not). */
const VERIFICATION: Record<string, Record<'zh-CN' | 'en', string>> = {
  paraphrase: { 'zh-CN': '（转述：引文不是法律原文）', en: '(paraphrase: the quote is not the exact words of the law)' },
  secondary: { 'zh-CN': '（二手来源：未经核对原文）', en: '(secondary source: not checked against the enacted text)' },
};
/** What a record-scope rule rests on (README "What a record reaches"). */
const RESTS_ON: Record<string, Record<'zh-CN' | 'en', string>> = {
  'integrity-record': { 'zh-CN': '政务失信记录的定义（在履职过程中）', en: 'the definition of 政务失信记录 (in official duty)' },
  'record-kind': { 'zh-CN': '条文所列的记录种类（不论是否履职）', en: 'the kind of record the text names (whatever the duty context)' },
  sanction: { 'zh-CN': '处分本身（法定后果）', en: 'the sanction itself (a statutory effect)' },
};
/** What dates a rule against its validity. */
const TRIGGER: Record<string, Record<'zh-CN' | 'en', string>> = {
  failure: { 'zh-CN': '失信行为发生日', en: 'the day of the failure' },
  decision: { 'zh-CN': '决定生效日', en: 'the day the decision took effect' },
  status: { 'zh-CN': '查询之日的状态', en: 'the status on the day asked' },
};
import { checkPackFile, loadPacks, packIdArg } from './common.js';

const FORMAT = { format: { type: 'string' }, load: { type: 'string', multiple: true } } as const;

/** `packs`: the shipped and loaded packs with their document numbers. */
export async function runPacks(argv: string[], ctx: Ctx): Promise<number> {
  const p = parseCommand(argv, FORMAT);
  noExtraPositionals(p, 0, 'packs');
  const format = oneOf(p, 'format', ['table', 'json'] as const, 'table');
  loadPacks(strs(p, 'load'));
  const packs = listPacks();
  if (format === 'json') {
    await writeOut(ctx.stdout, JSON.stringify(packs, null, 2) + '\n');
    return EXIT.ok;
  }
  const en = ctx.locale === 'en';
  const text = table(
    [en ? 'id' : '标识', en ? 'jurisdiction' : '地区', en ? 'code' : '区划', en ? 'document' : '文号', en ? 'effective' : '施行', en ? 'extends' : '继承', en ? 'rules' : '规则', en ? 'clauses' : '条款'],
    packs.map((x) => [x.id + (x.shipped ? '' : '*'), x.name[ctx.locale], x.division ?? '—', x.document, x.effectiveOn, x.extends.join(',') || '—', String(x.rules), String(x.clauses)]),
    { right: [6, 7], maxWidth: ctx.width, nowrap: [0, 4] },
  );
  const foot = packs.some((x) => !x.shipped) ? `\n* ${en ? 'loaded with --load' : '由 --load 载入'}` : '';
  await writeText(ctx.stdout, text + foot + '\n');
  return EXIT.ok;
}

/** `pack show <id|file>`. */
export async function runPackShow(argv: string[], ctx: Ctx): Promise<number> {
  const p = parseCommand(argv, FORMAT);
  noExtraPositionals(p, 1, 'pack show');
  const ref = p.positionals[0];
  if (!ref) throw usageError('pack show 需要规则包标识或文件', 'pack show needs a pack id or file', { code: 'missing_argument' });
  const format = oneOf(p, 'format', ['table', 'json'] as const, 'table');
  loadPacks(strs(p, 'load'));
  let pack;
  try {
    pack = ref.endsWith('.json') ? checkPackFile(readConfigJson(ref)) : getPack(packIdArg(ref, 'pack'));
  } catch (e) {
    if (e instanceof GovCreditError) throw CliError.from(e, EXIT.usage, ref.endsWith('.json') ? { file: ref } : {});
    throw e;
  }
  if (format === 'json') {
    await writeOut(ctx.stdout, JSON.stringify(pack, null, 2) + '\n');
    return EXIT.ok;
  }
  const loc = ctx.locale;
  const en = loc === 'en';
  const W = ctx.width;
  const out: string[] = [];
  const para = (text: string, indent: string) => wrap(text, W - indent.length).map((l) => indent + l);
  const list = (xs: string[]) => xs.join(en ? ', ' : '、');
  out.push(`${pack.id} ${pack.version} — ${pack.name[loc]}${pack.division ? (en ? ` (${pack.division})` : `（${pack.division}）`) : ''}`);
  out.push(...para(documentLine(pack, loc), ''));
  if (pack.document.note) out.push(...para(pack.document.note[loc], ''));
  if (pack.extends.length) out.push(`${en ? 'extends' : '继承'}${en ? ': ' : '：'}${pack.extends.map((x) => packNameAndId(x, loc)).join(en ? ', ' : '、')}`);
  out.push(
    ...para(
      `${en ? 'record kinds' : '失信记录种类'}${en ? ': ' : '：'}${list(pack.recordKinds.kinds.map((k) => LABELS.recordKind[k][loc])) || '—'}${en ? ` (${pack.recordKinds.clauses.join(' ') || '—'})` : `（${pack.recordKinds.clauses.join(' ') || '—'}）`}`,
      '',
    ),
  );

  out.push('', en ? `Clauses (${pack.clauses.length})` : `条款（${pack.clauses.length}）`);
  for (const c of pack.clauses) {
    out.push(...para(`${c.id}  ${c.section}${c.document ? `  ${c.document}` : ''}`, '  '));
    out.push(...para(`「${!en && c.quoteSimplified ? c.quoteSimplified : c.quote}」`, '      '));
    out.push(...para(`→ ${c.reading[loc]}`, '      '));
    if (c.handledBy) out.push(...para(`${en ? 'handled by' : '处理方式'}${en ? ': ' : '：'}${label('handledBy', c.handledBy.kind, loc)} — ${c.handledBy.why[loc]}`, '      '));
    if (c.verification !== 'verified') out.push(...para(VERIFICATION[c.verification]![loc], '      '));
    if (c.validFrom || c.validUntil) out.push(...para(`${en ? 'in force' : '施行'}${en ? ': ' : '：'}${c.validFrom ?? '…'} – ${c.validUntil ?? '…'}`, '      '));
  }

  out.push('', en ? `Rules (${pack.rules.length})` : `规则（${pack.rules.length}）`);
  for (const r of pack.rules) {
    out.push(`  ${r.id}  [${r.clauses.join(' ')}]`);
    const scope = r.scope === 'record' ? (en ? ` (per record, ${r.records})` : `（逐条记录，${r.records === 'known' ? '所有已知记录' : '计入的记录'}）`) : en ? ' (once per subject)' : '（每个主体一次）';
    const rows: string[][] = [
      [en ? 'does' : '结果', ruleOutcome(r, loc)],
      [en ? 'for' : '主体', list(r.subjects.map((x) => LABELS.subjectKind[x][loc]))],
      [en ? 'actions' : '事项', actionsText(r.actions, loc)],
      [en ? 'when' : '条件', `${conditionText(r.conditions)}${scope}`],
      [en ? 'mitigable' : '可减免', r.mitigable ? (en ? 'yes' : '是') : en ? 'no (statutory)' : '否（法定后果）'],
    ];
    if (r.restsOn) rows.push([en ? 'rests on' : '依据', RESTS_ON[r.restsOn]![loc]]);
    if (r.trigger) rows.push([en ? 'dated by' : '以何日为准', TRIGGER[r.trigger]![loc]]);
    if (r.validFrom || r.validUntil) rows.push([en ? 'valid' : '有效期', `${r.validFrom ?? '…'} – ${r.validUntil ?? '…'}`]);
    out.push(table(null, rows, { indent: '      ', maxWidth: W }));
    out.push(...para(r.description[loc], '      '));
    if (r.note) out.push(...para(`${en ? 'note' : '说明'}${en ? ': ' : '：'}${r.note[loc]}`, '      '));
  }

  out.push('', en ? 'Mitigation' : '减免');
  const m = pack.mitigation;
  out.push(...para(`${en ? 'permits' : '允许'}${en ? ': ' : '：'}${list(m.permits.map((x) => LABELS.mitigation[x][loc])) || (en ? 'none' : '无')}${en ? `  (${m.clauses.join(' ') || '—'})` : `（${m.clauses.join(' ') || '—'}）`}`, '  '));
  if (m.reading) out.push(...para(m.reading[loc], '  '));
  if (pack.objections) {
    const o = pack.objections;
    out.push('', en ? 'Objections' : '异议');
    out.push(...para(`${en ? 'clauses: ' : '条款：'}${o.clauses.join(' ')}${o.channels ? `${en ? '; channels: ' : '；渠道：'}${list(o.channels.map((c) => CHANNELS[c]?.[loc] ?? c))}` : ''}`, '  '));
    if (o.replyWorkingDays) out.push(`  ${en ? 'reply within' : '答复期限'}${en ? ': ' : '：'}${o.replyWorkingDays.days} ${en ? 'working days' : '个工作日'}${en ? ` (${o.replyWorkingDays.clause})` : `（${o.replyWorkingDays.clause}）`}`);
    if (o.platformReportWorkingDays) out.push(`  ${en ? 'report to the provincial platform within' : '报送省级信用平台'}${en ? ': ' : '：'}${o.platformReportWorkingDays.days} ${en ? 'working days' : '个工作日'}${en ? ` (${o.platformReportWorkingDays.clause})` : `（${o.platformReportWorkingDays.clause}）`}`);
    if (o.liftOnCorrection) out.push(`  ${en ? 'sanctions lifted on correction' : '更正后解除惩戒措施'}${en ? ` (${o.liftOnCorrection})` : `（${o.liftOnCorrection}）`}`);
  }
  if (pack.creditFile) out.push('', `${en ? 'Credit file: ' : '信用档案：'}${pack.creditFile.required ? (en ? 'required' : '必须') : en ? 'optional' : '可选'}${en ? ` (${pack.creditFile.clauses.join(' ')})` : `（${pack.creditFile.clauses.join(' ')}）`}`);
  for (const d of pack.derivations ?? []) out.push(`${en ? 'Derived records: ' : '派生记录：'}${LABELS.recordKind[d.kind as keyof typeof LABELS.recordKind]?.[loc] ?? d.kind}${en ? ` (${d.clauses.join(' ')})` : `（${d.clauses.join(' ')}）`}`);
  out.push('', en ? 'Policy (pack value, else library default)' : '政策选项（本包取值，否则为库默认值）');
  out.push(
    table(
      null,
      (Object.keys(DEFAULT_POLICY) as PolicyKey[]).map((k) => {
        const own = pack.policy[k];
        // Spaced JSON, so that an object value wraps between its entries.
        const value = (own ?? DEFAULT_POLICY[k]) === null ? (en ? 'none' : '无') : JSON.stringify(own ?? DEFAULT_POLICY[k], null, 1).replace(/\n\s*/g, ' ');
        return [k, value, own !== undefined ? (en ? 'pack' : '本包') : en ? 'default' : '默认', POLICY_DOCS[k][loc]];
      }),
      { indent: '  ', maxWidth: W, nowrap: [0] },
    ),
  );
  await writeText(ctx.stdout, out.join('\n') + '\n');
  return EXIT.ok;
}

const CHANNELS: Record<string, Record<Locale, string>> = {
  'determining-department': { 'zh-CN': '认定部门', en: 'determining-department' },
  'credit-platform': { 'zh-CN': '信用平台', en: 'credit-platform' },
};
