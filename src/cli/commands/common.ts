import { isIsoDate, shanghaiDateOf } from '../../_lib/days.js';
import { getPack } from '../../packs/getPack.js';
import { listPacks } from '../../packs/listPacks.js';
import { resolvePack } from '../../packs/internal.js';
import { loadPack } from '../../packs/loadPack.js';
import { parsePack } from '../../model/parse.js';
import type { Pack } from '../../model/pack.js';
import { GovCreditError, InvalidInputError, issuesFromZod } from '../../model/errors.js';
import { PolicyOverridesSchema, type PolicyOverrides } from '../../model/policy.js';
import { ACTIONS, ANNUAL_REVIEW_ACTIONS, type Action } from '../../model/vocabulary.js';
import { list, oneOf, str, strs, type Parsed } from '../_internal/args.js';
import { CliError, EXIT, usageError } from '../_internal/exit.js';
import { readConfigJson } from '../_internal/input.js';
import { jsonSyntaxError } from '../_internal/jsonSyntax.js';
import type { WorkerSetup } from '../_internal/pool.js';
import type { QueryDefaults } from '../_internal/queries.js';
import { configureCalendar, scheduleFiles, UNKNOWN_YEARS_VALUES, type CalendarSetup } from '../_internal/schedules.js';
import { closest, packIds, withSuggestions } from '../_internal/suggest.js';

/** Options of every command that counts days: schedule files and the unknown-years mode. */
export const CALENDAR_OPTIONS = {
  schedule: { type: 'string', multiple: true },
  'unknown-years': { type: 'string' },
} as const;

/** Options shared by `evaluate` and `batch`. */
export const QUERY_OPTIONS = {
  pack: { type: 'string' },
  action: { type: 'string' },
  'as-of': { type: 'string' },
  year: { type: 'string' },
  policy: { type: 'string' },
  load: { type: 'string', multiple: true },
  ...CALENDAR_OPTIONS,
} as const;

/**
 * `--schedule <file>` (repeatable, after those in GOV_CREDIT_SCHEDULES) and `--unknown-years`: the
 * calendar of this run, validated now (exit 2 naming the file).
 */
export function calendarArgs(p: Parsed): CalendarSetup {
  const setup: CalendarSetup = {
    schedules: scheduleFiles(strs(p, 'schedule')),
    unknownYears: oneOf(p, 'unknown-years', UNKNOWN_YEARS_VALUES, 'error'),
  };
  configureCalendar(setup);
  return setup;
}

/** A date argument: `YYYY-MM-DD`, or `today` (the civil date in Asia/Shanghai, whatever the host's zone). */
export function dateArg(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (value === 'today') return shanghaiDateOf(new Date())!;
  if (!isIsoDate(value)) {
    throw usageError(`--${name} 应为真实日期 YYYY-MM-DD 或 today，收到"${value}"`, `--${name} must be a real date YYYY-MM-DD or today, got "${value}"`);
  }
  return value;
}

export function yearArg(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value) || Number(value) < 1949 || Number(value) > 2200) {
    throw usageError(`--year 应为 1949 到 2200 之间的年份，收到"${value}"`, `--year must be a year from 1949 to 2200, got "${value}"`);
  }
  return Number(value);
}

/** Loads the host packs named by `--load`, returning their JSON (workers load them too). */
export function loadPacks(paths: string[]): unknown[] {
  const out: unknown[] = [];
  for (const p of paths) {
    const json = readConfigJson(p);
    try {
      loadPack(json);
    } catch (e) {
      if (e instanceof GovCreditError) throw withPrefix(e, p);
      throw e;
    }
    out.push(json);
  }
  return out;
}

function withPrefix(e: GovCreditError, file: string): CliError {
  return CliError.from(e, EXIT.usage, { file });
}

/** A pack id that names a shipped or loaded pack, else exit 2 (with the closest id). */
export function packIdArg(id: string, option = '--pack'): string {
  try {
    getPack(id);
    return id;
  } catch (e) {
    if (!(e instanceof GovCreditError)) throw e;
    const near = closest(id, packIds());
    const issues = e.issues.map((i) => ({ ...i, path: [option], ...(near ? { suggestion: near } : {}) }));
    throw CliError.from(e, EXIT.usage, { issues });
  }
}

/** Pack ids from `--pack a,b` or `all`, each checked to exist (exit 2 otherwise). */
export function packsArg(p: Parsed): string[] | null {
  const ids = list(p, 'pack');
  if (!ids) return null;
  if (ids.length === 0) throw usageError('--pack 不能为空', '--pack cannot be empty');
  if (ids.length === 1 && ids[0] === 'all') return listPacks().map((x) => x.id);
  return ids.map((id) => packIdArg(id));
}

export function actionsArg(p: Parsed): Action[] | 'all' | null {
  const a = list(p, 'action');
  if (!a) return null;
  if (a.length === 1 && a[0] === 'all') return 'all';
  for (const x of a) {
    if (!(ACTIONS as readonly string[]).includes(x)) {
      const near = closest(x, [...ACTIONS, 'all']);
      throw usageError(`未知事项"${x}"；可用：${ACTIONS.join('、')}、all`, `unknown action "${x}"; known: ${ACTIONS.join(', ')}, all`, near ? { suggestion: near } : {});
    }
  }
  return a as Action[];
}

/** `--policy '{"pendingObjection":"suspends"}'` or `--policy @policy.json`, validated. */
export function policyArg(p: Parsed): PolicyOverrides | null {
  const v = str(p, 'policy');
  if (v === undefined) return null;
  let json: unknown;
  if (v.startsWith('@')) json = readConfigJson(v.slice(1));
  else {
    try {
      json = JSON.parse(v);
    } catch {
      const why = jsonSyntaxError(v, { line: false });
      throw usageError(`--policy 不是有效的 JSON：${why['zh-CN']}`, `--policy is not valid JSON: ${why.en}`, { code: 'invalid_json' });
    }
  }
  const r = PolicyOverridesSchema.safeParse(json, { reportInput: true });
  if (!r.success) {
    const err = new InvalidInputError(issuesFromZod(r.error.issues, ['policy']));
    throw CliError.from(err, EXIT.usage, { code: 'invalid_policy', issues: withSuggestions(err.issues, { policy: json }) });
  }
  return r.data;
}

/** Every query option at once: loads `--load` packs first so `--pack` can name them. */
export function queryDefaults(p: Parsed, opts: { yearFromInput?: boolean } = {}): { defaults: QueryDefaults; setup: WorkerSetup } {
  const loads = loadPacks(strs(p, 'load'));
  const calendar = calendarArgs(p);
  const defaults: QueryDefaults = {
    packs: packsArg(p),
    actions: actionsArg(p),
    asOf: dateArg(str(p, 'as-of'), 'as-of') ?? null,
    year: yearArg(str(p, 'year')) ?? null,
    policy: policyArg(p),
    unknownYears: calendar.unknownYears === 'error' ? null : calendar.unknownYears,
  };
  if (!opts.yearFromInput) requireYear(defaults);
  return { defaults, setup: { loads, calendar } };
}

/** An annual review asked on the command line needs the assessment year (exit 2 otherwise). */
export function requireYear(defaults: QueryDefaults): void {
  if (Array.isArray(defaults.actions) && defaults.year === null) {
    const annual = defaults.actions.filter((a) => ANNUAL_REVIEW_ACTIONS.includes(a));
    if (annual.length) {
      throw usageError(`事项 ${annual.join('、')} 是年度考核，须用 --year 给出考核年度`, `${annual.join(', ')} is an annual review: give the assessment year with --year`);
    }
  }
}

/**
 * Validates a pack file as `loadPack` does (shape, references, `extends`) without registering it,
 * so a modified copy of a shipped pack (same id) can be shown or compared.
 */
export function checkPackFile(json: unknown): Pack {
  const pack = parsePack(json);
  resolvePack(pack);
  return pack;
}
