// The subject as JSON text, with each error shown at its field: the line is marked in the gutter,
// and the list of errors names line and path; a click selects the field in the text.
import { h, mount } from './dom.js';
import { t } from './i18n.js';
import { lineOf, locate, locateAll, type JsonPath } from './jsonLocate.js';

export interface EditorIssue {
  path: JsonPath;
  message: string;
}

export class JsonEditor {
  readonly el: HTMLElement;
  private readonly textarea: HTMLTextAreaElement;
  private readonly gutter: HTMLElement;
  private readonly list: HTMLElement;

  constructor(text: string, onText: (text: string) => void) {
    this.textarea = h('textarea', { id: 'subject-json', spellcheck: 'false', autocomplete: 'off', wrap: 'off', 'aria-label': t('对象 JSON', 'Subject JSON') });
    this.textarea.value = text;
    this.gutter = h('div', { class: 'gutter', 'aria-hidden': 'true' });
    this.list = h('ul', { class: 'json-issues', 'aria-live': 'polite' });
    this.textarea.addEventListener('input', () => {
      this.drawGutter(new Set());
      onText(this.textarea.value);
    });
    this.textarea.addEventListener('scroll', () => {
      this.gutter.scrollTop = this.textarea.scrollTop;
    });
    this.el = h('div', { class: 'json-editor-wrap' }, h('div', { class: 'json-editor' }, this.gutter, this.textarea), this.list);
    this.drawGutter(new Set());
  }

  private drawGutter(errorLines: Set<number>): void {
    const lines = this.textarea.value.split('\n').length;
    mount(this.gutter, Array.from({ length: lines }, (_, i) => h('div', { class: errorLines.has(i + 1) ? 'line err' : 'line' }, String(i + 1))));
    this.gutter.scrollTop = this.textarea.scrollTop;
  }

  private select(start: number, end: number): void {
    this.textarea.focus();
    this.textarea.setSelectionRange(start, end);
  }

  /** A JSON syntax error, with the offset the parser reported when it gave one. */
  showSyntaxError(message: string): void {
    const m = /position (\d+)/.exec(message);
    const offset = m ? Number(m[1]) : null;
    const line = offset !== null ? lineOf(this.textarea.value, offset) : null;
    this.drawGutter(new Set(line ? [line] : []));
    mount(this.list, h('li', { class: 'syntax' }, line ? h('button', { type: 'button', class: 'link', onclick: () => this.select(offset!, offset! + 1) }, t(`第 ${line} 行`, `line ${line}`)) : null, ' ', t('JSON 语法错误：', 'JSON syntax error: '), message));
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
          h('code', null, i.path.join('.') || '(subject)'),
          '：',
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
