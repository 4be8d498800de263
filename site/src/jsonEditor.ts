// The subject as JSON text, with each error shown at its field: the line is marked in the gutter,
// and the list of errors names line and field (in words); a click selects the field in the text.
// The gutter draws only the line numbers in view (one text node, moved with the scroll), so a
// 30,000-line subject costs no more per keystroke or scroll than a short one.
import { h, mount } from './dom.js';
import { pathLabel, t } from './i18n.js';
import { lineOf, locate, locateAll, type JsonPath } from './jsonLocate.js';

export interface EditorIssue {
  path: JsonPath;
  message: string;
}

/** Line height of the editor's text, in px (style.css: .json-editor textarea, .gutter). */
const LINE = 18;

export class JsonEditor {
  readonly el: HTMLElement;
  private readonly textarea: HTMLTextAreaElement;
  private readonly gutter: HTMLElement;
  private readonly numbers: HTMLElement;
  private readonly marks: HTMLElement;
  private readonly inner: HTMLElement;
  private readonly list: HTMLElement;
  private lines = 1;
  private errorLines = new Set<number>();

  constructor(text: string, onText: (text: string) => void) {
    this.textarea = h('textarea', { id: 'subject-json', spellcheck: 'false', autocomplete: 'off', wrap: 'off', 'aria-label': t('对象 JSON 文本', 'Subject as JSON text') });
    this.textarea.value = text;
    this.numbers = h('div', { class: 'gutter-numbers' });
    this.marks = h('div', { class: 'gutter-marks' });
    this.inner = h('div', { class: 'gutter-inner' }, this.numbers, this.marks);
    this.gutter = h('div', { class: 'gutter', 'aria-hidden': 'true' }, this.inner);
    this.list = h('ul', { class: 'json-issues', 'aria-live': 'polite' });
    this.textarea.addEventListener('input', () => {
      this.drawGutter(new Set());
      onText(this.textarea.value);
    });
    this.textarea.addEventListener('scroll', () => this.paintGutter());
    this.el = h('div', { class: 'json-editor-wrap' }, h('div', { class: 'json-editor' }, this.gutter, this.textarea), this.list);
    this.drawGutter(new Set());
  }

  private drawGutter(errorLines: Set<number>): void {
    let lines = 1;
    const text = this.textarea.value;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    this.lines = lines;
    this.errorLines = errorLines;
    this.gutter.style.minWidth = `${String(lines).length + 2}ch`;
    this.paintGutter();
  }

  /** The numbers of the lines in view, and the error marks among them, placed where the text is scrolled to. */
  private paintGutter(): void {
    const top = this.textarea.scrollTop;
    const first = Math.floor(top / LINE);
    const last = Math.min(this.lines, first + Math.ceil((this.textarea.clientHeight || 420) / LINE) + 1);
    const numbers: number[] = [];
    for (let l = first + 1; l <= last; l++) numbers.push(l);
    this.numbers.textContent = numbers.join('\n');
    this.inner.style.transform = `translateY(${first * LINE - top}px)`;
    mount(this.marks, [...this.errorLines].filter((l) => l > first && l <= last).map((l) => h('div', { class: 'line err', 'data-line': l }, String(l))));
    for (const m of this.marks.children) (m as HTMLElement).style.top = `${(Number(m.getAttribute('data-line')) - 1 - first) * LINE}px`;
  }

  private select(start: number, end: number): void {
    this.textarea.focus();
    this.textarea.setSelectionRange(start, end);
  }

  /** A JSON syntax error, at the offset the parser reported when it gave one. */
  showSyntaxError(message: string, offset: number | null): void {
    const line = offset !== null ? lineOf(this.textarea.value, offset) : null;
    this.drawGutter(new Set(line ? [line] : []));
    // The parser speaks English: the Chinese page says where, in its own words.
    mount(this.list, h('li', { class: 'syntax' }, line ? h('button', { type: 'button', class: 'link', onclick: () => this.select(offset!, offset! + 1) }, t(`第 ${line} 行`, `line ${line}`)) : null, ' ',
      t(line ? 'JSON 格式有误，此处无法读取（多余或缺少逗号、引号、括号？）' : 'JSON 格式有误，无法读取（文本不完整？）', `The JSON cannot be read: ${message}`)));
  }

  /** Validation issues (paths relative to the subject); each goes to the line of its field. */
  showIssues(issues: EditorIssue[]): void {
    const text = this.textarea.value;
    let spans: ReturnType<typeof locateAll> | null = null;
    try {
      spans = locateAll(text);
    } catch {
      spans = null;
    }
    const lines = new Set<number>();
    mount(
      this.list,
      issues.map((i) => {
        const span = spans ? locate(spans, i.path) : undefined;
        const line = span ? lineOf(text, span.start) : null;
        if (line) lines.add(line);
        return h(
          'li',
          { 'data-path': i.path.join('.'), 'data-line': line ?? null },
          line ? h('button', { type: 'button', class: 'link', onclick: () => this.select(span!.start, span!.end) }, t(`第 ${line} 行`, `line ${line}`)) : null,
          ' ',
          h('span', { class: 'field-path' }, pathLabel(i.path)),
          t('：', ': '),
          i.message,
        );
      }),
    );
    this.drawGutter(lines);
  }

  clear(): void {
    mount(this.list);
    this.drawGutter(new Set());
  }
}
