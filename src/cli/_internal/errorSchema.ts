import * as z from 'zod';
import type { ErrorJson } from './exit.js';

/**
 * The error contract of the command line and the web service, as a zod schema: the source of
 * schemas/error.schema.json (scripts/gen-docs.ts) and of the OpenAPI document's `Error`. Nothing
 * parses with it at run time; the type check below keeps it equal to `ErrorJson`.
 */
const LocalizedTextSchema = z
  .strictObject({
    'zh-CN': z.string().describe('In Chinese (the default language).'),
    en: z.string().describe('In English.'),
  })
  .describe('A message in both languages.');

export const ErrorIssueSchema = z
  .looseObject({
    path: z
      .array(z.union([z.string(), z.number().int().min(0)]))
      .describe('Where the problem is, from the root of what was sent (`["subject","records",0,"decidedOn"]`); empty for the whole input or argument.'),
    code: z.string().describe('What kind of problem (`invalid_date`, `required`, `unknown_pack`, `unrecognized_keys`, …): stable, for programs.'),
    message: LocalizedTextSchema,
    suggestion: z.string().optional().describe('The closest valid value of a misspelled id, action, kind or key (did-you-mean).'),
  })
  .describe('One problem found, with its path.');

export const ErrorJsonSchema = z
  .strictObject({
    name: z
      .string()
      .describe('The error class: the library\'s (`InvalidInputError`, `UnknownPackError`, `InvalidPackError`, `ConfidentialRecordError`, `InvalidEventLogError`, `CalendarCoverageError`), `CliError` for the command line\'s own, `HttpError` for the web service\'s own.'),
    code: z.string().describe('Stable code: the library\'s (`invalid_input`, `unknown_pack`, …), the command line\'s (docs/cli.md) or the web service\'s (docs/service.md).'),
    message: LocalizedTextSchema.describe('A one-line summary in both languages.'),
    issues: z.array(ErrorIssueSchema).min(1).describe('Every problem found, each with its path; never empty.'),
    hint: LocalizedTextSchema.optional().describe('What to do about it, where the command line or the service knows.'),
    suggestion: z.string().optional().describe('The closest valid value, when the error has one issue with one.'),
    file: z.string().optional().describe('The file the problem is in (command line: a pack, policy or schedule file it was given).'),
    exitCode: z.number().int().min(0).max(4).optional().describe('Command line only (`--format json` on stderr): the exit code the error led to.'),
    status: z.number().int().min(400).max(599).optional().describe('Web service only: the HTTP status of the response.'),
  })
  .describe('An error.');

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time: the schema describes exactly what errorJson() returns (plus exitCode / status). */
export const ERROR_SCHEMA_MATCHES: Same<Omit<z.infer<typeof ErrorJsonSchema>, 'exitCode' | 'status' | 'issues'>, Omit<ErrorJson, 'issues'>> = true;
