/**
 * What the library does with each item of sources/spec/NATIONAL.md (the national law every pack
 * sits on): the `cn-national` clauses that encode or explain it, or why it is not encoded.
 * scripts/gen-docs.ts renders it in docs/clauses.md ("National law (NATIONAL.md)");
 * test/docs/national-coverage.test.ts fails when an article (第…条) NATIONAL.md mentions is missing
 * here, when a clause named here is not in the pack, or when a national clause is named nowhere.
 */

export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export interface NationalItem {
  /** The NATIONAL.md section (`## …` heading) the item sits under: the heading starts with this. */
  heading: string;
  /** The law or document the article belongs to. */
  law: string;
  /** The articles as NATIONAL.md names them (第…条). */
  articles: string[];
  /** What the item says, briefly. */
  item: LocalizedText;
  /** The cn-national clauses that encode or explain it (rules, or handledBy). */
  clauses: string[];
  /** What is not encoded, and why (required when `clauses` is empty). */
  notEncoded?: LocalizedText;
  /** Vendored from the public corpus (law/…) beyond what NATIONAL.md quotes. */
  beyondNational?: true;
}

const CSL = '中华人民共和国公务员法（2018修订）';
const PSL = '中华人民共和国公职人员政务处分法（2020）';
const REG07 = '行政机关公务员处分条例（2007）';
const AR = '公务员考核规定（2020）';

export const NATIONAL_COVERAGE: NationalItem[] = [
  {
    heading: CSL,
    law: CSL,
    articles: ['第六十四条'],
    item: { 'zh-CN': '受处分期间不得晋升职务、职级和级别；记过以上不得晋升工资档次；处分期间的长度', en: 'no promotion during the period; no salary step for 记过 and above; the lengths of the periods' },
    clauses: ['CSL-64', 'CSL-64-2'],
    notEncoded: { 'zh-CN': '受撤职处分的按规定降低级别：是人事处理，不是对某一事项的限制，由宿主执行', en: 'lowering the grade on 撤职 is a personnel act, not a bar on an action: the host carries it out' },
  },
  {
    heading: CSL,
    law: CSL,
    articles: ['第六十五条'],
    item: { 'zh-CN': '处分期满自动解除；解除后晋升不再受影响，但不恢复原级别、原职务', en: 'a sanction lifts at the end of its period; afterwards promotion is unaffected, though grade and post are not restored' },
    clauses: ['CSL-65', 'CSL-65-2'],
  },
  {
    heading: CSL,
    law: CSL,
    articles: ['第六十一条'],
    item: { 'zh-CN': '情节轻微、经批评教育后改正的，可以免予处分', en: 'a minor violation corrected after criticism may go unsanctioned' },
    clauses: ['CSL-61'],
  },
  {
    heading: CSL,
    law: CSL,
    articles: ['第二十六条'],
    item: { 'zh-CN': '不得录用为公务员的五种情形', en: 'the five cases in which a person may not be recruited as a civil servant' },
    clauses: ['CSL-26-1', 'CSL-26-2', 'CSL-26-3', 'CSL-26-4', 'CSL-26-5'],
  },
  {
    heading: CSL,
    law: CSL,
    articles: ['第九十五条', '第九十六条'],
    item: { 'zh-CN': '复核、申诉的期限（日历日）；复核、申诉期间不停止执行', en: 'review and appeal time limits (calendar days); review and appeal do not suspend execution' },
    clauses: ['CSL-95', 'CSL-96', 'CSL-96-2'],
  },
  {
    heading: CSL,
    law: CSL,
    articles: ['第五十三条', '第六十九条', '第七十一条'],
    item: { 'zh-CN': '奖励的种类（含授予称号）；交流的方式（调任、转任）；转任（含本机关内）：用于读政务处分法第五十二条的“奖励”“交流”', en: 'the kinds of reward (incl. honour titles); transfer (调任, 转任); 转任 within the organ too: how 政务处分法 52\'s 奖励 and 交流 are read' },
    clauses: ['CSL-53', 'CSL-69-3', 'CSL-71'],
    beyondNational: true,
  },
  {
    heading: CSL,
    law: CSL,
    articles: ['第八十六条'],
    item: { 'zh-CN': '接受纪律审查、监察调查期间不得辞去公职', en: 'no resignation while under disciplinary review or supervisory investigation' },
    clauses: ['CSL-86-4'],
    notEncoded: { 'zh-CN': '辞去公职不是本库的事项', en: 'resignation is not an action the library decides' },
    beyondNational: true,
  },
  {
    heading: PSL,
    law: PSL,
    articles: ['第七条'],
    item: { 'zh-CN': '政务处分的种类', en: 'the kinds of 政务处分' },
    clauses: ['PSL-7'],
  },
  {
    heading: PSL,
    law: PSL,
    articles: ['第八条'],
    item: { 'zh-CN': '处分期间；自作出之日起生效，期间自生效之日起算', en: 'the periods; effective when decided, counted from the effective day' },
    clauses: ['PSL-8'],
  },
  {
    heading: PSL,
    law: PSL,
    articles: ['第十一条'],
    item: { 'zh-CN': '可以从轻或者减轻给予政务处分的情形', en: 'when a lighter or reduced sanction may be given' },
    clauses: ['PSL-11'],
  },
  {
    heading: PSL,
    law: PSL,
    articles: ['第十二条'],
    item: { 'zh-CN': '可以免予或者不予政务处分的情形', en: 'when no sanction may be given' },
    clauses: ['PSL-12'],
  },
  {
    heading: PSL,
    law: PSL,
    articles: ['第十三条'],
    item: { 'zh-CN': '在政务处分期内再次故意违法的，应当从重', en: 'a new intentional violation during a period is sanctioned more heavily' },
    clauses: ['PSL-13'],
  },
  {
    heading: PSL,
    law: PSL,
    articles: ['第十五条'],
    item: { 'zh-CN': '多个相同处分：在一个处分期以上、多个处分期之和以下确定，最长四十八个月；执行最重的处分', en: 'several sanctions of one kind: a period between one and the sum, at most 48 months; the heaviest sanction is executed' },
    clauses: ['PSL-15'],
  },
  {
    heading: PSL,
    law: PSL,
    articles: ['第二十条'],
    item: { 'zh-CN': '授权组织中从事公务的人员、公办单位中从事管理的人员：处分期内不得晋升；记过以上不得晋升薪酬待遇等级', en: 'staff of authorised organisations and managers in public institutions: no promotion during the period; no 薪酬待遇等级 for 记过 and above' },
    clauses: ['PSL-20'],
  },
  {
    heading: PSL,
    law: PSL,
    articles: ['第十九条'],
    item: { 'zh-CN': '公务员及参公人员：处分期内不得晋升；记过以上不得晋升工资档次', en: 'civil servants and 参公 staff: no promotion during the period; no salary step for 记过 and above' },
    clauses: ['PSL-19'],
  },
  {
    heading: PSL,
    law: PSL,
    articles: ['第二十六条'],
    item: { 'zh-CN': '开除：自决定生效之日起解除人事关系（第一款）；其他处分期满自动解除，不再受原处分影响（第二款）', en: 'expulsion: the personnel relationship ends the day the decision takes effect (para. 1); other sanctions lift at the end of their period (para. 2)' },
    clauses: ['PSL-26-1', 'PSL-26'],
  },
  {
    heading: PSL,
    law: PSL,
    articles: ['第五十二条'],
    item: {
      'zh-CN': '立案调查期间不得出境、辞去公职；所在机关、单位及上级机关、单位不得对其交流、晋升、奖励、处分或者办理退休手续（第二款）',
      en: 'while a case is open: no leaving the country or resigning; the organ and its superiors may not transfer, promote, reward, sanction or retire the person (para. 2)',
    },
    clauses: ['PSL-52-2', 'CSL-53', 'CSL-69-3', 'CSL-71'],
    notEncoded: {
      'zh-CN': '出境、辞去公职、处分、办理退休手续不是本库的事项；暂停履行职务（第一款）是任免机关的决定',
      en: 'leaving the country, resigning, sanctioning and retiring are not actions the library decides; suspension from duty (para. 1) is the appointing body\'s decision',
    },
  },
  {
    heading: PSL,
    law: PSL,
    articles: ['第二十四条'],
    item: { 'zh-CN': '被开除的公职人员不得录用为公务员及参公人员', en: 'an expelled official may not be recruited as a civil servant or 参公 staff' },
    clauses: ['PSL-24'],
    beyondNational: true,
  },
  {
    heading: PSL,
    law: '公务员职务与职级并行规定（2019）',
    articles: ['第二十一条'],
    item: { 'zh-CN': '涉嫌违纪违法正在接受审查调查尚未作出结论的，不得晋升职级（secondary）', en: 'no promotion in rank while under review or investigation with no conclusion (secondary)' },
    clauses: ['PAR-21-3'],
    notEncoded: { 'zh-CN': '其余各项（任职年限、影响期）不是立案状态，本库不据此判断', en: 'its other items (years in post, periods of effect) are not about an open case and are not decided here' },
    beyondNational: true,
  },
  {
    heading: PSL,
    law: PSL,
    articles: ['第五十五条', '第五十六条'],
    item: { 'zh-CN': '复审、复核期间不停止原决定的执行；不因申请而加重', en: 'review does not suspend the decision, nor make it heavier' },
    clauses: ['PSL-56'],
  },
  {
    heading: PSL,
    law: PSL,
    articles: ['第五十七条'],
    item: { 'zh-CN': '复审、复核机关撤销原决定，重新作出决定', en: 'the reviewing body revokes the decision and decides anew' },
    clauses: ['PSL-57'],
  },
  {
    heading: REG07,
    law: REG07,
    articles: ['第七条'],
    item: { 'zh-CN': '处分期间（2020-07-01 前作出的处分）', en: 'the periods (sanctions decided before 2020-07-01)' },
    clauses: ['REG07-7'],
  },
  {
    heading: REG07,
    law: REG07,
    articles: ['第八条'],
    item: { 'zh-CN': '行政机关公务员受处分期间不得晋升；记过以上不得晋升工资档次', en: 'civil servants of administrative organs: no promotion during the period; no salary step for 记过 and above' },
    clauses: ['REG07-8'],
    notEncoded: { 'zh-CN': '受撤职处分的降低级别：人事处理，由宿主执行', en: 'lowering the grade on 撤职: a personnel act the host carries out' },
  },
  {
    heading: REG07,
    law: REG07,
    articles: ['第十条'],
    item: { 'zh-CN': '多个相同处分的处分期（第一款）；处分期内受新处分的，为尚未执行的期限与新处分期之和（第二款），最长 48 个月（第三款）', en: 'several sanctions of one kind (para. 1); a new sanction during a period runs for the remainder plus its own (para. 2), at most 48 months (para. 3)' },
    clauses: ['REG07-10-1', 'REG07-10-2', 'REG07-10-3'],
  },
  {
    heading: REG07,
    law: REG07,
    articles: ['第九条'],
    item: { 'zh-CN': '开除：自决定生效之日起解除人事关系，不得再担任公务员职务（第一款）；处分期满解除（第二款）', en: 'expulsion: the personnel relationship ends the day it takes effect, no civil-service post again (para. 1); lifting at the end of the period (para. 2)' },
    clauses: ['REG07-9-1', 'REG07-9-2'],
  },
  {
    heading: REG07,
    law: REG07,
    articles: ['第三十八条'],
    item: { 'zh-CN': '立案调查期间不得交流、出境、辞去公职或者办理退休手续（第二款）：不限制晋升', en: 'while a case is open: no transfer, leaving the country, resignation or retirement (para. 2); promotion is not barred' },
    clauses: ['REG07-38-2'],
    notEncoded: { 'zh-CN': '出境、辞去公职、退休不是本库的事项；暂停履行职务（第一款）是任免机关的决定', en: 'leaving the country, resigning and retiring are not actions here; suspension from duty (para. 1) is the appointing body\'s decision' },
  },
  {
    heading: REG07,
    law: REG07,
    articles: ['第四十九条', '第五十条'],
    item: { 'zh-CN': '复核、申诉机关撤销或者变更处分决定', en: 'the review or appeal body revokes or changes the decision' },
    clauses: ['REG07-49', 'REG07-50'],
    beyondNational: true,
  },
  {
    heading: REG07,
    law: REG07,
    articles: ['第五十四条'],
    item: { 'zh-CN': '参照公务员法管理的事业单位工作人员参照本条例', en: 'staff managed under the Civil Servant Law follow the regulation' },
    clauses: ['REG07-54'],
    beyondNational: true,
  },
  {
    heading: AR,
    law: AR,
    articles: ['第二十八条'],
    item: { 'zh-CN': '立案审查调查尚未结案的，不写评语、不确定等次；结案后补定等次', en: 'under investigation: no comment and no grade; after closing, the grade is set' },
    clauses: ['AR-28', 'AR-28-2', 'AR-28-3'],
  },
  {
    heading: AR,
    law: AR,
    articles: ['第二十九条'],
    item: {
      'zh-CN': '受警告处分的当年不得确定为优秀（一）；实务表格（secondary，2021 年及以后的考核，政策 assessmentReading）：记过当年、记大过降级撤职当年及第二年不确定等次，调整职务当年不得优秀，责令辞职免职降职当年不确定等次；几种情形并存的，按较重的处理',
      en: '警告: not 优秀 in its year (一); practice tables (secondary, reviews of 2021 on, policy assessmentReading): no grade in the year of a 记过, in the year of a 记大过/降级/撤职 and the next, in the year of an order to resign, removal from post or demotion; a post adjustment bars 优秀 that year; where several apply the heavier decides',
    },
    clauses: ['AR-29', 'AR-29-2', 'AR-29-3', 'AR-29-4', 'AR-29-5'],
    notEncoded: {
      'zh-CN': '“较重的决定”无需单独规则：决定的结论本来就是各理由中最严重的',
      en: '"the heavier decides" needs no rule of its own: a decision\'s verdict is the most severe of its reasons',
    },
  },
  {
    heading: AR,
    law: '公务员考核规定（试行）（2007）',
    articles: ['第二十五条'],
    item: { 'zh-CN': '（一）受警告处分的当年不得确定为优秀；（二）受记过以上处分的期间只写评语、不定等次，解除当年及以后不受影响（secondary）', en: '(1) 警告: not 优秀 in its year; (2) 记过 and above: during the period a comment only and no grade, unaffected from the year it lifts (secondary)' },
    clauses: ['AR07-25-1', 'AR07-25-2'],
  },
  {
    heading: '全国年节及纪念日放假办法',
    law: '全国年节及纪念日放假办法（2024修订；2013、2007、1999）',
    articles: ['第二条', '第六条'],
    item: { 'zh-CN': '全体公民放假的节日及天数；适逢周六、周日的在工作日补假；调休由每年的通知安排', en: 'the days every citizen has off; one on a Saturday or Sunday is made up on a working day; the annual notice sets the 调休' },
    clauses: [],
    beyondNational: true,
    notEncoded: {
      'zh-CN': '不是规则包条款：日历的 statutory 模式（unknownYears / unknownCalendarYears）按它推算没有通知的年份（src/calendar/_internal/statutory/holidayLaw.ts；2024、2013 年文本见 law/全国年节及纪念日放假办法.md，2007、1999 年为 secondary），结果标为暂定',
      en: "not a pack clause: the calendar's statutory mode (unknownYears / unknownCalendarYears) estimates a year without a notice from it (src/calendar/_internal/statutory/holidayLaw.ts; the 2024 and 2013 texts in law/全国年节及纪念日放假办法.md, 2007 and 1999 secondary), flagged provisional",
    },
  },
  {
    heading: 'Date arithmetic in law',
    law: '中华人民共和国民法典',
    articles: ['第二百零一条', '第二百零三条'],
    item: { 'zh-CN': '期间开始的当日不计入；最后一日是法定休假日的顺延', en: 'the start day is not counted; a last day on a public holiday rolls to the next working day' },
    clauses: ['CC-201', 'CC-203'],
  },
  {
    heading: 'Date arithmetic in law',
    law: '中华人民共和国民法典',
    articles: ['第二百零二条'],
    item: { 'zh-CN': '按月计算的期间至到期月的对应日，没有对应日的为月末日', en: 'a period in months ends on the corresponding day, or the month\'s last day' },
    clauses: ['CC-202'],
    beyondNational: true,
  },
  {
    heading: 'Date arithmetic in law',
    law: '中华人民共和国行政许可法',
    articles: ['第八十二条'],
    item: { 'zh-CN': '期限以工作日计算，不含法定节假日', en: 'time limits in working days, public holidays excluded' },
    clauses: ['ALL-82'],
  },
  {
    heading: 'Credit-repair norms beyond the seeds',
    law: '国办发〔2025〕22号',
    articles: [],
    item: { 'zh-CN': '失信信息分轻微、一般、严重三类及其公示期', en: 'minor, general and serious 失信 information and their publicity periods' },
    clauses: ['GBF-2025-22'],
  },
  {
    heading: 'Credit-repair norms beyond the seeds',
    law: '山东、河南、上海、浙江、深圳的社会信用条例',
    articles: ['第三十九条', '第四十一条', '第四十三条', '第三十六条', '第三十一条', '第五十一条'],
    item: { 'zh-CN': '各省市异议处理期限（工作日）', en: 'provincial objection deadlines (working days)' },
    clauses: [],
    notEncoded: {
      'zh-CN': '五份文件所在地（吉林通化、广东、天津滨海、云南、内蒙古）不在其中，NATIONAL.md 要求编码前核实原文；这些地方的宿主可用 objectionReplyWorkingDays、platformReportWorkingDays 设定',
      en: 'none of the five documents\' jurisdictions (Tonghua, Guangdong, Binhai, Yunnan, Inner Mongolia) is among them, and NATIONAL.md asks for the text to be verified first; a host there sets objectionReplyWorkingDays and platformReportWorkingDays',
    },
  },
];
