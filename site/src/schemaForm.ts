// A form made from the library's own schemas (SubjectSchema, RecordSchema, LifecycleEventSchema):
// every field the model has gets an input — a field the library adds later appears without a change
// here. Strings, numbers, booleans, dates, enums, lists of enums, objects, lists of objects and
// lists of tagged variants (events); anything else is left to the JSON editor.
import { schemas } from 'gov-credit-rules';
import { h } from './dom.js';
import { fieldLabel, t, valueLabel } from './i18n.js';

export type Path = (string | number)[];
type Json = Record<string, unknown>;

/** The parts of a zod 4 schema the form reads. */
interface SchemaLike {
  _zod: {
    def: {
      type: string;
      innerType?: SchemaLike;
      shape?: Record<string, SchemaLike>;
      entries?: Record<string, string>;
      element?: SchemaLike;
      options?: SchemaLike[];
      discriminator?: string;
      values?: unknown[];
    };
  };
  description?: string;
}

/** Callbacks: a value changed (`structural`: the form must be redrawn, e.g. an item was added). */
export interface FormHost {
  changed(structural: boolean): void;
}

const asSchema = (s: unknown): SchemaLike => s as SchemaLike;
const def = (s: SchemaLike) => s._zod.def;

/** Peels optional / nullable / default wrappers, saying which were there. */
function unwrap(s: SchemaLike): { core: SchemaLike; optional: boolean; nullable: boolean } {
  let core = s;
  let optional = false;
  let nullable = false;
  for (;;) {
    const d = def(core);
    if (d.type === 'optional' || d.type === 'default') optional = true;
    else if (d.type === 'nullable') nullable = true;
    else break;
    core = d.innerType!;
  }
  return { core, optional, nullable };
}

const isDate = (s: SchemaLike) => s === asSchema(schemas.IsoDateSchema);
const pathAttr = (p: Path) => p.join('.');

/** Keys the form never shows (host metadata the library carries but never reads). */
const HIDDEN = new Set(['meta']);
/** Items of a list drawn at first (the rest on request). */
const FORM_ITEMS = 20;
/** Fields shown up front with the required ones and the dates; the other optional fields go under "more fields". */
const PRIMARY = new Set(['sanction', 'records', 'events']);

function setAt(root: Json, path: Path, value: unknown): void {
  let cur: Json = root;
  for (let i = 0; i < path.length - 1; i++) cur = cur[path[i]!] as Json;
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete cur[last];
  } else cur[last] = value;
}

/** A starting value for a new item of a schema: required enums take their first value, required dates today's as-of. */
function blank(schema: SchemaLike, today: string, index: number): unknown {
  const { core } = unwrap(schema);
  const d = def(core);
  if (d.type === 'object') {
    const out: Json = {};
    for (const [k, f] of Object.entries(d.shape!)) {
      const u = unwrap(f);
      if (u.optional || HIDDEN.has(k)) continue;
      out[k] = blank(f, today, index);
    }
    return out;
  }
  if (d.type === 'union' && d.discriminator) return blank(d.options![0]!, today, index);
  if (d.type === 'enum') return Object.values(d.entries!)[0];
  if (d.type === 'literal') return d.values![0];
  if (d.type === 'array') return [];
  if (d.type === 'boolean') return false;
  if (d.type === 'number') return 0;
  if (isDate(core)) return today;
  return `r${index + 1}`;
}

function describe(field: string, schema: SchemaLike): HTMLElement {
  return h('span', { class: 'field-name', title: schema.description ?? null }, fieldLabel(field));
}

export class SchemaForm {
  constructor(
    private readonly root: Json,
    private readonly host: FormHost,
    private readonly today: () => string,
  ) {}

  /** The whole form for `schema` (an object schema) over the root value. */
  render(schema: unknown, context: 'subject' | 'record' | 'event' = 'subject'): HTMLElement {
    return this.object(asSchema(schema), this.root, [], context);
  }

  private object(schema: SchemaLike, value: Json, path: Path, context: 'subject' | 'record' | 'event'): HTMLElement {
    const { core } = unwrap(schema);
    const shape = def(core).shape ?? {};
    const primary: HTMLElement[] = [];
    const more: HTMLElement[] = [];
    for (const [key, field] of Object.entries(shape)) {
      if (HIDDEN.has(key)) continue;
      const el = this.field(key, field, value, [...path, key], context);
      if (!el) continue;
      const u = unwrap(field);
      (PRIMARY.has(key) || isDate(u.core) || !u.optional ? primary : more).push(el);
    }
    return h(
      'div',
      { class: 'form-object', 'data-path': pathAttr(path) },
      primary,
      more.length ? h('details', { class: 'more-fields' }, h('summary', null, t('更多字段', 'More fields')), more) : null,
    );
  }

  private field(key: string, schema: SchemaLike, parent: Json, path: Path, context: 'subject' | 'record' | 'event'): HTMLElement | null {
    const { core, optional, nullable } = unwrap(schema);
    const d = def(core);
    const value = parent[key];
    const wrap = (...control: (HTMLElement | null)[]) =>
      h('label', { class: 'field', 'data-path': pathAttr(path) }, describe(key, schema), control, h('span', { class: 'field-error', 'data-error-for': pathAttr(path) }));

    if (d.type === 'literal') return null; // the discriminator, chosen by its own select
    if (d.type === 'string' || d.type === 'number') {
      const date = isDate(core);
      return wrap(
        h('input', {
          type: date ? 'date' : d.type === 'number' ? 'number' : 'text',
          value: value === undefined || value === null ? '' : String(value),
          'data-input': pathAttr(path),
          oninput: (e: Event) => {
            const raw = (e.target as HTMLInputElement).value;
            const next = raw === '' && optional ? undefined : d.type === 'number' ? (raw === '' ? undefined : Number(raw)) : raw;
            setAt(this.root, path, next);
            this.host.changed(false);
          },
        }),
      );
    }
    if (d.type === 'boolean') {
      const current = value === true ? 'true' : value === false ? 'false' : '';
      return wrap(
        h(
          'select',
          {
            'data-input': pathAttr(path),
            onchange: (e: Event) => {
              const v = (e.target as HTMLSelectElement).value;
              setAt(this.root, path, v === '' ? undefined : v === 'true');
              this.host.changed(false);
            },
          },
          optional ? h('option', { value: '', selected: current === '' }, '—') : null,
          h('option', { value: 'true', selected: current === 'true' }, t('是', 'yes')),
          h('option', { value: 'false', selected: current === 'false' }, t('否', 'no')),
        ),
      );
    }
    if (d.type === 'enum') {
      const values = Object.values(d.entries!);
      return wrap(
        h(
          'select',
          {
            'data-input': pathAttr(path),
            onchange: (e: Event) => {
              const v = (e.target as HTMLSelectElement).value;
              setAt(this.root, path, v === '' ? undefined : v);
              this.host.changed(false);
            },
          },
          optional || value === undefined ? h('option', { value: '', selected: value === undefined }, '—') : null,
          values.map((v) => h('option', { value: v, selected: v === value }, valueLabel(key, v, context))),
        ),
      );
    }
    if (d.type === 'array') {
      const el = unwrap(d.element!).core;
      if (def(el).type === 'enum') return this.enumList(key, schema, value, path, Object.values(def(el).entries!));
      if (def(el).type === 'object' || (def(el).type === 'union' && def(el).discriminator)) return this.list(key, d.element!, value, path, optional);
      return null;
    }
    if (d.type === 'object') return this.optionalObject(key, schema, value, path, optional || nullable, nullable, context);
    return null; // unions of scalars, records, custom: JSON editor only
  }

  private enumList(key: string, schema: SchemaLike, value: unknown, path: Path, values: string[]): HTMLElement {
    const chosen = new Set(Array.isArray(value) ? (value as string[]) : []);
    return h(
      'fieldset',
      { class: 'field enum-list', 'data-path': pathAttr(path) },
      h('legend', null, describe(key, schema)),
      values.map((v) =>
        h(
          'label',
          { class: 'check' },
          h('input', {
            type: 'checkbox',
            checked: chosen.has(v),
            onchange: (e: Event) => {
              if ((e.target as HTMLInputElement).checked) chosen.add(v);
              else chosen.delete(v);
              setAt(this.root, path, values.filter((x) => chosen.has(x)));
              this.host.changed(false);
            },
          }),
          valueLabel(key, v),
        ),
      ),
      h('span', { class: 'field-error', 'data-error-for': pathAttr(path) }),
    );
  }

  /** An object that may be absent (or null): a switch, then its fields. */
  private optionalObject(key: string, schema: SchemaLike, value: unknown, path: Path, optional: boolean, nullable: boolean, context: 'subject' | 'record' | 'event'): HTMLElement {
    const present = value !== undefined && value !== null;
    const state = present ? 'present' : value === null ? 'null' : 'absent';
    const { core } = unwrap(schema);
    return h(
      'fieldset',
      { class: 'field sub-object', 'data-path': pathAttr(path) },
      h(
        'legend',
        null,
        describe(key, schema),
        optional
          ? h(
              'select',
              {
                onchange: (e: Event) => {
                  const v = (e.target as HTMLSelectElement).value;
                  setAt(this.root, path, v === 'absent' ? undefined : v === 'null' ? null : blank(core, this.today(), 0));
                  this.host.changed(true);
                },
              },
              h('option', { value: 'absent', selected: state === 'absent' }, t('未填写', 'not given')),
              nullable ? h('option', { value: 'null', selected: state === 'null' }, t('确认没有', 'known to be none')) : null,
              h('option', { value: 'present', selected: state === 'present' }, t('填写', 'given')),
            )
          : null,
      ),
      present ? this.object(core, value as Json, path, context) : null,
      h('span', { class: 'field-error', 'data-error-for': pathAttr(path) }),
    );
  }

  /** A list of objects (records, honours) or of tagged variants (events), with add and remove. */
  private list(key: string, element: SchemaLike, value: unknown, path: Path, optional: boolean): HTMLElement {
    const items = Array.isArray(value) ? (value as Json[]) : [];
    const el = unwrap(element).core;
    const tagged = def(el).type === 'union' && def(el).discriminator ? def(el) : null;
    const context = key === 'events' ? 'event' : 'record';
    const add = () => {
      const next = [...items, blank(element, this.today(), items.length) as Json];
      setAt(this.root, path, next);
      this.host.changed(true);
    };
    const itemOf = (item: Json, i: number): HTMLElement => {
      const itemPath = [...path, i];
      const remove = h('button', {
        type: 'button',
        class: 'remove',
        title: t('删除', 'Remove'),
        onclick: () => {
          const next = items.filter((_, j) => j !== i);
          setAt(this.root, path, next.length || !optional ? next : undefined);
          this.host.changed(true);
        },
      }, '×');
      if (tagged) {
        const tag = tagged.discriminator!;
        const options = tagged.options!;
        const tags = options.map((o) => String(def(def(o).shape![tag]!).values![0]));
        const option = options[tags.indexOf(String(item[tag]))];
        const select = h(
          'select',
          {
            class: 'tag',
            'data-input': pathAttr([...itemPath, tag]),
            onchange: (e: Event) => {
              const next = blank(options[tags.indexOf((e.target as HTMLSelectElement).value)]!, this.today(), i) as Json;
              if (typeof item.date === 'string') next.date = item.date; // keep the day when the type changes
              setAt(this.root, itemPath, next);
              this.host.changed(true);
            },
          },
          option ? null : h('option', { selected: true }, String(item[tag] ?? '—')),
          tags.map((v) => h('option', { value: v, selected: v === item[tag] }, valueLabel(tag, v, 'event'))),
        );
        return h('div', { class: 'item', 'data-path': pathAttr(itemPath) }, h('div', { class: 'item-head' }, select, remove),
          option ? this.object(option, item, itemPath, 'event') : null,
          h('span', { class: 'field-error', 'data-error-for': pathAttr(itemPath) }));
      }
      return h(
        'div',
        { class: 'item', 'data-path': pathAttr(itemPath) },
        h('div', { class: 'item-head' }, h('span', { class: 'item-title' }, `${i + 1}. ${String(item.id ?? '')}`), remove),
        this.object(el, item, itemPath, context),
        h('span', { class: 'field-error', 'data-error-for': pathAttr(itemPath) }),
      );
    };
    // A long list (a 3,000-record subject) shows its first items; the rest on request, in place.
    const rest = items.length - FORM_ITEMS;
    const more = rest > 0 ? h('button', { type: 'button', class: 'link show-more', 'data-more': rest }, t(`显示其余 ${rest} 条`, `Show the other ${rest}`)) : null;
    more?.addEventListener('click', () => more.replaceWith(...items.slice(FORM_ITEMS).map((item, j) => itemOf(item, FORM_ITEMS + j))));
    return h(
      'fieldset',
      { class: `field list list-${key}`, 'data-path': pathAttr(path) },
      h('legend', null, describe(key, element), h('span', { class: 'count' }, ` (${items.length})`)),
      items.slice(0, FORM_ITEMS).map(itemOf),
      more,
      h('button', { type: 'button', class: 'add', 'data-add': pathAttr(path), onclick: add }, key === 'events' ? t('＋ 事件', '+ event') : key === 'records' ? t('＋ 记录', '+ record') : key === 'honours' ? t('＋ 荣誉', '+ honour') : '+'),
      h('span', { class: 'field-error', 'data-error-for': pathAttr(path) }),
    );
  }
}

/**
 * Shows each issue at the deepest form element its path reaches (paths are relative to the form's
 * root); returns the issues no element took.
 */
export function showIssuesInForm<I extends { path: Path; message: string }>(form: HTMLElement, issues: I[]): I[] {
  for (const el of form.querySelectorAll('.field-error')) el.textContent = '';
  for (const el of form.querySelectorAll('.has-error')) el.classList.remove('has-error');
  const rest: I[] = [];
  for (const i of issues) {
    let slot: Element | null = null;
    for (let n = i.path.length; n >= 0 && !slot; n--) slot = form.querySelector(`[data-error-for="${CSS.escape(pathAttr(i.path.slice(0, n)))}"]`);
    if (!slot) {
      rest.push(i);
      continue;
    }
    slot.textContent = slot.textContent ? `${slot.textContent}；${i.message}` : i.message;
    slot.parentElement?.classList.add('has-error');
  }
  return rest;
}
