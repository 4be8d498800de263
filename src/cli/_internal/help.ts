import { ACTIONS } from '../../model/vocabulary.js';
import { EXIT_DOCS } from './exit.js';
import { L, type Locale, type LocalizedText } from './i18n.js';
import { TEMPLATE_EXAMPLE } from './scheduleTemplate.js';
import { wrap, wrapCommand } from './text.js';

export interface HelpOption {
  flags: string;
  text: LocalizedText;
}

export interface CommandHelp {
  name: string;
  usage: string[];
  summary: LocalizedText;
  details?: LocalizedText;
  options: HelpOption[];
  examples: { cmd: string; text: LocalizedText }[];
}

export const BIN = 'gov-credit-rules';

const LOCALE_OPT: HelpOption = { flags: '--locale zh-CN|en', text: L('消息和表格的语言（默认 zh-CN；也可设环境变量 GOV_CREDIT_RULES_LOCALE）', 'language of messages and tables (default zh-CN; or set GOV_CREDIT_RULES_LOCALE)') };
const WIDTH_OPT: HelpOption = { flags: '--width <n>', text: L('表格和换行的宽度（列数，默认 100）', 'width of tables and wrapped text, in columns (default 100)') };
const DEBUG_OPT: HelpOption = { flags: '--debug', text: L('出错时打印堆栈', 'print stack traces on errors') };
const HELP_OPT: HelpOption = { flags: '-h, --help', text: L('显示本帮助', 'show this help') };
const COMMON = [LOCALE_OPT, WIDTH_OPT, DEBUG_OPT, HELP_OPT];

/** Options of every command that counts days. */
const CALENDAR_OPTS: HelpOption[] = [
  {
    flags: '--schedule <file>',
    text: L(
      '添加一年的节假日安排（JSON，格式见 schemas/schedule.schema.json；可重复；在环境变量 GOV_CREDIT_SCHEDULES 所列文件之后）',
      'add a year\'s holiday schedule (JSON, format: schemas/schedule.schema.json; repeatable; after the files in GOV_CREDIT_SCHEDULES)',
    ),
  },
  {
    flags: '--unknown-years <mode>',
    text: L(
      '<mode> 为没有节假日安排的年份的算法：error（默认，报错退出 2）；statutory（按《全国年节及纪念日放假办法》所定的节假日和周末暂算，未计通知的调休；回测中 89% 的期限与官方安排相同）；weekends-only（只按周一至周五计算，回测中 69% 相同）。暂算的结果标为暂定，并注明所用方式',
      '<mode> for a year without a holiday schedule: error (default, exit 2); statutory (count the days the 全国年节及纪念日放假办法 gives off and weekends, without the notice\'s make-up days; 89% of deadlines equal the official ones in the backtest); weekends-only (Monday–Friday; 69%). Estimated answers are flagged provisional, naming the mode',
    ),
  },
];

const QUERY_OPTS: HelpOption[] = [
  { flags: '--pack <id,…|all>', text: L('规则包（可多个，逗号分隔；all 为全部）；输入中自带的 pack 优先', 'pack(s), comma-separated, or all; a pack given in the input wins') },
  { flags: '--action <action,…|all>', text: L(`事项：${ACTIONS.join('、')}；all 为适用于该主体的全部事项`, `action(s): ${ACTIONS.join(', ')}; all = every action that applies to the subject's kind`) },
  { flags: '--as-of <YYYY-MM-DD|today>', text: L('查询日期（today 为北京时间今天）', 'the date asked about (today = today in Asia/Shanghai)') },
  { flags: '--year <YYYY>', text: L('考核年度（excellent-rating、annual-rating 必需）', 'assessment year (required by excellent-rating and annual-rating)') },
  { flags: '--policy <json|@file>', text: L('覆盖规则包的政策选项，如 \'{"pendingObjection":"suspends"}\'', 'policy overrides, e.g. \'{"pendingObjection":"suspends"}\'') },
  { flags: '--load <pack.json>', text: L('先载入宿主自己的规则包（可重复）', 'load a host pack first (repeatable)') },
  ...CALENDAR_OPTS,
];

const ENVIRONMENT: HelpOption[] = [
  { flags: 'GOV_CREDIT_RULES_LOCALE', text: L('默认语言（zh-CN 或 en）', 'default locale (zh-CN or en)') },
  {
    flags: 'GOV_CREDIT_SCHEDULES',
    text: L(
      '节假日安排文件的路径列表（同 PATH：POSIX 用 : 分隔，Windows 用 ;），每个计算日期的命令都会读取；--schedule 再添加',
      'a path list of holiday schedule files (like PATH: `:` on POSIX, `;` on Windows) that every command counting days reads; --schedule adds more',
    ),
  },
  { flags: 'GOV_CREDIT_RULES_NO_WORKERS=1', text: L('忽略 --workers，只用一个线程', 'ignore --workers and run on one thread') },
  { flags: 'GOV_CREDIT_RULES_TOKEN', text: L('serve 的访问令牌（请求须带 Authorization: Bearer <令牌>）', 'the access token of serve (requests must send Authorization: Bearer <token>)') },
  {
    flags: 'GOV_CREDIT_RULES_EVALUATOR=reference',
    text: L('批处理改用 json-rules-engine 参考评价器（默认用编译评价器，两者结论相同）', 'batch work uses the json-rules-engine reference evaluator (default: the compiled one; both decide the same)'),
  },
];

export const COMMANDS: CommandHelp[] = [
  {
    name: 'evaluate',
    usage: [`${BIN} evaluate <file|-> [options]`],
    summary: L('对一个查询作出决定', 'decide one query'),
    details: L(
      '输入为一个查询（含 subject）、一个主体、或 examples/subjects 中的示例文件；缺少的字段由选项补足。给出多个规则包或事项时，每种组合一个决定。当前目录下没有的 examples/ 路径，从本包自带的示例中读取。',
      'The input is a query (it has `subject`), a subject, or an example file from examples/subjects; options fill in the fields it leaves out. With several packs or actions, one decision per combination. A path under examples/ that is not in the current folder is read from the examples shipped with the package.',
    ),
    options: [
      ...QUERY_OPTS,
      {
        flags: '--format table|text|json',
        text: L(
          '输出格式（默认 table；text 为 explain() 的文字；json 为 Decision，多个时为数组，错误也以 JSON 写到标准错误）',
          'output (default table; text = explain(); json = the Decision, an array when several, and errors as JSON on stderr)',
        ),
      },
      ...COMMON,
    ],
    examples: [
      {
        cmd: `${BIN} evaluate examples/subjects/02-warning-this-year.json --pack cn-tj-binhai --action excellent-rating`,
        text: L('示例主体在滨海新区能否评为优秀（日期和年度取自示例文件）', 'can the example subject be rated excellent in Binhai (date and year from the example file)'),
      },
      {
        cmd: `cat query.json | ${BIN} evaluate - --format json --locale en`,
        text: L('从标准输入读查询，输出 JSON', 'a query on stdin, JSON out'),
      },
    ],
  },
  {
    name: 'batch',
    usage: [`${BIN} batch <roster.jsonl|-> [options]`],
    summary: L('逐行决定：每行一个主体或查询，输出 JSON Lines', 'decide line by line: one subject or query per line, JSON Lines out'),
    details: L(
      '标准输出：每个输入行恰好一行输出，按输入顺序，带行号：{"line":n,"status":"ok","decisions":[…]}（每个规则包 × 事项一个决定）；事项均不适用于该主体时 "status":"skipped"，并在 "skipped" 中说明跳过的事项及原因；空行 "status":"blank"；无效的行（不是 UTF-8、不是 JSON、被库拒绝）"status":"error","error":{code,…}，同时在标准错误报告行号。用 --decisions not-clear 或 none 时，"decisions" 换成 "results":[{pack,action,verdict,clearFrom,decision?}]（每个规则包 × 事项一个答复；clearFrom 在结论为 clear 时即查询日期；not-clear 只对结论不是 clear 的答复给出完整决定，none 都不给），汇总相同。只按 LF 分行（LF 前的一个 CR 去掉；单独的 CR 是 JSON 空白）。标准错误：进度条（仅终端）、无效行、结束时的汇总表（规则包 × 事项 × 结论）。标准输出的读取方提前关闭时停止并以 4 退出；标准错误的读取方关闭时照常完成。',
      'stdout: exactly one line per input line, in input order, with its number: {"line":n,"status":"ok","decisions":[…]} (one decision per pack × action); "status":"skipped" when no action asked applies to the subject, with "skipped" naming the actions and why; "status":"blank" for a blank line; "status":"error","error":{code,…} for a bad line (not UTF-8, not JSON, refused by the library), also reported with its number on stderr. With --decisions not-clear or none, "decisions" becomes "results":[{pack,action,verdict,clearFrom,decision?}] (one answer per pack × action; clearFrom is the date asked when clear; the full decision only for answers that are not clear with not-clear, never with none); the summary is the same. Lines end at LF only (one CR before it is dropped; a bare CR is JSON whitespace). stderr: a progress bar (terminals only), bad lines, and a summary table (pack × action × verdict) at the end. If stdout\'s reader goes away the run stops with exit 4; if stderr\'s does, it finishes.',
    ),
    options: [
      ...QUERY_OPTS,
      {
        flags: '--decisions all|not-clear|none',
        text: L(
          '每行给出什么：all（默认）每个完整决定；not-clear 每个规则包 × 事项的结论和 clearFrom（"results"），完整决定只给结论不是 clear 的；none 只给结论和 clearFrom（最快）',
          'what each line carries: all (default) every full decision; not-clear the verdict and clearFrom per pack × action ("results"), the full decision only where not clear; none verdicts and clearFrom only (fastest)',
        ),
      },
      { flags: '--workers <n>', text: L('工作线程数（worker_threads，经 piscina；输出顺序不变；默认 1；不超过本机核心数）', 'worker threads (worker_threads through piscina; output order kept; default 1; at most the machine\'s cores)') },
      { flags: '--strict', text: L('遇到第一个无效行即停止（退出码 1）', 'stop at the first bad line (exit 1)') },
      { flags: '--no-progress', text: L('不显示进度条', 'no progress bar') },
      { flags: '--quiet', text: L('不输出汇总表（无效行仍会报告）', 'no summary table (bad lines are still reported)') },
      {
        flags: '--format jsonl|json',
        text: L('json：标准错误上的无效行、警告、汇总和错误也写成 JSON，每行一个对象（标准输出总是 JSON Lines）', 'json: bad lines, warnings, the summary and errors on stderr as JSON too, one object per line (stdout is JSON Lines either way)'),
      },
      ...COMMON,
    ],
    examples: [
      {
        cmd: `${BIN} batch examples/roster.jsonl --pack cn-tj-binhai --action excellent-rating --as-of 2026-11-20 --year 2026 > decisions.jsonl`,
        text: L('花名册中每人能否评为优秀', 'excellent rating for everyone on the roster'),
      },
      {
        cmd: `${BIN} batch examples/roster.jsonl --pack all --action all --as-of 2026-11-20 --year 2026 --workers 2 > decisions.jsonl`,
        text: L('全部规则包 × 全部适用事项，两个线程', 'every pack × every applicable action, two threads'),
      },
      {
        cmd: `${BIN} batch examples/roster.jsonl --pack all --action all --as-of 2026-11-20 --year 2026 --decisions not-clear > screened.jsonl`,
        text: L('筛查花名册：每人每项的结论，理由只给结论不是 clear 的', 'screen the roster: every verdict, the reasons only where not clear'),
      },
    ],
  },
  {
    name: 'deadline',
    usage: [
      `${BIN} deadline --from <date> --working-days <n>`,
      `${BIN} deadline --objection-received <date> --pack <id> [--corrected-on <date>] [--working-days <n>]`,
      `${BIN} deadline --sanction <kind> --effective-on <date>`,
    ],
    summary: L('计算期限：跳过节假日的工作日、异议答复期限、处分期', 'deadlines: working days with holidays skipped, objection replies, disciplinary periods'),
    details: L(
      '起算日不计入（民法典 201）。以月历显示：> 起算日，o 计入的工作日，m 计入的调休上班日，h 跳过的节假日，w 跳过的周末，D 届满日。规则包没有答复期限条款时予以说明，只能由 --working-days（宿主政策）给出。',
      'The start day is not counted (民法典 201). Shown as a month calendar: > start, o counted working day, m counted make-up working day, h skipped holiday, w skipped weekend, D due day. A pack with no reply-deadline clause says so; a deadline then comes only from --working-days (host policy).',
    ),
    options: [
      { flags: '--from <date> --working-days <n>', text: L('从某日起 n 个工作日；负数往前数（写作 --working-days=-5）', 'n working days after a date; negative counts back (written --working-days=-5)') },
      { flags: '--objection-received <date> --pack <id>', text: L('异议答复期限（如 TH-9：15 个工作日）', 'objection reply due date (e.g. TH-9: 15 working days)') },
      { flags: '--corrected-on <date>', text: L('更正或撤销之日：同时计算报送省级信用平台期限（TH-10）', 'day of correction/revocation: also the provincial-platform report deadline (TH-10)') },
      { flags: '--sanction <kind> --effective-on <date>', text: L('处分期及限制解除日（warning、demerit、major-demerit、demotion、removal）', 'disciplinary period and the day the bar lifts (warning, demerit, major-demerit, demotion, removal)') },
      { flags: '--format table|json', text: L('输出格式（默认 table）', 'output (default table)') },
      { flags: '--no-calendar', text: L('不显示月历', 'no month calendar') },
      ...CALENDAR_OPTS,
      ...COMMON,
    ],
    examples: [
      { cmd: `${BIN} deadline --from 2026-09-28 --working-days 15`, text: L('跨国庆节的 15 个工作日', '15 working days across the National Day holiday') },
      { cmd: `${BIN} deadline --objection-received 2026-09-28 --pack cn-jl-tonghua`, text: L('通化：异议答复期限', 'Tonghua: objection reply due date') },
      {
        cmd: `${BIN} deadline --objection-received 2026-12-15 --pack cn-jl-tonghua --unknown-years statutory`,
        text: L('跨入尚无安排的下一年：按法定节假日暂算，标为暂定（2027-01-06）', 'into a year without a schedule yet: estimated from the statutory holidays, flagged provisional (2027-01-06)'),
      },
      {
        cmd: `${BIN} deadline --objection-received 2026-12-15 --pack cn-jl-tonghua --schedule examples/schedules/holidays-2027.example.json`,
        text: L(
          '用一年的安排文件计算（此文件是补全的示例，不是官方通知；真实文件用 schedule template 生成并按通知补全）',
          'counted with a schedule file (this one is a completed example, not the official notice; make a real one with schedule template and the notice)',
        ),
      },
      { cmd: `${BIN} deadline --from 2027-01-20 --working-days=-5 --unknown-years statutory`, text: L('往前数：某日之前 5 个工作日', 'counting back: 5 working days before a date') },
      { cmd: `${BIN} deadline --sanction demerit --effective-on 2026-03-15`, text: L('记过处分期', 'the period of a demerit') },
    ],
  },
  {
    name: 'packs',
    usage: [`${BIN} packs [--format table|json]`],
    summary: L('列出规则包及其文号', 'list the rule packs with their document numbers'),
    options: [{ flags: '--format table|json', text: L('输出格式（默认 table）', 'output (default table)') }, { flags: '--load <pack.json>', text: L('先载入宿主规则包（可重复）', 'load a host pack first (repeatable)') }, ...COMMON],
    examples: [{ cmd: `${BIN} packs --locale en`, text: L('英文列表', 'the list in English') }],
  },
  {
    name: 'pack show',
    usage: [`${BIN} pack show <id|pack.json> [--format table|json]`],
    summary: L('显示规则包：文件、条款原文、规则、减免、异议、政策默认值', 'show a pack: document, clauses with quotes, rules, mitigation, objections, policy defaults'),
    details: L('给出文件时先校验（与 loadPack 相同的检查）。', 'A file is validated first (the same checks as loadPack).'),
    options: [{ flags: '--format table|json', text: L('输出格式（默认 table；json 为校验后的规则包）', 'output (default table; json = the validated pack)') }, { flags: '--load <pack.json>', text: L('先载入宿主规则包（可重复）', 'load a host pack first (repeatable)') }, ...COMMON],
    examples: [
      { cmd: `${BIN} pack show cn-yn`, text: L('云南规则包', 'the Yunnan pack') },
      { cmd: `${BIN} pack show my-pack.json --locale en`, text: L('校验并显示宿主规则包', 'validate and show a host pack') },
    ],
  },
  {
    name: 'diff',
    usage: [`${BIN} diff <packA|a.json> <packB|b.json> [--runs <n>] [--seed <n>] [--roster <file.jsonl> --as-of <date> [--year <YYYY>]]`],
    summary: L('比较两个规则包：结构差异，以及哪些查询的决定因此不同', 'compare two packs: what changed, and which queries now decide differently'),
    details: L(
      '结构比较：元数据、条款、规则、减免、异议、政策。语义比较（测试工具 gov-credit-rules/testing 的 diffPacks，需要可选依赖 fast-check）：生成查询，分别用两个规则包决定，按变化分组并给出最小示例。给出 --roster 时，另比较花名册中每个查询的决定。两个规则包相同时退出码为 0，不同时为 1。',
      'Structural: metadata, clauses, rules, mitigation, objections, policy. Semantic (the testing kit\'s diffPacks, from gov-credit-rules/testing; needs the optional dependency fast-check): generated queries decided under both packs, grouped by what changed, each group with its smallest example. With --roster, every query of the roster is compared too. Exit 0 when the packs are the same, 1 when they differ.',
    ),
    options: [
      { flags: '--runs <n>', text: L('语义比较生成的查询数（默认 500）', 'generated queries for the semantic diff (default 500)') },
      { flags: '--seed <n>', text: L('语义比较的随机种子（默认固定，结果可重现）', 'seed of the semantic diff (fixed by default, so the output is reproducible)') },
      { flags: '--no-semantic', text: L('不做语义比较', 'skip the semantic diff') },
      { flags: '--roster <file.jsonl>', text: L('用花名册比较决定（每行一个主体或查询）', 'compare decisions over a roster (one subject or query per line)') },
      { flags: '--as-of, --year, --action, --policy', text: L('同 batch；--action 默认 all', 'as for batch; --action defaults to all') },
      ...CALENDAR_OPTS,
      { flags: '--limit <n>', text: L('最多列出 n 个不同的查询（默认 20）', 'list at most n differing queries (default 20)') },
      { flags: '--format table|json', text: L('输出格式（默认 table）', 'output (default table)') },
      ...COMMON,
    ],
    examples: [
      { cmd: `${BIN} diff rules/cn-gd.json my-cn-gd.json`, text: L('修改了哪些内容', 'what changed') },
      {
        cmd: `${BIN} diff cn-tj-binhai my-binhai.json --roster examples/roster.jsonl --as-of 2026-11-20 --year 2026`,
        text: L('哪些人的决定因此不同', 'whose decisions change'),
      },
    ],
  },
  {
    name: 'schedule template',
    usage: [`${BIN} schedule template <year> [--output <file>] [--force]`],
    summary: L('生成一年的节假日安排文件模板，供按国务院办公厅的通知补全', "write a year's holiday schedule file to complete from the State Council's notice"),
    details: L(
      `模板已填入该年《全国年节及纪念日放假办法》所定的节假日（第二条；适逢周末的，按第六条在其后第一个工作日补假），按节日分段；通知的文号、发布日期和调休上班日是占位符（如 ${'"2026-MM-DD"'}），补全前文件不会被接受。补全：在 source.notice、source.issuedOn 填入通知的文号和日期，在 workdays 列出调休上班日，并把各节假日的起止日改为通知的放假日。例如（示例数据，非官方）：source 为 { "notice": "${TEMPLATE_EXAMPLE.notice}", "issuedOn": "${TEMPLATE_EXAMPLE.issuedOn}" }，workdays 为 ${JSON.stringify(TEMPLATE_EXAMPLE.workdays)}。补全后的文件符合 schemas/schedule.schema.json，可用 --schedule 或环境变量 GOV_CREDIT_SCHEDULES 使用。该年 12 月之前一年的日期只能是与元旦相连的放假日和 12 月最后几天的调休上班日。`,
      `The template has the days the 全国年节及纪念日放假办法 fixes for the year (第二条; one that falls on a weekend gets a working day off after it, 第六条), one run per holiday; the notice's number, date and make-up working days are placeholders (such as ${'"2026-MM-DD"'}), so an unfinished file is refused. To complete it: put the notice's number and date in source.notice and source.issuedOn, list the make-up working days (调休上班) in workdays, and widen each holiday run to the days the notice gives off. For example (illustrative data, not the official notice): source { "notice": "${TEMPLATE_EXAMPLE.notice}", "issuedOn": "${TEMPLATE_EXAMPLE.issuedOn}" }, workdays ${JSON.stringify(TEMPLATE_EXAMPLE.workdays)}. The completed file follows schemas/schedule.schema.json; use it with --schedule or GOV_CREDIT_SCHEDULES. Days of the year before may only be days off joined to the New Year holiday and make-up days in December's last days.`,
    ),
    options: [
      { flags: '-o, --output <file>', text: L('写入文件（默认写到标准输出）；文件已存在时不覆盖', 'write to a file (default: stdout); an existing file is not overwritten') },
      { flags: '--force', text: L('覆盖已存在的 --output 文件', 'overwrite an existing --output file') },
      ...COMMON,
    ],
    examples: [
      { cmd: `${BIN} schedule template 2027 --output holidays-2027.json`, text: L('生成 2027 年模板，再按通知补全', 'a 2027 template to complete from the notice') },
      {
        cmd: `${BIN} deadline --objection-received 2026-12-15 --pack cn-jl-tonghua --schedule examples/schedules/holidays-2027.example.json`,
        text: L('使用补全的文件（示例文件：模板按上述示例数据补全，非官方）', 'use a completed file (the example: the template completed with the illustrative data above, not official)'),
      },
    ],
  },
  {
    name: 'demo',
    usage: [`${BIN} demo [--examples <dir>] [--workers <n>] [--no-roster]`],
    summary: L('演示：示例主体 × 全部规则包的结论表、花名册汇总、一个主体的时间线', 'demo: verdicts of the example subjects under every pack, a roster summary, one subject\'s timeline'),
    details: L(
      '读取本包自带的示例 examples/subjects/*.json 与 examples/roster.jsonl（或 --examples 指定的目录）。表格中 ✓/✗ 表示与示例文件中记载的预期结论是否一致。',
      'Reads the examples shipped with the package, examples/subjects/*.json and examples/roster.jsonl (or those in the folder --examples names). In the table, ✓/✗ mark agreement with the verdicts the example file expects.',
    ),
    options: [
      { flags: '--examples <dir>', text: L('示例目录（默认为本包的 examples/）', 'examples folder (default: the package\'s examples/)') },
      ...CALENDAR_OPTS,
      { flags: '--workers <n>', text: L('花名册汇总的工作线程数（默认 1）', 'worker threads for the roster summary (default 1)') },
      { flags: '--no-roster', text: L('不做花名册汇总', 'skip the roster summary') },
      ...COMMON,
    ],
    examples: [{ cmd: 'npm run demo', text: L('构建并运行演示', 'build and run the demo') }, { cmd: `${BIN} demo --locale en`, text: L('英文演示', 'the demo in English') }],
  },
  {
    name: 'serve',
    usage: [`${BIN} serve [--host 127.0.0.1] [--port 8080] [options]`],
    summary: L('以 Web 服务运行：JSON 接口（/v1/…），供任何语言的宿主系统调用', 'run as a web service: JSON endpoints (/v1/…) for host systems in any language'),
    details: L(
      '接口：evaluate、decide-subject、screen（NDJSON 流式输入输出）、record-state、timeline、deadlines/…、calendar/…、packs；GET /openapi.json 为 OpenAPI 3.1 文档（同 schemas/openapi.json）；/healthz、/readyz。错误为与 --format json 相同的 JSON（{"error":{code,issues,…,"status"}}），HTTP 状态：400 输入无效，401 令牌，404 未知规则包，408 超时，413 请求体过大，415 不是 JSON，422 拒绝评价（保密记录、日历无该年数据），503 并发已满或正在停止（带 Retry-After）。默认只在 127.0.0.1 监听；在其他地址监听须设访问令牌（环境变量 GOV_CREDIT_RULES_TOKEN 或 --token-file），请求带 Authorization: Bearer <令牌>。每个请求在标准输出记一行 JSON 日志，默认不含个人数据。收到 SIGTERM 或 SIGINT 后不再接受新请求，处理中的请求完成后退出（0）。需要可选依赖 fastify 5。详见 docs/service.md。',
      'Endpoints: evaluate, decide-subject, screen (NDJSON streamed in and out), record-state, timeline, deadlines/…, calendar/…, packs; GET /openapi.json is the OpenAPI 3.1 document (as schemas/openapi.json); /healthz, /readyz. Errors are the JSON of --format json ({"error":{code,issues,…,"status"}}) with the HTTP status: 400 bad input, 401 token, 404 unknown pack, 408 timeout, 413 body too large, 415 not JSON, 422 refused (a confidential record, a year without calendar data), 503 at the concurrency limit or shutting down (with Retry-After). Listens on 127.0.0.1 by default; any other address needs a token (GOV_CREDIT_RULES_TOKEN or --token-file), sent as Authorization: Bearer <token>. One JSON log line per request on stdout, without personal data by default. On SIGTERM or SIGINT it takes no new requests, lets those in flight finish, and exits 0. Needs the optional dependency fastify 5. See docs/service.md.',
    ),
    options: [
      { flags: '--host <address>', text: L('监听地址（默认 127.0.0.1，只有本机可以连接）', 'address to listen on (default 127.0.0.1: this machine only)') },
      { flags: '--port <n>', text: L('端口（默认 8080；0 为任选空闲端口，实际端口见启动日志）', 'port (default 8080; 0 picks a free one, shown in the start-up log line)') },
      { flags: '--token-file <file>', text: L('访问令牌所在文件（或环境变量 GOV_CREDIT_RULES_TOKEN；至少 16 个字符）', 'file holding the access token (or GOV_CREDIT_RULES_TOKEN; at least 16 characters)') },
      { flags: '--policy <json|@file>', text: L('所有请求的政策选项默认值（请求自带的 policy 优先）', 'policy overrides for every request (a request\'s own policy wins)') },
      { flags: '--load <pack.json>', text: L('载入宿主自己的规则包（可重复）', 'load a host pack (repeatable)') },
      ...CALENDAR_OPTS,
      { flags: '--body-limit <bytes>', text: L('JSON 请求体及 NDJSON 每行的大小上限（默认 1048576）', 'largest JSON body, and longest NDJSON line (default 1048576)') },
      { flags: '--max-concurrent <n>', text: L('同时处理的请求数上限，超过时答 503（默认 64）', 'requests handled at once; beyond it 503 (default 64)') },
      { flags: '--request-timeout <ms>', text: L('JSON 请求须在此时间内收完并答复（默认 30000）', 'a JSON request must arrive and be answered within it (default 30000)') },
      { flags: '--headers-timeout <ms>', text: L('请求头须在此时间内收完（默认 10000）', 'the request headers must arrive within it (default 10000)') },
      { flags: '--idle-timeout <ms>', text: L('连接上无数据往来超过此时间即关闭（默认 60000）', 'a connection with no bytes either way for this long is closed (default 60000)') },
      { flags: '--keep-alive-timeout <ms>', text: L('空闲的持久连接保留时间（默认 72000）', 'how long an idle kept-alive connection is kept (default 72000)') },
      { flags: '--stream-timeout <ms>', text: L('整个请求（含 screen 的花名册）须在此时间内收完（默认 3600000；0 不限）', 'a whole request, a screened roster included, must arrive within it (default 3600000; 0: no limit)') },
      {
        flags: '--spool-limit <bytes>',
        text: L(
          'screen 的花名册在客户端未读取答复时暂存于临时文件的上限（默认 1073741824；0 不暂存，此时须边发边读）',
          'how much of a screened roster waits in a temporary file while the client is not reading the answer (default 1073741824; 0: none, the client must then read while it sends)',
        ),
      },
      { flags: '--shutdown-timeout <ms>', text: L('停止时等待处理中请求的最长时间，之后关闭连接（默认 30000）', 'how long a stop waits for requests in flight before closing their connections (default 30000)') },
      { flags: '--log requests|errors|none', text: L('每个请求一行日志（默认 requests）、只记错误、或不记', 'a log line per request (default), for errors only, or none') },
      { flags: '--log-personal-data', text: L('日志中加入客户端地址及所问主体、记录的标识（默认不记）', 'add the client\'s address and the ids of the subjects and records asked about to the log lines (off by default)') },
      { flags: '--format json', text: L('启动时的错误以 JSON 写到标准错误（日志总是 JSON）', 'errors at start-up as JSON on stderr (the log is JSON either way)') },
      ...COMMON,
    ],
    examples: [
      { cmd: `${BIN} serve --port 8080`, text: L('在本机 8080 端口提供服务', 'serve on port 8080 of this machine') },
      {
        cmd: `curl -s -X POST http://127.0.0.1:8080/v1/evaluate -H 'Content-Type: application/json' --data @examples/query.json`,
        text: L('一个查询的决定', 'one query\'s decision'),
      },
      {
        cmd: `GOV_CREDIT_RULES_TOKEN=$(cat /run/secrets/gcr-token) ${BIN} serve --host 0.0.0.0 --schedule examples/schedules/holidays-2027.example.json`,
        text: L('对其他机器开放（须令牌），并加入次年节假日安排', 'open to other machines (a token needed), with next year\'s holiday schedule'),
      },
    ],
  },
];

export function commandHelp(name: string): CommandHelp | undefined {
  return COMMANDS.find((c) => c.name === name);
}

function renderOptions(opts: HelpOption[], locale: Locale, width: number): string[] {
  const w = Math.min(40, Math.max(...opts.map((o) => o.flags.length)));
  const out: string[] = [];
  for (const o of opts) {
    const text = wrap(o.text[locale], width - w - 4);
    const first = o.flags.length > w ? [`  ${o.flags}`, `  ${' '.repeat(w)}  ${text[0]}`] : [`  ${o.flags.padEnd(w)}  ${text[0]}`];
    out.push(...first, ...text.slice(1).map((l) => `  ${' '.repeat(w)}  ${l}`));
  }
  return out;
}

function exitCodes(locale: Locale, width: number): string[] {
  return EXIT_DOCS.flatMap((e) => wrap(e.text[locale], width - 5).map((l, i) => (i === 0 ? `  ${e.code}  ${l}` : `     ${l}`)));
}

/** `--help` of one command. */
export function renderCommandHelp(c: CommandHelp, locale: Locale, width = 100): string {
  const en = locale === 'en';
  const out: string[] = [];
  out.push(en ? 'Usage:' : '用法：', ...c.usage.flatMap((u) => wrapCommand(u, width)), '', c.summary[locale] + (en ? '.' : '。'));
  if (c.details) out.push('', ...wrap(c.details[locale], width));
  out.push('', en ? 'Options:' : '选项：', ...renderOptions(c.options, locale, width));
  out.push('', en ? 'Examples:' : '示例：');
  for (const ex of c.examples) out.push(...wrap(ex.text[locale], width - 4).map((l) => `  # ${l}`), ...wrapCommand(ex.cmd, width));
  out.push('', en ? 'Exit codes:' : '退出码：', ...exitCodes(locale, width));
  return out.join('\n');
}

/** `--help` of the program. */
export function renderMainHelp(locale: Locale, version: string, width = 100): string {
  const en = locale === 'en';
  const out: string[] = [];
  out.push(
    `${BIN} ${version}`,
    ...wrap(
      en
        ? '政务诚信 rules for host systems: does a record bar or restrict an action, does self-correction mitigate it, when is what due.'
        : '政务诚信规则：失信记录是否限制某一事项、自我纠错能否从轻或免于、各项期限何时届满。',
      width,
    ),
    '',
    en ? 'Usage:' : '用法：',
    `  ${BIN} <command> [options]`,
    `  ${BIN} <command> --help`,
    '',
    en ? 'Commands:' : '命令：',
  );
  const w = Math.max(...COMMANDS.map((c) => c.name.length));
  for (const c of COMMANDS) out.push(...wrap(c.summary[locale], width - w - 4).map((l, i) => `  ${(i === 0 ? c.name : '').padEnd(w)}  ${l}`));
  out.push(
    '',
    en ? 'Global options:' : '通用选项：',
    ...renderOptions(
      [
        ...COMMON,
        { flags: '--format json', text: L('出错时在标准错误输出一个 JSON 对象 {"error":{code,…}}（各命令另有各自的 --format）', 'errors as one JSON object {"error":{code,…}} on stderr (each command has its own --format values too)') },
        { flags: '--version', text: L('显示版本', 'show the version') },
      ],
      locale,
      width,
    ),
  );
  out.push('', en ? 'Examples:' : '示例：');
  out.push(
    ...[
      `${BIN} packs`,
      `${BIN} evaluate examples/subjects/02-warning-this-year.json --pack cn-tj-binhai --action excellent-rating`,
      `${BIN} batch examples/roster.jsonl --pack all --action promotion --as-of 2026-11-20 > out.jsonl`,
      `${BIN} deadline --from 2026-09-28 --working-days 15`,
    ].flatMap((cmd) => wrapCommand(cmd, width)),
  );
  out.push('', en ? 'Environment:' : '环境变量：', ...renderOptions(ENVIRONMENT, locale, width));
  out.push('', en ? 'Exit codes:' : '退出码：', ...exitCodes(locale, width));
  return out.join('\n');
}
