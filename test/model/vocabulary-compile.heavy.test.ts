import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Issue 24: adding a value to the event, record-status or action vocabulary without its words fails
// `npm run typecheck`. Proved on a scratch copy of model/vocabulary.ts (the one owner of every closed
// set and its label tables): the copy adds one value to each list, and the compiler must refuse each
// label table that lacks it, and nothing else (`npm run typecheck` proves the unedited source clean).

const root = path.resolve(__dirname, '../..');
const vocabularyFile = path.join(root, 'src/model/vocabulary.ts').replaceAll('\\', '/');
// The modules that own the sets and their words: the vocabulary, the label groups, the event schema, and
// the table of which event may follow which.
// Only they are type-checked (the rest of the library is read for types, not checked), which keeps the
// test light; `npm run typecheck` checks everything.
const roots = ['src/model/labels.ts', 'src/model/events.ts', 'src/model/eventOrder.ts'].map((f) => path.join(root, f));
const checked = ['src/model/vocabulary.ts', 'src/model/labels.ts', 'src/model/events.ts', 'src/model/eventOrder.ts'];

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return { ...parsed.options, noEmit: true };
}

/** Adds `value` as the first entry of the `as const` list `name` in the vocabulary's source. */
function addValue(source: string, name: string, value: string): string {
  const at = source.indexOf(`export const ${name} = /* @__PURE__ */ deepFreeze([`);
  if (at < 0) throw new Error(`list ${name} not found in model/vocabulary.ts`);
  const open = source.indexOf('[', at);
  return `${source.slice(0, open + 1)}'${value}', ${source.slice(open + 1)}`;
}

function diagnostics(edit: (source: string) => string): { errors: { file: string; line: number; text: string }[] } {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (f) => (f.replaceAll('\\', '/') === vocabularyFile ? edit(readFile(f) ?? '') : readFile(f));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang, onError) => {
    if (f.replaceAll('\\', '/') !== vocabularyFile) return getSourceFile(f, lang, onError);
    return ts.createSourceFile(f, host.readFile(f) ?? '', lang);
  };
  const program = ts.createProgram({ rootNames: roots, options, host });
  const files = checked.map((f) => program.getSourceFile(path.join(root, f))!);
  const errors = files.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]).map((d) => ({
    file: d.file ? path.relative(root, d.file.fileName).replaceAll('\\', '/') : '',
    line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
    text: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
  return { errors };
}

/** The label table (`export const X = {` or LABELS' `group: {`) a line of the vocabulary falls in. */
function tableAt(source: string, line: number): string {
  const lines = source.split('\n').slice(0, line);
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^export const ([A-Z_]+) =/.exec(lines[i]!);
    if (m) return m[1]!;
  }
  return '';
}

describe('the vocabulary is the one owner: a value without its words does not compile', () => {
  it('refuses an event type, a record status and an action added without labels, and nothing else', () => {
    const edit = (s: string) => addValue(addValue(addValue(s, 'LIFECYCLE_EVENT_TYPES', 'scratch-event'), 'RECORD_STATUSES', 'scratch-status'), 'ACTIONS', 'scratch-action');
    const { errors } = diagnostics(edit);
    const source = edit(ts.sys.readFile(vocabularyFile) ?? '');
    const where = (value: string) =>
      errors.filter((e) => e.text.includes(`'${value}'`) || e.text.includes(`"${value}"`)).map((e) => (e.file === 'src/model/vocabulary.ts' ? tableAt(source, e.line) : e.file));

    // The event's words (timelines, the playground) and the event schema, which must list it too.
    expect(where('scratch-event')).toEqual(expect.arrayContaining(['EVENT_TYPE_LABELS']));
    expect(errors.some((e) => e.file === 'src/model/events.ts')).toBe(true);
    // Which event may follow which, and what it does to the log (the validator and the generators read it).
    expect(where('scratch-event')).toEqual(expect.arrayContaining(['src/model/eventOrder.ts']));
    // A record's status in decisions, explain() and the CLI.
    expect(where('scratch-status')).toEqual(expect.arrayContaining(['RECORD_STATUS_LABELS']));
    // An action's words (LABELS.action) and the CLI's phrases for it.
    expect(where('scratch-action')).toEqual(expect.arrayContaining(['LABELS']));
    // Nothing but the three additions is refused.
    for (const e of errors) expect(e.text).toMatch(/scratch-|SchemaEventType|schemaTypesAreTheVocabulary|true/);
  });
});
