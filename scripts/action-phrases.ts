/**
 * The phrases the documents (the five seeds and the national law) use for each action, with how
 * the library reads them. scripts/gen-docs.ts renders docs/actions.md from this and the packs: the
 * clauses that use each phrase are found in the quotes, not listed here.
 */
import type { Action } from '../src/model/vocabulary.js';

export interface ActionPhrase {
  phrase: string;
  reading: string;
}

export const ACTION_PHRASES: Record<Action, ActionPhrase[]> = {
  'excellent-rating': [{ phrase: '优秀等次', reading: 'the excellent grade of the annual review (不得/不能确定为优秀等次)' }],
  'annual-rating': [
    { phrase: '年度考核', reading: 'the annual review itself: whether a grade (等次) can be set' },
    { phrase: '等次', reading: 'the grade; 不定等次 / 不确定等次 bars setting any grade (考核规定 28, 2007 试行 25 (二))' },
    { phrase: '评语', reading: '只写评语: a comment only, no grade' },
    { phrase: '考核', reading: '干部考核 / 考核、使用、奖惩: the assessment the record is weighed in (TH-2, TJB-3)' },
  ],
  promotion: [
    { phrase: '晋升', reading: '晋升职务、职级、级别 (公务员法 64, 政务处分法 19, 条例 8); 职务、岗位和职员等级、职称 for 政务处分法 20' },
    { phrase: '升迁', reading: 'promotion (TH-2)' },
    { phrase: '提拔', reading: 'promotion to a leading post (YN-2: 不予晋升、提拔)' },
    { phrase: '职级', reading: '晋升职级: promotion in rank (公务员法 64; 公务员职务与职级并行规定 21, secondary): part of promotion' },
  ],
  'salary-step': [
    { phrase: '工资档次', reading: 'the salary step of civil servants (公务员法 64, 政务处分法 19, 条例 8)' },
    { phrase: '薪酬待遇等级', reading: 'the pay grade of staff reached by 政务处分法 20: asked as salary-step' },
    { phrase: '晋升', reading: 'the unqualified 晋升 that 政务处分法 52 bars during an investigation: the same law speaks of 晋升 of the salary step (19, 26), so salary-step too' },
  ],
  appointment: [
    { phrase: '任用', reading: 'appointment to a post (TH-2)' },
    { phrase: '使用', reading: '考核、使用、奖惩: the use of a cadre, read as appointment and promotion (TJB-3)' },
    { phrase: '交流', reading: '交流 (调任、转任, 公务员法 69): an appointment of a serving civil servant to another post other than a promotion is a 转任, within the organ too (公务员法 71) — barred while a case is open (政务处分法 52; 条例 38 before 2020-07-01)' },
    { phrase: '人事关系', reading: '解除人事关系 (开除, 政务处分法 26, 条例 9): from that day no action in the service is open' },
  ],
  awards: [
    { phrase: '评优评先', reading: 'selection for awards and merit; for a person also honour selection (TH-2, GD-4, YN-4, NM-3)' },
    { phrase: '推选推荐', reading: 'nominations (GD-4)' },
    { phrase: '奖惩', reading: '考核、使用、奖惩 / 考核、任用和奖惩: rewards, read as awards and honour selection (TJB-3, TH-2)' },
    { phrase: '表彰奖励', reading: 'commendations and awards; an honour title earns an incentive (TH-4)' },
    { phrase: '奖励', reading: '奖励 (政务处分法 52 during an investigation): 嘉奖、记功、授予称号 (公务员法 53), read as awards and honour selection' },
  ],
  'honour-selection': [
    { phrase: '荣誉评选', reading: '参加各类荣誉评选资格: eligibility for honour selection, of bodies and (NM-4) persons' },
    { phrase: '评优评先', reading: 'for a person, 评优评先 limits honour selection as it limits awards' },
    { phrase: '表彰奖励', reading: 'for a person, awards and honour selection are both 表彰奖励' },
    { phrase: '授予称号', reading: 'an honour title is a 奖励 (公务员法 53): 政务处分法 52 bars it during an investigation' },
  ],
  recruitment: [{ phrase: '录用', reading: '不得录用为公务员 (公务员法 26): recruitment as a civil servant, whoever applies' }],
};
