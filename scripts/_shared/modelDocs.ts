/**
 * Field documentation from one source: the `/** … *\/` doc comment written above each field of the
 * zod schemas in src/model (and the schedule schema in src/calendar). From those comments,
 * scripts/gen-docs.ts makes
 *
 *   - src/model/types.generated.ts: the model's TypeScript types (Subject, CreditRecord, Query,
 *     Decision, Pack, …) as interfaces that carry each comment, so editors and the published .d.ts
 *     show them (the types zod infers lose comments in declaration files);
 *   - the `description` of every property in schemas/*.schema.json.
 *
 * A field without a comment fails test/model/field-docs.test.ts. To document a new field: write the
 * comment above it in the schema, then `npm run docs`.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import type * as z from 'zod';

/** A zod schema with the internals this walk reads (zod 4: `_zod.def`). */
export type ZNode = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

export interface FieldDoc {
  text: string | null;
  /** Where the field is declared, for messages: `src/model/record.ts:24`. */
  at: string;
}

export interface ModelDocs {
  /** Per object schema (by identity), each field's comment. */
  fields: Map<ZNode, Map<string, FieldDoc>>;
  /** Per union schema, the comment before each option (events: what each event means). */
  options: Map<ZNode, (string | null)[]>;
  /** The comment above a named schema's declaration. */
  declarations: Map<ZNode, string | null>;
  /** Where an unnamed object sits: `RecordSchema.selfCorrection` (for messages). */
  labels: Map<ZNode, string>;
}

interface Decl {
  expr: ts.Expression;
  sf: ts.SourceFile;
  doc: string | null;
}
interface Src {
  expr: ts.Expression;
  sf: ts.SourceFile;
}

const def = (n: ZNode) => n._zod.def;
/** A lazy schema's target: zod caches it as `_zod.innerType` (calling the getter again would build a new one). */
const lazyTarget = (n: ZNode): ZNode => (n._zod as unknown as { innerType: ZNode }).innerType;

/** The text of the last `/** … *\/` comment before `node`, whitespace collapsed; null if none. */
function docBefore(node: ts.Node, sf: ts.SourceFile): string | null {
  const ranges = ts.getLeadingCommentRanges(sf.text, node.pos) ?? [];
  const last = [...ranges].reverse().find((r) => sf.text.startsWith('/**', r.pos));
  if (!last) return null;
  const body = sf.text.slice(last.pos + 3, last.end - 2);
  const text = body
    .split('\n')
    .map((l) => l.replace(/^\s*\*?\s?/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text || null;
}

/** Every `const NAME = …` of the files, by name (a name may be declared in several files). */
function indexDeclarations(files: readonly string[]): Map<string, Decl[]> {
  const out = new Map<string, Decl[]>();
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const st of sf.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !d.initializer) continue;
        const list = out.get(d.name.text) ?? [];
        list.push({ expr: d.initializer, sf, doc: docBefore(st, sf) });
        out.set(d.name.text, list);
      }
    }
  }
  return out;
}

/** `refinedBy(schema, refusals)` (src/model/_internal/refine.ts) is the schema with a refinement: read as the schema. */
const isRefinedBy = (e: ts.Expression): e is ts.CallExpression =>
  ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'refinedBy' && e.arguments.length > 0;

function unwrapExpr(e: ts.Expression): ts.Expression {
  for (;;) {
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
    else if (isRefinedBy(e)) e = e.arguments[0]!;
    else return e;
  }
}

export function collectModelDocs(roots: Record<string, ZNode>, files: readonly string[]): ModelDocs {
  const decls = indexDeclarations(files);
  const docs: ModelDocs = { fields: new Map(), options: new Map(), declarations: new Map(), labels: new Map() };

  const resolve = (name: string, sf: ts.SourceFile): Decl | undefined => {
    const list = decls.get(name) ?? [];
    return list.find((d) => d.sf === sf) ?? list[0];
  };

  /** The arguments of the `z.<fn>(…)` call that `e` is, or ends in (through methods and names). */
  const callArgs = (src: Src, fns: readonly string[], seen = new Set<ts.Node>()): { args: readonly ts.Expression[]; sf: ts.SourceFile; fn: string } | null => {
    const e = unwrapExpr(src.expr);
    if (seen.has(e)) return null;
    seen.add(e);
    if (ts.isIdentifier(e)) {
      const d = resolve(e.text, src.sf);
      return d ? callArgs({ expr: d.expr, sf: d.sf }, fns, seen) : null;
    }
    if (ts.isArrowFunction(e) && !ts.isBlock(e.body)) return callArgs({ expr: e.body, sf: src.sf }, fns, seen);
    if (!ts.isCallExpression(e)) return null;
    const callee = unwrapExpr(e.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const fn = callee.name.text;
      const recv = unwrapExpr(callee.expression);
      if (ts.isIdentifier(recv) && recv.text === 'z') return fns.includes(fn) ? { args: e.arguments, sf: src.sf, fn } : null;
      return callArgs({ expr: recv, sf: src.sf }, fns, seen);
    }
    return null;
  };

  /** The object literals a schema expression is built from: `z.strictObject({…})`, `.extend({…})`, `.partial()`, names. */
  const literals = (src: Src, seen = new Set<ts.Node>()): { lit: ts.ObjectLiteralExpression; sf: ts.SourceFile }[] => {
    const e = unwrapExpr(src.expr);
    if (seen.has(e)) return [];
    seen.add(e);
    if (ts.isIdentifier(e)) {
      const d = resolve(e.text, src.sf);
      return d ? literals({ expr: d.expr, sf: d.sf }, seen) : [];
    }
    if (ts.isObjectLiteralExpression(e)) return [{ lit: e, sf: src.sf }];
    if (!ts.isCallExpression(e)) return [];
    const callee = unwrapExpr(e.expression);
    if (!ts.isPropertyAccessExpression(callee)) return [];
    const fn = callee.name.text;
    const recv = unwrapExpr(callee.expression);
    if (ts.isIdentifier(recv) && recv.text === 'z') {
      if (['object', 'strictObject', 'looseObject'].includes(fn) && e.arguments[0]) return literals({ expr: e.arguments[0], sf: src.sf }, seen);
      return [];
    }
    const own = fn === 'extend' && e.arguments[0] ? literals({ expr: e.arguments[0], sf: src.sf }, seen) : [];
    return [...own, ...literals({ expr: recv, sf: src.sf }, seen)];
  };

  /** The property `key` of the literals (or of an object spread into them). */
  const property = (lits: { lit: ts.ObjectLiteralExpression; sf: ts.SourceFile }[], key: string): { node: ts.Node; value: ts.Expression | null; sf: ts.SourceFile } | null => {
    for (const { lit, sf } of lits) {
      for (const p of lit.properties) {
        const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : null;
        if (name === key && ts.isPropertyAssignment(p)) return { node: p, value: p.initializer, sf };
        if (name === key && ts.isShorthandPropertyAssignment(p)) return { node: p, value: p.name, sf };
        if (ts.isSpreadAssignment(p)) {
          const found = property(literals({ expr: p.expression, sf }), key);
          if (found) return found;
        }
      }
    }
    return null;
  };

  const walk = (node: ZNode, srcs: Src[], label: string): void => {
    const d = def(node);
    switch (d.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        return walk(d.innerType as ZNode, srcs, label);
      case 'pipe':
        return walk(d.in as ZNode, srcs, label);
      case 'lazy':
        return walk(lazyTarget(node), srcs.flatMap((s) => inner(s, ['lazy'], 0)), label);
      case 'array':
        return walk(d.element as ZNode, srcs.flatMap((s) => inner(s, ['array'], 0)), `${label}[]`);
      case 'record':
        return walk(d.valueType as ZNode, srcs.flatMap((s) => inner(s, ['record'], 1)), `${label}{}`);
      case 'union': {
        if (docs.options.has(node)) return;
        const options = d.options as ZNode[];
        const arrays = srcs.flatMap((s) => {
          const c = callArgs(s, ['union', 'discriminatedUnion']);
          const arr = c ? c.args[c.fn === 'union' ? 0 : 1] : undefined;
          return arr && ts.isArrayLiteralExpression(unwrapExpr(arr)) ? [{ arr: unwrapExpr(arr) as ts.ArrayLiteralExpression, sf: c!.sf }] : [];
        });
        // An option's comment: the one before it in the array, else the one above its declaration.
        const optionDoc = (el: ts.Expression | undefined, sf: ts.SourceFile): string | null => {
          if (!el) return null;
          const e = unwrapExpr(el);
          return docBefore(el, sf) ?? (ts.isIdentifier(e) ? (resolve(e.text, sf)?.doc ?? null) : null);
        };
        docs.options.set(node, options.map((_, i) => arrays.map(({ arr, sf }) => optionDoc(arr.elements[i], sf)).find((x) => x) ?? null));
        options.forEach((o, i) => {
          if (!docs.declarations.has(o)) docs.declarations.set(o, docs.options.get(node)![i] ?? null);
          walk(o, arrays.flatMap(({ arr, sf }) => (arr.elements[i] ? [{ expr: arr.elements[i]!, sf }] : [])), `${label}|${i}`);
        });
        return;
      }
      case 'object': {
        if (docs.fields.has(node)) return;
        const lits = srcs.flatMap((s) => literals(s));
        const fields = new Map<string, FieldDoc>();
        docs.fields.set(node, fields);
        docs.labels.set(node, label);
        for (const [key, child] of Object.entries(d.shape as Record<string, ZNode>)) {
          const p = property(lits, key);
          const at = p ? `${p.sf.fileName.replace(/^.*?(src\/)/, '$1')}:${p.sf.getLineAndCharacterOfPosition(p.node.getStart(p.sf)).line + 1}` : '(source not found)';
          fields.set(key, { text: p ? docBefore(p.node, p.sf) : null, at });
          walk(child, p?.value ? [{ expr: p.value, sf: p.sf }] : [], `${label}.${key}`);
        }
        return;
      }
      default:
        return;
    }
  };

  /** The i-th argument of the `z.<fn>(…)` call of a source expression (an arrow's body for lazy). */
  const inner = (s: Src, fns: readonly string[], i: number): Src[] => {
    const c = callArgs(s, fns);
    const a = c?.args[i];
    if (!a) return [];
    const e = unwrapExpr(a);
    return [{ expr: ts.isArrowFunction(e) && !ts.isBlock(e.body) ? e.body : e, sf: c.sf }];
  };

  for (const [name, node] of Object.entries(roots)) {
    const d = (decls.get(name) ?? [])[0];
    if (d) docs.declarations.set(node, d.doc);
    walk(node, d ? [{ expr: d.expr, sf: d.sf }] : [], name);
  }
  return docs;
}

/** Every field without a comment, as `Name.field (src/model/file.ts:line)`. */
export function undocumented(docs: ModelDocs, nameOf: (n: ZNode) => string | undefined): string[] {
  const out: string[] = [];
  for (const [node, fields] of docs.fields) for (const [k, f] of fields) if (!f.text) out.push(`${nameOf(node) ?? docs.labels.get(node)}.${k} (${f.at})`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// JSON Schema descriptions

type Json = Record<string, unknown>;

/**
 * Puts each field's comment into the `description` of its property in a JSON Schema made from
 * `node` by z.toJSONSchema, walking both together (objects, arrays, unions, nullable, `$ref`s).
 */
export function describeJsonSchema(node: ZNode, json: Json, docs: ModelDocs, root: Json = json, seenRefs = new Set<string>(), stand: Map<ZNode, ZNode> = new Map()): void {
  // A schema the JSON Schema was made from another one (rule conditions: a custom check here, the condition schema there).
  const standIn = stand.get(node);
  if (standIn) return describeJsonSchema(standIn, json, docs, root, seenRefs, stand);
  const d = def(node);
  const ref = typeof json.$ref === 'string' ? (json.$ref as string) : null;
  if (ref) {
    if (seenRefs.has(ref)) return;
    seenRefs.add(ref);
    const target = ref.replace(/^#\//, '').split('/').reduce<unknown>((o, k) => (o as Json | undefined)?.[k], root) as Json | undefined;
    if (target) describeJsonSchema(node, target, docs, root, seenRefs, stand);
    return;
  }
  const branches = (Array.isArray(json.anyOf) ? json.anyOf : Array.isArray(json.oneOf) ? json.oneOf : null) as Json[] | null;
  switch (d.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return describeJsonSchema(d.innerType as ZNode, json, docs, root, seenRefs, stand);
    case 'nullable': {
      const inner = branches ? branches.find((b) => b.type !== 'null') : json;
      if (inner) describeJsonSchema(d.innerType as ZNode, inner, docs, root, seenRefs, stand);
      return;
    }
    case 'pipe':
      return describeJsonSchema(d.in as ZNode, json, docs, root, seenRefs, stand);
    case 'lazy':
      return describeJsonSchema(lazyTarget(node), json, docs, root, seenRefs, stand);
    case 'array':
      if (json.items && typeof json.items === 'object') describeJsonSchema(d.element as ZNode, json.items as Json, docs, root, seenRefs, stand);
      return;
    case 'record':
      if (json.additionalProperties && typeof json.additionalProperties === 'object') describeJsonSchema(d.valueType as ZNode, json.additionalProperties as Json, docs, root, seenRefs, stand);
      return;
    case 'union': {
      const options = d.options as ZNode[];
      const optionDocs = docs.options.get(node);
      if (branches && branches.length === options.length) {
        options.forEach((o, i) => {
          if (optionDocs?.[i] && !branches[i]!.description) branches[i]!.description = optionDocs[i];
          describeJsonSchema(o, branches[i]!, docs, root, seenRefs, stand);
        });
      }
      return;
    }
    case 'object': {
      const props = json.properties as Record<string, Json> | undefined;
      const fields = docs.fields.get(node);
      if (!props) return;
      for (const [key, child] of Object.entries(d.shape as Record<string, ZNode>)) {
        const p = props[key];
        if (!p) continue;
        const text = fields?.get(key)?.text;
        if (text) {
          // A shared schema's own description (dates) steps aside for the field's, kept as a comment.
          if (typeof p.description === 'string' && p.description !== text) p.$comment = p.description;
          p.description = text;
        }
        describeJsonSchema(child, p, docs, root, seenRefs, stand);
      }
      return;
    }
    default:
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// TypeScript declarations

/** A string literal type as the repository writes it: single quotes. */
const quote = (v: string): string => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export interface PrintOptions {
  /** Named schemas: `SubjectSchema` → `Subject`. */
  names: Map<ZNode, string>;
  /** Enums whose values are a vocabulary list print as that list's type (`SubjectKind`). */
  enumNames: { values: readonly string[]; name: string }[];
  /** Leaf schemas printed as a named type: dates (`string`, input `DateInput`), custom ones. */
  leafTypes: Map<ZNode, { output: string; input: string }>;
  /** Roots to declare: [schema, output name or null, input name or null]. */
  roots: [ZNode, string | null, string | null][];
  /** Lines for the top of the file (imports). */
  header: string[];
}

/**
 * The model's types as TypeScript declarations with the schemas' comments: an output interface
 * (what the library returns and zod infers: defaults filled in) and, where it differs, an input
 * one (what a host may pass: defaults optional, dates as `DateInput`, readonly arrays).
 */
export function printTypes(docs: ModelDocs, o: PrintOptions): string {
  const declared = new Map<string, string>(); // name → declaration text
  const order: string[] = [];
  const pending: [ZNode, 'output' | 'input', string][] = [];
  const nameFor = (n: ZNode, mode: 'output' | 'input'): string | null => {
    const base = o.names.get(n);
    if (!base) return null;
    // An input type the same as its output shares the output's name.
    return mode === 'output' || !differs(n) ? base : `${base}Input`;
  };
  const differsMemo = new Map<ZNode, boolean>();
  /** Does the input type differ from the output: a date, a default, an array (readonly) inside? */
  function differs(n: ZNode, visiting = new Set<ZNode>()): boolean {
    const memo = differsMemo.get(n);
    if (memo !== undefined) return memo;
    if (visiting.has(n)) return false;
    visiting.add(n);
    const leaf = o.leafTypes.get(n);
    const d = def(n);
    const any = (xs: ZNode[]) => xs.some((x) => differs(x, visiting));
    const r = leaf
      ? leaf.input !== leaf.output
      : d.type === 'default' || d.type === 'prefault' || d.type === 'array'
        ? true
        : d.type === 'object'
          ? any(Object.values(d.shape as Record<string, ZNode>))
          : d.type === 'union'
            ? any(d.options as ZNode[])
            : d.type === 'lazy'
              ? differs(lazyTarget(n), visiting)
              : ['optional', 'nullable', 'readonly', 'catch'].includes(d.type)
                ? differs(d.innerType as ZNode, visiting)
                : d.type === 'pipe'
                  ? true
                  : false;
    visiting.delete(n);
    differsMemo.set(n, r);
    return r;
  }

  const comment = (text: string | null | undefined, indent: string): string[] => {
    if (!text) return [];
    const words = text.split(' ');
    const lines: string[] = [];
    let line = '';
    for (const w of words) {
      if (line && (indent.length + 4 + line.length + 1 + w.length) > 100) {
        lines.push(line);
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    if (line) lines.push(line);
    if (lines.length === 1) return [`${indent}/** ${lines[0]!.replace(/\*\//g, '*\\/')} */`];
    return [`${indent}/**`, ...lines.map((l) => `${indent} * ${l.replace(/\*\//g, '*\\/')}`), `${indent} */`];
  };

  /** The type of a schema; `inline` prints a named object's structure instead of its name. */
  function typeText(n: ZNode, mode: 'output' | 'input', inline = false, indent = ''): string {
    const leaf = o.leafTypes.get(n);
    if (leaf) return mode === 'input' ? leaf.input : leaf.output;
    const d = def(n);
    if (!inline) {
      const name = o.names.has(n) ? nameFor(n, mode) : null;
      if (name) {
        if (!declared.has(name) && !pending.some((p) => p[2] === name)) pending.push([n, mode, name]);
        return name;
      }
    }
    switch (d.type) {
      case 'optional':
        return `${typeText(d.innerType as ZNode, mode, false, indent)} | undefined`;
      case 'nullable':
        return `${typeText(d.innerType as ZNode, mode, false, indent)} | null`;
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
        return typeText(d.innerType as ZNode, mode, false, indent);
      case 'pipe':
        return typeText((mode === 'input' ? d.in : d.out) as ZNode, mode, false, indent);
      case 'lazy':
        return typeText(lazyTarget(n), mode, false, indent);
      case 'array': {
        const el = typeText(d.element as ZNode, mode, false, indent);
        const wrapped = /[|&]/.test(el) && !/^\{/.test(el) ? `(${el})` : el;
        return mode === 'input' ? `readonly ${wrapped}[]` : `${wrapped}[]`;
      }
      case 'enum': {
        const values = Object.values(d.entries as Record<string, string>);
        const named = o.enumNames.find((e) => e.values.length === values.length && e.values.every((v, i) => v === values[i]));
        return named ? named.name : values.map(quote).join(' | ');
      }
      case 'literal':
        return (d.values as unknown[]).map((v) => (typeof v === 'string' ? quote(v) : JSON.stringify(v))).join(' | ');
      case 'string':
        return 'string';
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'null':
        return 'null';
      case 'unknown':
      case 'any':
        return 'unknown';
      case 'record': {
        const rec = `Record<${typeText(d.keyType as ZNode, mode, false, indent)}, ${typeText(d.valueType as ZNode, mode, false, indent)}>`;
        // z.partialRecord: not every key need be present.
        return d.partial ? `Partial<${rec}>` : rec;
      }
      case 'union':
        return (d.options as ZNode[]).map((x) => typeText(x, mode, false, indent)).join(' | ');
      case 'object':
        return objectText(n, mode, indent);
      default:
        throw new Error(`printTypes: no TypeScript for a zod ${d.type}; add it to leafTypes`);
    }
  }

  function objectText(n: ZNode, mode: 'output' | 'input', indent: string): string {
    const d = def(n);
    const fields = docs.fields.get(n);
    const lines = ['{'];
    for (const [key, child] of Object.entries(d.shape as Record<string, ZNode>)) {
      const cd = def(child);
      const optional = cd.type === 'optional' || (mode === 'input' && (cd.type === 'default' || cd.type === 'prefault'));
      const valueNode = cd.type === 'optional' ? (cd.innerType as ZNode) : child;
      const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
      lines.push(...comment(fields?.get(key)?.text, `${indent}  `), `${indent}  ${k}${optional ? '?' : ''}: ${typeText(valueNode, mode, false, `${indent}  `)};`);
    }
    lines.push(`${indent}}`);
    return lines.join('\n');
  }

  const declare = (n: ZNode, mode: 'output' | 'input', name: string): void => {
    if (declared.has(name)) return;
    declared.set(name, '');
    const target = def(n).type === 'lazy' ? lazyTarget(n) : n;
    const doc = comment(docs.declarations.get(n) ?? docs.declarations.get(target), '');
    let text: string;
    if (def(target).type === 'object') text = [...doc, `export interface ${name} ${objectText(target, mode, '')}`].join('\n');
    else text = [...doc, `export type ${name} = ${typeText(n, mode, true)};`].join('\n');
    declared.set(name, text);
    order.push(name);
  };

  for (const [n, out, inp] of o.roots) {
    if (out) pending.push([n, 'output', out]);
    if (inp) pending.push([n, 'input', inp]);
  }
  while (pending.length) {
    const [n, mode, name] = pending.shift()!;
    declare(n, mode, name);
  }
  return [...o.header, '', ...order.sort().map((name) => declared.get(name)! + '\n')].join('\n');
}
