import { deepFreeze } from '../_lib/plain.js';
import { CSL_FACTS, PSL_FACTS, REG07_FACTS, statuteBasis } from '../model/statutes.js';
import type { LegalBasis } from './types.js';

const TONGHUA = '通市信用〔2018〕2号《通化市关于加强政务诚信建设的实施方案》';
const CC = '中华人民共和国民法典';

/**
 * The clauses the deadline functions cite, by the ids used in the rule packs (CLAUSES.md,
 * NATIONAL.md). Pass one as `basis` to cite another pack's clause for the same deadline. The
 * statutes' clauses are read from their facts (law/<statute>.json, where the periods and day counts
 * they fix are kept with them); the Tonghua plan's and the Civil Code's date rules are written here.
 *
 * @example
 * objectionReplyDueOn('2026-10-03', { basis: LEGAL_BASES['TH-9'] });
 */
export const LEGAL_BASES = /* @__PURE__ */ deepFreeze({
  /** 书面说明具体失信情况及原因并限期加以整改 */
  'TH-5': { clause: 'TH-5', document: TONGHUA, section: '二（6）' },
  /** 自接到异议申请之日起十五个工作日内向相关主体做出书面答复 */
  'TH-9': { clause: 'TH-9', document: TONGHUA, section: '二（7）' },
  /** 在五个工作日内将相关信息报送省级信用平台进行修改 */
  'TH-10': { clause: 'TH-10', document: TONGHUA, section: '二（7）' },
  /** 受处分的期间为：警告，六个月；记过，十二个月；记大过，十八个月；降级、撤职，二十四个月 */
  'CSL-64': statuteBasis(CSL_FACTS, 'sanctionBars'),
  /** 自知道之日起三十日内申请复核；自接到复核决定之日起十五日内申诉 */
  'CSL-95': statuteBasis(CSL_FACTS, 'reviewApplicationDays'),
  /** 接到复核申请书后的三十日内作出复核决定；受理申诉之日起六十日内作出处理决定，延长不得超过三十日 */
  'CSL-96': statuteBasis(CSL_FACTS, 'reviewDecisionDays'),
  /** 政务处分的期间；政务处分期自政务处分决定生效之日起计算 */
  'PSL-8': statuteBasis(PSL_FACTS, 'sanctionPeriodMonths'),
  /** 应当给予撤职以下多个相同政务处分的，在一个政务处分期以上、多个政务处分期之和以下确定政务处分期，最长不得超过四十八个月 */
  'PSL-15': statuteBasis(PSL_FACTS, 'combinedPeriodClause'),
  /** 受处分的期间为：警告，6个月；记过，12个月；记大过，18个月；降级、撤职，24个月（2020-07-01 前作出的处分） */
  'REG07-7': statuteBasis(REG07_FACTS, 'sanctionPeriodMonths'),
  /** 应当给予撤职以下多个相同种类处分的，在一个处分期以上、多个处分期之和以下，决定处分期 */
  'REG07-10-1': statuteBasis(REG07_FACTS, 'combinedPeriodClause'),
  /** 在受处分期间受到新的处分的，其处分期为原处分期尚未执行的期限与新处分期限之和；最长不得超过48个月 */
  'REG07-10-2': statuteBasis(REG07_FACTS, 'successivePeriodClause'),
  /** 开始的当日不计入，自下一日开始计算 */
  'CC-201': { clause: 'CC-201', document: CC, section: '第二百零一条' },
  /** 到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日 */
  'CC-202': { clause: 'CC-202', document: CC, section: '第二百零二条' },
  /** 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日 */
  'CC-203': { clause: 'CC-203', document: CC, section: '第二百零三条' },
} as const satisfies Record<string, LegalBasis>);

export type LegalBasisId = keyof typeof LEGAL_BASES;
