/**
 * The readings issue 20 added (a person's status, not only sanction periods): each with the clause it
 * rests on, whose quote and source are taken from the national pack, and how the library reads it.
 * scripts/gen-docs.ts renders them in docs/actions.md and docs/clauses.md.
 */
export interface StatusReading {
  /** What the reading is about, in a few words. */
  topic: string;
  /** The cn-national clauses it rests on (their quote, source and verification come from the pack). */
  clauses: string[];
  /** How the library reads them: which actions, from when to when, with which policy. */
  reading: string;
}

export const STATUS_READINGS: StatusReading[] = [
  {
    topic: '立案调查: what 晋升 and 奖励 reach',
    clauses: ['PSL-52-2', 'CSL-53', 'CSL-69-3', 'CSL-71'],
    reading:
      'From the day the case is opened (the record\'s `decidedOn`) until the day it is closed (`investigation-closed`), the organ may not 交流, 晋升 or 奖励 the person. 晋升 reaches `promotion` and, since the same law speaks of 晋升 of the salary step and pay grade (政务处分法 19, 26), `salary-step`; 奖励 reaches `awards` and `honour-selection` (公务员法 53: 奖励 includes 授予称号); 交流 is 调任 and 转任, and an appointment of a serving civil servant to another post other than a promotion is a 转任, within the organ too (公务员法 69, 71), so `appointment` is reached. `recruitment`, `excellent-rating` and `annual-rating` are not (the last two are 考核规定 28\'s). Reaches 公务员, 参公 staff and the 政务处分法 20 roles (`publicServiceRole`). No `clearFrom` while the case is open.',
  },
  {
    topic: '立案调查 before 2020-07-01',
    clauses: ['REG07-38-2'],
    reading:
      'A case is cited by the day it was opened, as a sanction by its decision: one opened 2007-06-01..2020-06-30 follows 行政机关公务员处分条例 38 for as long as it stays open, which bars 交流 (`appointment`) only — not promotion or rewards; 政务处分法 52 does not reach it (a `before-rule` note says so).',
  },
  {
    topic: '立案调查: other bars (secondary)',
    clauses: ['PAR-21-3'],
    reading:
      '公务员职务与职级并行规定 (2019) 21 (三), read only in a news reproduction: no promotion in rank (职级) while under review with no conclusion, from 2019-06-01, whenever the case was opened (a status rule). Marked secondary in the pack and every decision. The 2019 党政领导干部选拔任用工作条例 第二十四条 (不得列为考察对象), as one public page reproduces it, lists no open-investigation ground of its own (only 影响期未满 and 其他原因), and its text is not in the law corpus, so nothing is encoded from it; 公务员法 86 (四) bars resignation, which is not an action here.',
  },
  {
    topic: '结案: hand-over to the sanction',
    clauses: ['PSL-52-2', 'AR-28-2'],
    reading:
      'Closing the case (`investigation-closed` with `outcome` no-sanction, warning or sanctioned) ends its bars on the closing day; the sanction it led to is a record of its own, named by `sanctionRecord`, whose rules govern from its decision. The documents do not say what holds between the closing and the sanction taking effect: policy `investigationHandover` (`at-closure` default, or `until-sanction-decided`), noted in the decision with the sanction record it hands over to (or a request to enter it).',
  },
  {
    topic: '开除: a status, not a period',
    clauses: ['PSL-26-1', 'REG07-9-1'],
    reading:
      'From the day the expulsion takes effect the personnel relationship has ended: every action in the service (`promotion`, `appointment`, `salary-step`, `excellent-rating`, `annual-rating`, `awards`, `honour-selection`) is barred, with no `clearFrom` (nothing lifts it); `recruitment` stays barred by 公务员法 26 (三) and 政务处分法 24. Cited by the decision day: 条例 9 for expulsions of civil servants of administrative organs decided 2007-06-01..2020-06-30, 政务处分法 26 from 2020-07-01. A revocation or change on review ends it.',
  },
  {
    topic: '考核规定 28: the review day',
    clauses: ['AR-28', 'AR-28-2', 'AR-28-3'],
    reading:
      'Whether a case is open is read on the day the review is held (`asOf`), whatever `annualReviewWindow` says about records in the year: a case opened 2026-01-06 bars a 2025 review held 2026-01-12. After the case closes, the years left ungraded while it was open (`ungradedYears` on the closing event) are graded afterwards after a no-sanction or warning outcome (a 警告 still bars 优秀) and stay ungraded after a heavier sanction. Secondary: the enacted 2020 text was not found.',
  },
  {
    topic: 'The assessment rules by year',
    clauses: ['AR07-25-2', 'AR-29-3', 'AR-29-4', 'AR-29-5', 'AR-29-2'],
    reading:
      'Reviews of 2020 and before follow the 2007 试行 rule (no grade during a 记过 … 撤职 period, unaffected from the year it lifts). Reviews of 2021 on follow policy `assessmentReading`: `calendar-years` (default; the practice tables: 记过 当年, 记大过/降级/撤职 当年及第二年 no grade; 免职/降职/责令辞职 当年 no grade; 调整职务 当年 not 优秀) or `sanction-period` (the 2007 structure). Both are secondary, cited as such, and every annual decision they decide carries the policy note. The heavier effect wins where several apply, since a verdict is the most severe of its reasons.',
  },
];
