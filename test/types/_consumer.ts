/**
 * Compiling consumer files that import 'gov-credit-rules' as a strict TypeScript host would, and
 * checking their diagnostics against `// error: <text>` markers (test/types/consumer.test.ts, and
 * test/cli/installed.heavy.test.ts against the installed package's .d.ts).
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { expect } from 'vitest';

const repo = new URL('../..', import.meta.url).pathname;

/** A strict consumer's compiler options, 'gov-credit-rules' resolved by `paths`. */
function consumerOptions(paths: Record<string, string[]>): ts.CompilerOptions {
  return {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: ['node'],
    baseUrl: repo,
    paths,
  };
}

/** Diagnostics of compiling `files` the way a strict consumer would, 'gov-credit-rules' resolved by `paths`. */
export function consumerDiagnostics(files: string[], paths: Record<string, string[]>): ts.Diagnostic[] {
  const program = ts.createProgram(files, consumerOptions(paths));
  return ts.getPreEmitDiagnostics(program).filter((d) => d.file && files.includes(d.file.fileName));
}

/** `// error: <text>` markers: the line after each must have an error whose message contains <text>. */
export function expectedErrors(file: string): { line: number; text: string }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((l, i) => {
      const m = /^\s*\/\/ error: (.+)$/.exec(l);
      return m ? [{ line: i + 1, text: m[1]! }] : [];
    });
}

export function checkConsumer(diags: ts.Diagnostic[], okFile: string, typosFile: string): void {
  const text = (d: ts.Diagnostic) => ts.flattenDiagnosticMessageText(d.messageText, '\n');
  const at = (d: ts.Diagnostic) => d.file!.getLineAndCharacterOfPosition(d.start!).line;
  const ok = diags.filter((d) => d.file!.fileName === okFile);
  expect(ok.map(text)).toEqual([]);
  const typos = diags.filter((d) => d.file!.fileName === typosFile);
  const expected = expectedErrors(typosFile);
  expect(expected.length).toBeGreaterThanOrEqual(7);
  for (const e of expected) {
    const onLine = typos.filter((d) => at(d) === e.line).map(text);
    expect(onLine.some((m) => m.includes(e.text)), `line ${e.line + 1}: want "${e.text}", got ${JSON.stringify(onLine)}`).toBe(true);
  }
  // No error anywhere else: each typo is caught where it is written.
  const lines = new Set(expected.map((e) => e.line));
  expect(typos.filter((d) => !lines.has(at(d))).map(text)).toEqual([]);
}

/**
 * The documentation an editor shows when hovering the first `needle` in `file` (TypeScript's
 * language service, as VS Code uses it), 'gov-credit-rules' resolved by `paths`.
 */
export function hoverDoc(file: string, needle: string, paths: Record<string, string[]>): string {
  const options = consumerOptions(paths);
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (f) => (ts.sys.fileExists(f) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(f)!) : undefined),
    getCurrentDirectory: () => repo,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  const pos = readFileSync(file, 'utf8').indexOf(needle);
  const info = service.getQuickInfoAtPosition(file, pos);
  return ts.displayPartsToString(info?.documentation ?? []);
}
