import type { LocalizedText } from '../../../model/errors.js';

/** The coverage error's advice in 'statutory' mode, for a year before the oldest version of the 办法 encoded. */
export function statutoryCoverageAdvice(firstYear: number): LocalizedText {
  return {
    'zh-CN': `unknownYears 为 'statutory' 时也不推算该年：本库收录的《全国年节及纪念日放假办法》自 ${firstYear} 年起适用。请用 withSchedule 或 schedules 选项添加该年安排，或改用 unknownYears: 'weekends-only'（结果标为暂定）。`,
    en: `The 'statutory' mode does not estimate it either: the versions of the 全国年节及纪念日放假办法 encoded apply from ${firstYear}. Add the year's schedule with withSchedule or the schedules option, or use unknownYears: 'weekends-only' (answers flagged provisional).`,
  };
}
