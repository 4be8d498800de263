// The gov-credit-rules playground: one static page that runs the library in the browser. Decide a
// question (pack, subject, action, day) with reasons and quoted law, see when the effect ends on a
// timeline, count a deadline on a month calendar, and read a pack clause by clause. Nothing is
// fetched: the library, the packs, the holiday data and the examples are all in app.js.
import { ACTIONS, ANNUAL_REVIEW_ACTIONS, CalendarCoverageError, GovCreditError, SubjectSchema, listPacks, loadPack, untyped, type Action, type Decision, type Issue } from 'gov-credit-rules';
import { renderCalendarSource, renderCoverageChoice } from './calendarSetup.js';
import { packDeadline, renderCalendar, workingDaysQuestion, type CalendarQuestion } from './calendarView.js';
import { renderDecision } from './decisionView.js';
import { byId, h, mount } from './dom.js';
import { label, locale, setLocale, t, tx } from './i18n.js';
import { JsonEditor } from './jsonEditor.js';
import { renderPackExplorer } from './packView.js';
import { SchemaForm, showIssuesInForm } from './schemaForm.js';
import { EXAMPLES, applyExample, evaluatorFor, forgetEvaluator, state, type CalendarMode, type Tab } from './state.js';
import { autoRange, renderTimeline } from './timelineView.js';

const app = byId('app');

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
        h('button', { type: 'button', id: `lang-${l}`, class: locale() === l ? 'active' : '', 'aria-pressed': String(locale() === l), onclick: () => { setLocale(l); render(); } }, l === 'zh-CN' ? '中文' : 'English'))),
    ),
    h('main', { id: 'main' }),
    h('footer', null, t('本页在浏览器中直接运行本库，不向任何地址发送请求。判定仅供参考，以有权机关的决定为准。', 'This page runs the library in your browser and sends nothing anywhere. Decisions are for reference; the competent authority decides.')),
  );
  const main = byId('main');
  if (state.tab === 'decide') renderDecideTab(main);
  else if (state.tab === 'calendar') renderCalendarTab(main);
  else renderPackTab(main);
}

/** Issues of a library error, in the current locale, with their paths. */
function issuesOf(e: unknown): { path: (string | number)[]; message: string; code: string }[] {
  if (e instanceof GovCreditError) return e.issues.map((i: Issue) => ({ path: i.path, message: tx(i.message), code: i.code }));
  return [{ path: [], message: e instanceof Error ? e.message : String(e), code: 'error' }];
}

const issueList = (issues: { path: (string | number)[]; message: string }[]) =>
  h('ul', { class: 'issues' }, issues.map((i) => h('li', null, i.path.length ? h('code', null, i.path.join('.')) : null, i.path.length ? '：' : '', i.message)));

// ---------------------------------------------------------------------------------------------
// Decide: pack, subject (example / form / JSON), action and day → decision; timeline below.

let form: SchemaForm | null = null;
let formEl: HTMLElement | null = null;
let jsonEditor: JsonEditor | null = null;
let jsonValid = true;

function renderDecideTab(main: HTMLElement): void {
  const packs = listPacks();
  const example = EXAMPLES.find((e) => e.id === state.exampleId);
  const group = (source: string, title: string) =>
    h('optgroup', { label: title }, EXAMPLES.filter((e) => e.source === source).map((e) => h('option', { value: e.id, selected: e.id === state.exampleId }, tx(e.title))));

  const packLoader = h(
    'details',
    { class: 'pack-loader' },
    h('summary', null, t('载入规则包 JSON…', 'Load a pack JSON…')),
    h('input', {
      type: 'file',
      accept: '.json,application/json',
      id: 'pack-file',
      onchange: async (e: Event) => {
        const file = (e.target as HTMLInputElement).files?.[0];
        if (file) (byId<HTMLTextAreaElement>('pack-json')).value = await file.text();
      },
    }),
    h('textarea', { id: 'pack-json', rows: 6, spellcheck: 'false', placeholder: t('粘贴规则包 JSON，或选择文件', 'Paste a pack JSON, or choose a file') }),
    h('button', { type: 'button', id: 'pack-load', onclick: loadPackFromText }, t('载入', 'Load')),
    h('div', { id: 'pack-load-result' }),
  );

  const annual = ANNUAL_REVIEW_ACTIONS.includes(state.action);
  const inputs = h(
    'div',
    { class: 'panel inputs' },
    h('h2', null, t('① 规则包', '① Pack')),
    h('label', { class: 'field' }, h('span', { class: 'field-name' }, t('规则包', 'Pack')),
      h('select', { id: 'pack', onchange: (e: Event) => { state.packId = (e.target as HTMLSelectElement).value; decide(); } },
        packs.map((p) => h('option', { value: p.id, selected: p.id === state.packId }, `${tx(p.name)}（${p.id}）${p.shipped ? '' : t(' · 已载入', ' · loaded')}`))),
      h('span', { class: 'field-error', 'data-error-for': 'query.pack' })),
    packLoader,
    h('h2', null, t('② 对象与记录', '② Subject and records')),
    h('label', { class: 'field' }, h('span', { class: 'field-name' }, t('示例', 'Example')),
      h('select', { id: 'example', onchange: (e: Event) => { const ex = EXAMPLES.find((x) => x.id === (e.target as HTMLSelectElement).value); if (ex) { applyExample(ex); render(); } } },
        example ? null : h('option', { selected: true, value: '' }, t('（自行编辑）', '(own edits)')),
        group('site', t('演示场景', 'Scenarios')),
        group('examples', t('示例对象（examples/subjects）', 'Example subjects (examples/subjects)')))),
    example ? h('p', { class: 'situation' }, tx(example.situation)) : null,
    h('div', { class: 'editor-switch', role: 'group' },
      h('button', { type: 'button', id: 'editor-form', class: state.editor === 'form' ? 'active' : '', onclick: () => switchEditor('form') }, t('表单', 'Form')),
      h('button', { type: 'button', id: 'editor-json', class: state.editor === 'json' ? 'active' : '', onclick: () => switchEditor('json') }, 'JSON')),
    h('div', { id: 'editor' }),
    h('h2', null, t('③ 事项与日期', '③ Action and day')),
    h('label', { class: 'field' }, h('span', { class: 'field-name' }, t('事项', 'Action')),
      h('select', { id: 'action', onchange: (e: Event) => { state.action = (e.target as HTMLSelectElement).value as Action; render(); } },
        ACTIONS.map((a) => h('option', { value: a, selected: a === state.action }, label('action', a)))),
      h('span', { class: 'field-error', 'data-error-for': 'query.action' })),
    h('label', { class: 'field' }, h('span', { class: 'field-name' }, t('查询日', 'As of')),
      h('input', { type: 'date', id: 'as-of', value: state.asOf, oninput: (e: Event) => { state.asOf = (e.target as HTMLInputElement).value; decide(); } }),
      h('span', { class: 'field-error', 'data-error-for': 'query.asOf' })),
    annual
      ? h('label', { class: 'field' }, h('span', { class: 'field-name' }, t('考核年度', 'Assessment year')),
          h('input', { type: 'number', id: 'assessment-year', value: state.assessmentYear, min: 2000, max: 2100, oninput: (e: Event) => { state.assessmentYear = Number((e.target as HTMLInputElement).value); decide(); } }),
          h('span', { class: 'field-error', 'data-error-for': 'query.assessmentYear' }))
      : null,
  );

  const range = state.range ?? autoRange(state.subject, state.asOf);
  const timelinePanel = h(
    'section',
    { class: 'panel timeline-panel' },
    h('h2', null, t('时间线：各事项何时受限、何时解除', 'Timeline: when each action is barred, and from when it is clear')),
    h('div', { class: 'toolbar' },
      h('label', null, t('自 ', 'From '), h('input', { type: 'date', id: 'range-from', value: range.from, onchange: (e: Event) => { state.range = { ...(state.range ?? range), from: (e.target as HTMLInputElement).value }; drawTimeline(); } })),
      h('label', null, t(' 至 ', ' to '), h('input', { type: 'date', id: 'range-to', value: range.to, onchange: (e: Event) => { state.range = { ...(state.range ?? range), to: (e.target as HTMLInputElement).value }; drawTimeline(); } })),
      h('button', { type: 'button', id: 'range-auto', onclick: () => { state.range = null; render(); } }, t('自动', 'Automatic'))),
    h('div', { id: 'timeline', 'aria-busy': 'true' }),
  );

  mount(main, h('div', { class: 'decide-grid' }, inputs, h('div', { class: 'panel result', id: 'result', 'aria-live': 'polite' })), timelinePanel);
  renderEditor();
  if (state.editor === 'json') applyJsonText();
  else decide();
}

function renderEditor(): void {
  const slot = byId('editor');
  if (state.editor === 'form') {
    jsonEditor = null;
    form = new SchemaForm(state.subject, {
      changed: (structural) => {
        state.exampleId = null;
        if (structural) renderEditor();
        decide();
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
      applyJsonText();
    });
    mount(slot, jsonEditor.el);
  }
}

/** Decides with the JSON editor's text, or names its syntax error (nothing is decided meanwhile). */
function applyJsonText(): void {
  try {
    const parsed: unknown = JSON.parse(state.jsonText);
    jsonValid = true;
    state.subject = parsed as Record<string, unknown>;
    decide();
  } catch (e) {
    jsonValid = false;
    lastDecision = null;
    jsonEditor?.showSyntaxError((e as Error).message);
    mount(byId('result'), h('p', { class: 'stale' }, t('JSON 有语法错误，修正后重新判定。', 'The JSON has a syntax error; fix it to decide again.')));
    mount(byId('timeline'));
  }
}

function switchEditor(to: 'form' | 'json'): void {
  if (to === state.editor) return;
  if (to === 'json') state.jsonText = JSON.stringify(state.subject, null, 2);
  else {
    if (!jsonValid) return; // the text must parse before the form can show it
    const parsed: unknown = JSON.parse(state.jsonText);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return;
    state.subject = parsed as Record<string, unknown>;
  }
  state.editor = to;
  render();
}

function loadPackFromText(): void {
  const out = byId('pack-load-result');
  const text = byId<HTMLTextAreaElement>('pack-json').value;
  try {
    const pack = loadPack(JSON.parse(text));
    forgetEvaluator(pack.id);
    state.packId = pack.id;
    render();
    mount(byId('pack-load-result'), h('p', { class: 'ok' }, t(`已载入 ${pack.id} ${pack.version}`, `Loaded ${pack.id} ${pack.version}`)));
  } catch (e) {
    mount(out, h('p', { class: 'error' }, e instanceof SyntaxError ? t('JSON 语法错误：', 'JSON syntax error: ') + e.message : t('规则包无效：', 'The pack is invalid:')), e instanceof SyntaxError ? null : issueList(issuesOf(e)));
  }
}

let lastDecision: Decision | null = null;

/** Decides the current question and shows the answer, or each error at its field. */
function decide(): void {
  const result = document.getElementById('result');
  if (!result) return;
  for (const el of document.querySelectorAll('[data-error-for^="query."]')) el.textContent = '';
  const annual = ANNUAL_REVIEW_ACTIONS.includes(state.action);
  try {
    // The subject is whatever the officer typed: validated at run time, hence untyped.
    const d = evaluatorFor(state.packId).evaluate(
      untyped({
        subject: state.subject,
        action: state.action,
        asOf: state.asOf,
        ...(annual ? { assessmentYear: state.assessmentYear } : {}),
      }),
    );
    lastDecision = d;
    if (formEl) showIssuesInForm(formEl, []);
    jsonEditor?.clear();
    mount(result, renderDecision(d, {
      onCalendar: (x) => {
        state.calendar.mode = 'decision';
        state.calendar.deadline = { ...x, packId: state.packId };
        state.tab = 'calendar';
        render();
      },
    }));
    drawTimeline();
  } catch (e) {
    lastDecision = null;
    const issues = issuesOf(e);
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
      result,
      h('div', { class: 'decision-errors', 'data-errors': String(issues.length) },
        h('h3', null, t(`输入有 ${issues.length} 处问题`, `The input has ${issues.length} problem${issues.length > 1 ? 's' : ''}`)),
        h('p', { class: 'muted' }, t('各处问题已标在对应字段旁。', 'Each is shown at its field.')),
        rest.length ? issueList(rest) : null),
    );
    mount(byId('timeline'));
  }
}

let timelineTimer: ReturnType<typeof setTimeout> | undefined;
let timelineGeneration = 0;

/** Redraws the timeline shortly after the last change (it runs the reference engine per action). */
function drawTimeline(): void {
  clearTimeout(timelineTimer);
  const slot = document.getElementById('timeline');
  if (!slot) return;
  slot.setAttribute('aria-busy', 'true');
  const generation = ++timelineGeneration;
  timelineTimer = setTimeout(async () => {
    if (!lastDecision) return;
    const range = state.range ?? autoRange(state.subject, state.asOf);
    let view: HTMLElement;
    try {
      view = await renderTimeline({ subject: state.subject, packId: state.packId, asOf: state.asOf, assessmentYear: state.assessmentYear, from: range.from, to: range.to, action: state.action });
    } catch (e) {
      view = issueList(issuesOf(e));
    }
    if (generation !== timelineGeneration || !slot.isConnected) return;
    mount(slot, view);
    slot.setAttribute('aria-busy', 'false');
  }, 150);
}

// ---------------------------------------------------------------------------------------------
// Deadline calendar.

function renderCalendarTab(main: HTMLElement): void {
  const c = state.calendar;
  const modes: [CalendarMode, string][] = [
    ['objection', t('收到异议 → 书面答复期限', 'Objection received → reply due')],
    ['report', t('更正或撤销 → 报送省级信用平台期限', 'Corrected or revoked → platform report due')],
    ['working-days', t('某日后 N 个工作日', 'N working days after a day')],
  ];
  if (c.deadline) modes.push(['decision', t(`判定中的期限：${c.deadline.record} ${label('deadlineKind', c.deadline.kind)}`, `From the decision: ${c.deadline.record} ${label('deadlineKind', c.deadline.kind)}`)]);
  const packs = listPacks();
  mount(
    main,
    h(
      'section',
      { class: 'panel calendar-panel' },
      h('h2', null, t('期限日历：节假日、调休上班日、计入的工作日与届满日', 'Deadline calendar: holidays, make-up working days, the days counted and the due day')),
      h('div', { class: 'toolbar' },
        h('label', null, t('期限 ', 'Deadline '), h('select', { id: 'cal-mode', onchange: (e: Event) => { c.mode = (e.target as HTMLSelectElement).value as CalendarMode; render(); } },
          modes.map(([id, text]) => h('option', { value: id, selected: id === c.mode }, text)))),
        c.mode !== 'decision'
          ? h('label', null, c.mode === 'objection' ? t(' 收到异议日 ', ' received on ') : c.mode === 'report' ? t(' 更正或撤销日 ', ' corrected on ') : t(' 自 ', ' from '),
              h('input', { type: 'date', id: 'cal-date', value: c.date, onchange: (e: Event) => { c.date = (e.target as HTMLInputElement).value; drawCalendar(); } }))
          : null,
        c.mode === 'objection' || c.mode === 'report'
          ? h('label', null, t(' 规则包 ', ' pack '), h('select', { id: 'cal-pack', onchange: (e: Event) => { c.packId = (e.target as HTMLSelectElement).value; drawCalendar(); } },
              packs.map((p) => h('option', { value: p.id, selected: p.id === c.packId }, `${tx(p.name)}（${p.id}）`))))
          : null,
        c.mode !== 'decision'
          ? h('label', null, c.mode === 'working-days' ? t(' 工作日数 ', ' working days ') : t(' 文件未规定时的工作日数 ', ' working days if the pack fixes none '),
              h('input', { type: 'number', id: 'cal-days', min: 1, max: 3650, value: c.workingDays, onchange: (e: Event) => { c.workingDays = Number((e.target as HTMLInputElement).value); drawCalendar(); } }))
          : null),
      h('div', { id: 'calendar-source' }),
      h('div', { id: 'calendar' }),
    ),
  );
  drawCalendar();
}

function drawCalendar(): void {
  const c = state.calendar;
  const slot = byId('calendar');
  // What the calendar counts with (loaded schedules, the choice for years without one), in words.
  mount(byId('calendar-source'), renderCalendarSource(drawCalendar));
  try {
    let q: CalendarQuestion | { none: string };
    if (c.mode === 'decision' && c.deadline) {
      const d = c.deadline;
      q = {
        title: t(`${d.record}：${label('deadlineKind', d.kind)}（${d.eventOn} → ${d.dueOn}）`, `${d.record}: ${label('deadlineKind', d.kind)} (${d.eventOn} → ${d.dueOn})`),
        eventOn: d.eventOn,
        dueOn: d.dueOn,
        countsWorkingDays: d.kind === 'objection-reply' || d.kind === 'platform-report',
        length: null,
        basis: d.basis,
        quote: null,
        provisional: d.provisional,
      };
    } else if (c.mode === 'working-days') q = workingDaysQuestion(c.date, c.workingDays);
    else q = packDeadline(c.mode === 'report' ? 'report' : 'objection', c.date, c.packId, null);
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

const first = EXAMPLES.find((e) => e.source === 'site') ?? EXAMPLES[0];
if (first) applyExample(first);
setLocale(new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN');
render();
