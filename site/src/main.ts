// The gov-credit-rules playground: one static page that runs the library in the browser. Decide a
// question (pack, subject, action, day) with reasons and quoted law, see when the effect ends on a
// timeline, count a deadline on a month calendar, and read a pack clause by clause. Nothing is
// fetched: the library, the packs, the holiday data and the examples are all in app.js. Deciding
// and the timeline run in a Web Worker (the same app.js), so a large subject never blocks the page;
// typing in the editors is debounced.
import { ACTIONS, ANNUAL_REVIEW_ACTIONS, CalendarCoverageError, GovCreditError, SubjectSchema, addCalendarDays, listPacks, loadPack, type Action, type Decision, type LocalizedText } from 'gov-credit-rules';
import { calendarChoice, currentCalendar, renderCalendarSource, renderCoverageChoice } from './calendarSetup.js';
import { basisText, packDeadline, renderCalendar, workingDaysQuestion, type CalendarQuestion } from './calendarView.js';
import { Decider } from './decider.js';
import { renderDecision } from './decisionView.js';
import { byId, h, mount, withDocNumbers } from './dom.js';
import { label, locale, pathLabel, setLocale, t, tx } from './i18n.js';
import { JsonEditor } from './jsonEditor.js';
import { renderPackExplorer } from './packView.js';
import type { IssueData, MarkerData, Response, RowData } from './protocol.js';
import { SchemaForm, showIssuesInForm } from './schemaForm.js';
import { EXAMPLES, applyExample, state, type CalendarMode, type Tab } from './state.js';
import { renderTimeline } from './timelineView.js';

/** How long typing waits before the question is asked again (JSON editor; form fields). */
const TYPING_DELAY_MS = { json: 350, form: 200 };

let app: HTMLElement;
let decider: Decider;

// ---------------------------------------------------------------------------------------------
// Page frame: title, tabs, language switch.

function render(): void {
  const tabs: [Tab, string][] = [
    ['decide', t('判定与时间线', 'Decide and timeline')],
    ['calendar', t('期限日历', 'Deadline calendar')],
    ['packs', t('规则包条款', 'Pack explorer')],
  ];
  mount(
    app,
    h(
      'header',
      { class: 'top' },
      h('h1', null, t('政务诚信规则 · 演示', 'Government-integrity rules · playground'), h('span', { class: 'muted' }, ' gov-credit-rules')),
      h('nav', { class: 'tabs', role: 'tablist' }, tabs.map(([id, text]) =>
        h('button', { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-selected': String(state.tab === id), class: state.tab === id ? 'active' : '', onclick: () => { state.tab = id; render(); } }, text))),
      h('div', { class: 'lang' }, (['zh-CN', 'en'] as const).map((l) =>
        h('button', { type: 'button', id: `lang-${l}`, lang: l, class: locale() === l ? 'active' : '', 'aria-pressed': String(locale() === l), onclick: () => { setLocale(l); render(); } }, l === 'zh-CN' ? '中文' : 'English'))),
    ),
    h('main', { id: 'main' }),
    h('footer', null, t('本页在浏览器中直接运行本库，不向任何地址发送请求。判定仅供参考，以有权机关的决定为准。', 'This page runs the library in your browser and sends nothing anywhere. Decisions are for reference; the competent authority decides.')),
  );
  const main = byId('main');
  if (state.tab === 'decide') renderDecideTab(main);
  else if (state.tab === 'calendar') renderCalendarTab(main);
  else renderPackTab(main);
}

interface ShownIssue {
  path: (string | number)[];
  message: string;
}

const shown = (issues: { path: (string | number)[]; message: LocalizedText }[]): ShownIssue[] => issues.map((i) => ({ path: i.path, message: tx(i.message) }));

function issuesOf(e: unknown): ShownIssue[] {
  if (e instanceof GovCreditError) return shown(e.issues);
  return [{ path: [], message: e instanceof Error ? e.message : String(e) }];
}

const issueList = (issues: ShownIssue[]) =>
  h('ul', { class: 'issues' }, issues.map((i) => h('li', { 'data-path': i.path.join('.') }, i.path.length ? [h('span', { class: 'field-path' }, pathLabel(i.path)), t('：', ': ')] : null, i.message)));

/** A pack's problems name its fields as the pack's author wrote them (a pack is a developer's file). */
const packIssueList = (issues: ShownIssue[]) =>
  h('ul', { class: 'issues' }, issues.map((i) => h('li', { 'data-path': i.path.join('.') }, i.path.length ? [h('code', null, i.path.join('.')), t('：', ': ')] : null, i.message)));

// ---------------------------------------------------------------------------------------------
// Decide: pack, subject (example / form / JSON), action and day → decision; timeline below.

let form: SchemaForm | null = null;
let formEl: HTMLElement | null = null;
let jsonEditor: JsonEditor | null = null;

/** What the worker last answered for the question on the page. */
const answer = {
  id: 0,
  decision: null as Decision | null,
  explain: null as LocalizedText | null,
  range: null as { from: string; to: string } | null,
  markers: [] as MarkerData[],
  rows: [] as { action: Action; row: RowData | null }[],
};

function renderDecideTab(main: HTMLElement): void {
  const packs = listPacks();
  const example = EXAMPLES.find((e) => e.id === state.exampleId);
  const group = (source: string, title: string) =>
    h('optgroup', { label: title }, EXAMPLES.filter((e) => e.source === source).map((e) => h('option', { value: e.id, selected: e.id === state.exampleId }, tx(e.title))));

  const packLoader = h(
    'details',
    { class: 'pack-loader' },
    h('summary', null, t('载入规则包 JSON 文件…', 'Load a pack JSON file…')),
    h('input', {
      type: 'file',
      accept: '.json,application/json',
      id: 'pack-file',
      onchange: async (e: Event) => {
        const file = (e.target as HTMLInputElement).files?.[0];
        if (file) (byId<HTMLTextAreaElement>('pack-json')).value = await file.text();
      },
    }),
    h('textarea', { id: 'pack-json', rows: 6, spellcheck: 'false', placeholder: t('粘贴规则包 JSON 文本，或选择文件', 'Paste a pack JSON text, or choose a file') }),
    h('button', { type: 'button', id: 'pack-load', onclick: loadPackFromText }, t('载入', 'Load')),
    h('div', { id: 'pack-load-result' }),
  );

  const annual = ANNUAL_REVIEW_ACTIONS.includes(state.action);
  const inputs = h(
    'div',
    { class: 'panel inputs' },
    h('h2', null, t('① 规则包', '① Pack')),
    h('label', { class: 'field wide' }, h('span', { class: 'field-name' }, t('规则包', 'Pack')),
      h('select', { id: 'pack', onchange: (e: Event) => { state.packId = (e.target as HTMLSelectElement).value; decide(); } },
        packs.map((p) => h('option', { value: p.id, selected: p.id === state.packId }, `${tx(p.name)}（${p.id}）${p.shipped ? '' : t(' · 已载入', ' · loaded')}`))),
      h('span', { class: 'field-error', 'data-error-for': 'query.pack' })),
    packLoader,
    h('h2', null, t('② 对象与记录', '② Subject and records')),
    h('label', { class: 'field wide' }, h('span', { class: 'field-name' }, t('示例', 'Example')),
      h('select', { id: 'example', onchange: (e: Event) => { const ex = EXAMPLES.find((x) => x.id === (e.target as HTMLSelectElement).value); if (ex) { applyExample(ex); answer.decision = null; render(); } } },
        example ? null : h('option', { selected: true, value: '' }, t('（自行编辑）', '(own edits)')),
        group('site', t('演示场景', 'Scenarios')),
        group('examples', t('示例对象', 'Example subjects')))),
    example ? h('p', { class: 'situation' }, withDocNumbers(tx(example.situation))) : null,
    h('div', { class: 'editor-switch', role: 'group' },
      h('button', { type: 'button', id: 'editor-form', class: state.editor === 'form' ? 'active' : '', onclick: () => switchEditor('form') }, t('表单', 'Form')),
      h('button', { type: 'button', id: 'editor-json', class: state.editor === 'json' ? 'active' : '', onclick: () => switchEditor('json') }, t('JSON 文本', 'JSON text'))),
    h('div', { id: 'editor' }),
    h('h2', null, t('③ 事项与日期', '③ Action and day')),
    h('label', { class: 'field' }, h('span', { class: 'field-name' }, t('事项', 'Action')),
      h('select', { id: 'action', onchange: (e: Event) => { state.action = (e.target as HTMLSelectElement).value as Action; render(); } },
        ACTIONS.map((a) => h('option', { value: a, selected: a === state.action }, label('action', a)))),
      h('span', { class: 'field-error', 'data-error-for': 'query.action' })),
    h('label', { class: 'field' }, h('span', { class: 'field-name' }, t('查询日', 'As of')),
      h('input', { type: 'date', id: 'as-of', value: state.asOf, oninput: (e: Event) => { state.asOf = (e.target as HTMLInputElement).value; decide(TYPING_DELAY_MS.form); } }),
      h('span', { class: 'field-error', 'data-error-for': 'query.asOf' })),
    annual
      ? h('label', { class: 'field' }, h('span', { class: 'field-name' }, t('考核年度', 'Assessment year')),
          h('input', { type: 'number', id: 'assessment-year', value: state.assessmentYear, min: 2000, max: 2100, oninput: (e: Event) => { state.assessmentYear = Number((e.target as HTMLInputElement).value); decide(TYPING_DELAY_MS.form); } }),
          h('span', { class: 'field-error', 'data-error-for': 'query.assessmentYear' }))
      : null,
  );

  const range = state.range ?? answer.range;
  const timelinePanel = h(
    'section',
    { class: 'panel timeline-panel' },
    h('h2', null, t('时间线：各事项何时受限、何时解除', 'Timeline: when each action is barred, and from when it is clear')),
    h('div', { class: 'toolbar' },
      h('label', null, t('自 ', 'From '), h('input', { type: 'date', id: 'range-from', value: range?.from ?? '', onchange: (e: Event) => { state.range = { from: (e.target as HTMLInputElement).value, to: byId<HTMLInputElement>('range-to').value }; decide(); } })),
      h('label', null, t(' 至 ', ' to '), h('input', { type: 'date', id: 'range-to', value: range?.to ?? '', onchange: (e: Event) => { state.range = { from: byId<HTMLInputElement>('range-from').value, to: (e.target as HTMLInputElement).value }; decide(); } })),
      h('button', { type: 'button', id: 'range-auto', onclick: () => { state.range = null; decide(); } }, t('自动', 'Automatic'))),
    h('div', { id: 'timeline', 'aria-busy': 'true' }),
  );

  mount(main, h('div', { class: 'decide-grid' }, inputs, h('div', { class: 'panel result', id: 'result', 'aria-live': 'polite', 'aria-busy': 'true' })), timelinePanel);
  renderEditor();
  // A decision already on the page for this question (a redraw after a language switch) is shown at once, and asked again.
  if (answer.decision) showDecision();
  decide();
}

function renderEditor(): void {
  const slot = byId('editor');
  if (state.editor === 'form') {
    jsonEditor = null;
    form = new SchemaForm(state.subject, {
      changed: (structural) => {
        state.exampleId = null;
        if (structural) renderEditor();
        decide(structural ? 0 : TYPING_DELAY_MS.form);
      },
    }, () => state.asOf);
    formEl = h('div', { class: 'subject-form' }, form.render(SubjectSchema, 'subject'));
    mount(slot, formEl);
  } else {
    form = null;
    formEl = null;
    jsonEditor = new JsonEditor(state.jsonText, (text) => {
      state.jsonText = text;
      state.exampleId = null;
      decide(TYPING_DELAY_MS.json);
    });
    mount(slot, jsonEditor.el);
  }
}

function switchEditor(to: 'form' | 'json'): void {
  if (to === state.editor) return;
  if (to === 'json') state.jsonText = JSON.stringify(state.subject, null, 2);
  else {
    // The text must parse before the form can show it.
    let parsed: unknown;
    try {
      parsed = JSON.parse(state.jsonText);
    } catch {
      return;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return;
    state.subject = parsed as Record<string, unknown>;
  }
  state.editor = to;
  render();
}

function loadPackFromText(): void {
  const out = byId('pack-load-result');
  const text = byId<HTMLTextAreaElement>('pack-json').value;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    mount(out, h('p', { class: 'error' }, t('JSON 格式有误，无法读取。', 'The JSON cannot be read.')));
    return;
  }
  try {
    const pack = loadPack(json);
    decider.loadPack(json);
    state.packId = pack.id;
    render();
    mount(byId('pack-load-result'), h('p', { class: 'ok' }, t(`已载入 ${pack.id} ${pack.version}`, `Loaded ${pack.id} ${pack.version}`)));
  } catch (e) {
    mount(out, h('p', { class: 'error' }, t('规则包无效：', 'The pack is invalid:')), packIssueList(issuesOf(e)));
  }
}

// ---------------------------------------------------------------------------------------------
// Asking the worker, and drawing its answers.

let askTimer: ReturnType<typeof setTimeout> | undefined;

/** Asks the current question after `delay` ms of quiet (0: now); meanwhile the last answer stays, marked as being redone. */
function decide(delay = 0): void {
  clearTimeout(askTimer);
  document.getElementById('result')?.setAttribute('aria-busy', 'true');
  document.getElementById('timeline')?.setAttribute('aria-busy', 'true');
  askTimer = setTimeout(() => {
    answer.id = decider.ask({
      packId: state.packId,
      subject: state.editor === 'json' ? { text: state.jsonText } : { value: state.subject },
      action: state.action,
      asOf: state.asOf,
      assessmentYear: state.assessmentYear,
      range: state.range,
      calendar: calendarChoice(),
    });
  }, delay);
}

function onAnswer(r: Response): void {
  if (r.type === 'pack-loaded' || r.type === 'pack-refused') return; // the page loaded it first and showed the outcome
  if (r.id !== answer.id) return;
  const result = document.getElementById('result');
  if (!result) return;
  if (r.type === 'syntax') {
    answer.decision = null;
    jsonEditor?.showSyntaxError(r.message, r.offset);
    mount(result, h('p', { class: 'stale' }, t('JSON 文本有格式错误，修正后重新判定。', 'The JSON text has a syntax error; fix it to decide again.')));
    result.setAttribute('aria-busy', 'false');
    mount(byId('timeline'));
    byId('timeline').setAttribute('aria-busy', 'false');
    return;
  }
  if (r.type === 'invalid') {
    answer.decision = null;
    // A deadline running into a year without a holiday schedule: the page's choice, in plain words.
    const coverage = r.issues.find((i) => i.coverage)?.coverage;
    if (coverage) mount(result, renderCoverageChoice(coverage, () => decide(), 'decision'));
    else showIssues(r.issues);
    result.setAttribute('aria-busy', 'false');
    mount(byId('timeline'));
    byId('timeline').setAttribute('aria-busy', 'false');
    return;
  }
  if (r.type === 'decision') {
    answer.decision = r.decision;
    answer.explain = null;
    answer.range = r.range;
    answer.markers = r.markers;
    answer.rows = r.actions.map((action) => ({ action, row: null }));
    showDecision();
    return;
  }
  if (r.type === 'explain') {
    answer.explain = r.text;
    // The developer view reads it when opened; one open already is drawn again with it.
    if ((document.getElementById('developer-view') as HTMLDetailsElement | null)?.open) showDecision(false);
    return;
  }
  if (r.type === 'row') {
    const slot = answer.rows.find((x) => x.action === r.row.action);
    if (slot) slot.row = r.row;
    drawTimelineSoon();
    return;
  }
  if (r.type === 'done') {
    drawTimelineSoon();
  }
}

/** Shows the decision held in `answer` (and the timeline rows so far). */
function showDecision(withTimeline = true): void {
  const result = document.getElementById('result');
  if (!result || !answer.decision) return;
  for (const el of document.querySelectorAll('[data-error-for^="query."]')) el.textContent = '';
  if (formEl) showIssuesInForm(formEl, []);
  jsonEditor?.clear();
  const openDev = (document.getElementById('developer-view') as HTMLDetailsElement | null)?.open ?? false;
  mount(result, renderDecision(answer.decision, {
    explain: () => answer.explain,
    onCalendar: (x) => {
      state.calendar.mode = 'decision';
      state.calendar.deadline = { ...x, packId: state.packId };
      state.tab = 'calendar';
      render();
    },
    coverageChoice: (year) => {
      const official = currentCalendar().coverage().officialYears;
      return renderCoverageChoice({ year, coveredFrom: official[0]!, coveredTo: official[official.length - 1]! }, () => decide(), 'decision');
    },
  }));
  if (openDev) (document.getElementById('developer-view') as HTMLDetailsElement).open = true;
  result.setAttribute('aria-busy', 'false');
  if (answer.range && !state.range) {
    byId<HTMLInputElement>('range-from').value = answer.range.from;
    byId<HTMLInputElement>('range-to').value = answer.range.to;
  }
  if (withTimeline) drawTimeline();
}

let timelineFrame = 0;
function drawTimelineSoon(): void {
  if (timelineFrame) return;
  timelineFrame = requestAnimationFrame(() => {
    timelineFrame = 0;
    drawTimeline();
  });
}

function drawTimeline(): void {
  const slot = document.getElementById('timeline');
  if (!slot || !answer.decision || !answer.range) return;
  mount(slot, renderTimeline({ from: answer.range.from, to: answer.range.to, asOf: answer.decision.asOf, action: answer.decision.action, rows: answer.rows, markers: answer.markers }));
  slot.setAttribute('aria-busy', String(answer.rows.some((r) => r.row === null)));
}

/** Shows each error at its field: the form's or the editor's, the query's own slots, the rest in a list. */
function showIssues(data: IssueData[]): void {
  const issues = shown(data);
  for (const el of document.querySelectorAll('[data-error-for^="query."]')) el.textContent = '';
  const subjectIssues = issues.filter((i) => i.path[0] === 'subject').map((i) => ({ ...i, path: i.path.slice(1) }));
  let rest = issues.filter((i) => i.path[0] !== 'subject');
  if (formEl) rest = [...rest, ...showIssuesInForm(formEl, subjectIssues).map((i) => ({ ...i, path: ['subject', ...i.path] }))];
  else if (jsonEditor) jsonEditor.showIssues(subjectIssues);
  // Query fields have their own slots.
  rest = rest.filter((i) => {
    const slot = document.querySelector(`[data-error-for="query.${String(i.path[0])}"]`);
    if (!slot || i.path.length !== 1) return true;
    slot.textContent = i.message;
    return false;
  });
  mount(
    byId('result'),
    h('div', { class: 'decision-errors', 'data-errors': String(issues.length) },
      h('h3', null, t(`输入有 ${issues.length} 处问题`, `The input has ${issues.length} problem${issues.length > 1 ? 's' : ''}`)),
      h('p', { class: 'muted' }, t('各处问题已标在对应字段旁。', 'Each is shown at its field.')),
      rest.length ? issueList(rest) : null),
  );
}

// ---------------------------------------------------------------------------------------------
// Deadline calendar.

function renderCalendarTab(main: HTMLElement): void {
  const c = state.calendar;
  const modes: [CalendarMode, string][] = [
    ['objection', t('收到异议 → 书面答复期限', 'Objection received → reply due')],
    ['report', t('更正或撤销 → 报送省级信用平台期限', 'Corrected or revoked → platform report due')],
    ['working-days', t('某日之后若干个工作日', 'A number of working days after a day')],
  ];
  if (c.deadline) modes.push(['decision', t(`判定中的期限：${c.deadline.record} ${label('deadlineKind', c.deadline.kind)}`, `From the decision: ${c.deadline.record} ${label('deadlineKind', c.deadline.kind)}`)]);
  const packs = listPacks();
  const asksPack = c.mode === 'objection' || c.mode === 'report';
  mount(
    main,
    h(
      'section',
      { class: 'panel calendar-panel' },
      h('h2', null, t('期限日历：节假日、调休上班日、计入的工作日与最后一日', 'Deadline calendar: holidays, make-up working days, the days counted and the last day')),
      h('div', { class: 'toolbar' },
        h('label', null, t('期限 ', 'Deadline '), h('select', { id: 'cal-mode', onchange: (e: Event) => { c.mode = (e.target as HTMLSelectElement).value as CalendarMode; render(); } },
          modes.map(([id, text]) => h('option', { value: id, selected: id === c.mode }, text)))),
        c.mode !== 'decision'
          ? h('label', null, c.mode === 'objection' ? t(' 收到异议日 ', ' received on ') : c.mode === 'report' ? t(' 更正或撤销日 ', ' corrected on ') : t(' 自 ', ' from '),
              h('input', { type: 'date', id: 'cal-date', value: c.date, onchange: (e: Event) => { c.date = (e.target as HTMLInputElement).value; drawCalendar(); } }))
          : null,
        asksPack
          ? h('label', null, t(' 规则包 ', ' pack '), h('select', { id: 'cal-pack', onchange: (e: Event) => { c.packId = (e.target as HTMLSelectElement).value; render(); } },
              packs.map((p) => h('option', { value: p.id, selected: p.id === c.packId }, `${tx(p.name)}（${p.id}）`))))
          : null,
        h('span', { id: 'cal-days-slot' })),
      h('div', { id: 'calendar-source' }),
      h('div', { id: 'calendar' }),
    ),
  );
  drawCalendar();
}

/** The working days the question counts: the document's, shown as a fact; or the host's, asked for. */
function daysControl(fixed: { days: number; basis: HTMLElement } | null): HTMLElement | null {
  const c = state.calendar;
  if (c.mode === 'decision') return null;
  if (fixed) return h('span', { class: 'fixed-days', 'data-fixed-days': fixed.days }, t(` 文件规定 ${fixed.days} 个工作日（`, ` the document fixes ${fixed.days} working days (`), fixed.basis, t('）', ')'));
  const input = h('input', { type: 'number', id: 'cal-days', min: 1, max: 3650, value: c.workingDays, onchange: (e: Event) => { c.workingDays = Number((e.target as HTMLInputElement).value); drawCalendar(); } });
  return h('label', null, c.mode === 'working-days' ? t(' 工作日数 ', ' working days ') : t(' 文件未规定，按本单位设定的工作日数 ', ' the document fixes none; working days set by the host '), input);
}

function drawCalendar(): void {
  const c = state.calendar;
  const slot = byId('calendar');
  const daysSlot = byId('cal-days-slot');
  // What the calendar counts with (loaded schedules, the choice for years without one), in words.
  mount(byId('calendar-source'), renderCalendarSource(drawCalendar));
  try {
    let q: CalendarQuestion | { none: string };
    if (c.mode === 'decision' && c.deadline) {
      const d = c.deadline;
      const sanction = d.kind === 'sanction-period';
      q = {
        title: t(`${d.record}：${label('deadlineKind', d.kind)}（${d.eventOn} 至 ${d.dueOn}）`, `${d.record}: ${label('deadlineKind', d.kind)} (${d.eventOn} to ${d.dueOn})`),
        eventOn: d.eventOn,
        dueOn: d.dueOn,
        countsWorkingDays: d.kind === 'objection-reply' || d.kind === 'platform-report',
        length: null,
        basis: d.basis,
        quote: null,
        provisional: d.provisional,
        ...(sanction ? { period: { kind: 'sanction' as const, liftsOn: addCalendarDays(d.dueOn, 1) } } : d.kind === 'rectification' ? { period: { kind: 'rectification' as const } } : {}),
      };
      mount(daysSlot);
    } else if (c.mode === 'working-days') {
      q = workingDaysQuestion(c.date, c.workingDays);
      mount(daysSlot, daysControl(null));
    } else {
      q = packDeadline(c.mode === 'report' ? 'report' : 'objection', c.date, c.packId, null);
      // The pack's document fixes the days: shown as a fact, nothing to enter.
      mount(daysSlot, daysControl('none' in q || !q.basis || q.length === null ? null : { days: q.length, basis: basisText(q.basis) }));
    }
    if ('none' in q) {
      const fixed = q.none;
      q = packDeadline(c.mode === 'report' ? 'report' : 'objection', c.date, c.packId, c.workingDays);
      mount(slot, h('p', { class: 'note' }, fixed), 'none' in q ? null : renderCalendar(q));
    } else mount(slot, renderCalendar(q));
  } catch (e) {
    // A year without a schedule: a choice in plain words, not the library's message.
    if (e instanceof CalendarCoverageError) mount(slot, renderCoverageChoice(e, drawCalendar));
    else mount(slot, issueList(issuesOf(e)));
  }
}

// ---------------------------------------------------------------------------------------------
// Pack explorer.

function renderPackTab(main: HTMLElement): void {
  mount(main, h('section', { class: 'panel' }, renderPackExplorer(state.explorerPackId, (id) => { state.explorerPackId = id; render(); })));
}

// ---------------------------------------------------------------------------------------------

/** Starts the page; `scriptUrl` (app.js) is started again as the decide worker. */
export function startPage(scriptUrl: string | null): void {
  app = byId('app');
  decider = new Decider(scriptUrl, onAnswer);
  const first = EXAMPLES.find((e) => e.source === 'site') ?? EXAMPLES[0];
  if (first) applyExample(first);
  setLocale(new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN');
  render();
}
