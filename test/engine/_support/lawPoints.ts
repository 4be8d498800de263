/**
 * The points of the law-semantics issues (10, 11, 12 "policy", 16, 20, 24) that golden cases under
 * `test/cases/law/` are named for: every case's name starts with its point id ("10.1.1 …"), and
 * golden.test.ts checks that every point has a firing, a non-firing and a boundary case.
 * Bullets of a numbered point get a third number, in the order the issue lists them.
 */
export const LAW_POINTS: Record<string, string> = {
  // Issue 10: law-correct record semantics
  '10.1.1': '在履职过程中: a record with inOfficialDuty false is not a 政务失信记录; the decision names it in a note',
  '10.1.2': 'inOfficialDuty absent: policy unknownDutyContext decides, with its documented default, noted',
  '10.1.3': 'rules that do not rest on the definition (statutory 处分 effects, YN-2, GD-8, 公务员法 26) reach the record whatever the flag; a rule that does not say is refused',
  '10.2.1': 'a rule keyed on a sanction is dated by the sanction\'s effective day (政务处分法 8), not the conduct',
  '10.2.2': 'a rule keyed on a credit record is dated by the failure (occurredOn)',
  '10.2.3': 'the trigger is explicit per rule and checked at pack load',
  '10.3.1': 'an objection answered corrected / revoked removes the record\'s effects under the local packs',
  '10.3.2': 'statutory effects of a 处分 end only by sanction-revoked / sanction-changed; a pending review never suspends them',
  '10.3.3': 'the recording authority corrects or revokes its own record (record-corrected, with who); a reply with no objection stays an error',
  '10.4': 'a sanction-lifted event before the period\'s last day is refused, naming the record and the earliest lawful day',
  '10.5.1': '记过、记大过、降级、撤职: during the period annual-rating (no grade) and excellent-rating are barred',
  '10.5.2': '诫勉 and 组织处理 bar 优秀 in their year',
  '10.5.3': 'clauses from a secondary source are marked so in the decision\'s citation',
  '10.5.4': '开除, 因犯罪受过刑事处罚, 被开除党籍 bar recruitment as a civil servant (公务员法 26)',
  '10.6.1': 'self-correction and occurredOn absent: after the decision qualifies; before it, the failure day is unknown',
  '10.6.2': 'mitigation status messages say why in words that match the status',
  '10.6.3': 'notes describe the record as it stands on asOf (no "no objection deadline" for an answered objection)',
  // Issue 11: pack fidelity
  '11.1': 'Tonghua TH-2 first sentence: review for annual-rating and excellent-rating',
  '11.2': 'Yunnan YN-2 counts a 失信被执行人 (judgment-defaulter) and lists it as a record kind',
  '11.3': '评优评先 and 荣誉评选 for persons: a document limiting one limits the other (TH-2, GD-4, TJB-3, YN-4, NM-4)',
  '11.4': 'every national clause of NATIONAL.md is encoded or explained (公务员法 26 (四), 考核规定 28)',
  '11.5': 'YN-3 bars the departments concerned, not the people\'s government itself',
  '11.6': 'GD-6 asks for a mechanism: rectification is owed where ordered; no invented due date',
  '11.7': 'NM-7 arrears are records of bodies only',
  '11.8': '公务员法 26 recruitment: the note about public-institution staff does not contradict the bar',
  '11.9': 'TJB-2 / YN-3 keep barred, noting that the text ties the measures to 损失情况和社会影响程度',
  '11.10': 'citations by date: 政务处分法 19 from 2020-07-01, the 2007 regulation before',
  '11.11': 'paraphrased national quotes are marked so in the decision',
  '11.12': 'record lifetime: none by default (said plainly in the note); by severity as an option (国办发〔2025〕22号)',
  // Issue 12: policy that lowers a statutory bar
  '12.1': 'every policy value a decision used is noted with its source: library default, pack, host or query',
  '12.2': 'a pack may not lower a statutory consequence by policy except where the law leaves it open, and then the note cites that law',
  // Issue 16: the national baseline from the statute text
  '16.1.1': 'a combined period the deciding body fixed (periodMonths) is used within the bounds; outside them it is a typed error naming the bounds',
  '16.1.2': 'without it: barred through one period, review (uncertain) through the capped sum, clearFrom after the latest end',
  '16.1.3': 'a host may choose one reading (sum-capped-48, longest); the note cites 政务处分法 15 as leaving it open',
  '16.2': '政务处分法 20 reaches managers of public institutions and staff of authorised organisations; the note names only those not reached',
  '16.3.1': 'a 处分 decided before 2020-07-01 takes its effects from 行政机关公务员处分条例 7 and 8 and cites it',
  '16.3.2': 'a new 处分 during a running period before 2020-07-01: the remainder plus the new period, at most 48 months (条例 10)',
  // Issue 20: a person's status, not only sanction periods
  '20.1.1': '立案调查: from the day a case is opened until it is closed, no promotion, salary step, transfer (appointment) or reward (awards, honour selection) under 政务处分法 52, in every pack',
  '20.1.2': 'a case is cited by the day it was opened: before 2020-07-01 条例 38 (transfers only), not 52',
  '20.1.3': 'closing a case ends its bars; a sanction outcome hands over to the sanction record (policy investigationHandover), noted',
  '20.1.4': 'other bars tied to an open case, verified or marked secondary (公务员职务与职级并行规定 21)',
  '20.2': '开除: from the effective day every action in the service is barred, as a status with no clearFrom',
  '20.3.1': '考核规定 28 looks at the case on the day the review is held, whatever the annual window',
  '20.3.2': 'after the case closes the year left ungraded is graded (no sanction, warning: not 优秀) or stays ungraded (heavier)',
  '20.4': 'reviews of 2021 on follow the 2020 reading (policy assessmentReading, both secondary, noted); earlier ones the 2007 rule',
  '20.5': 'a 从轻 decision on a yes/no measure applies only the lighter measure the body names; graded measures keep policy lighterLowersTo',
  '20.6': 'a mitigation decision applies to the measures (actions) it names; none named: policy mitigationScope, noted',
  '20.7.1': 'TJB-4 (按照有关规定) does not bar 优秀 for a sanction in the year it lifts',
  '20.7.2': 'GD-7: a rectification due on a holiday rolls to the next working day (民法典 203)',
  '20.7.3': 'NM-4 public criticism and accountability are duties of bodies, not of civil servants',
  '20.7.4': 'NM-3 credit check and priority reach honour selection as well as awards',
  '20.7.5': 'citation marks: 政务处分法 19 verified, 56 under its own number, 民法典 202 a clause, 考核规定 28/29 secondary',
  // Issue 24: the law in data
  '24.1': 'each sanction period cites the clause its statute\'s facts name (law/*.json), chosen by the day the sanction took effect',
};

/** The point a case is named for ("10.1.1 a personal traffic fine …" → "10.1.1"), or null. */
export function pointOf(name: string): string | null {
  const m = /^(\d+(?:\.\d+)*) /.exec(name);
  return m && m[1]! in LAW_POINTS ? m[1]! : null;
}
