/**
 * schemas/openapi.json: a valid OpenAPI 3.1 document (checked with @seriousme/openapi-schema-validator,
 * every reference resolved), built from the shipped JSON Schemas (the same files, their parts moved
 * to components, nothing else changed), every component a schema ajv compiles, every endpoint the
 * server registers described, every error answer the ErrorResponse. schemas/error.schema.json is the
 * command line's `--format json` error and a batch line's `error`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json';
import { ENDPOINTS } from '../../../src/cli/serve/endpoints.js';
import { HANDLERS } from '../../../src/cli/serve/handlers.js';
import { openApiDocument, OPENAPI_SCHEMA_FILES, type ShippedSchemas } from '../../../src/cli/serve/openapi.js';
import { repo, run } from '../_support.js';
import { openApi } from './_serve.js';

const read = (f: string) => JSON.parse(readFileSync(join(repo, 'schemas', f), 'utf8'));
const doc = read('openapi.json');
const shipped = Object.fromEntries(Object.entries(OPENAPI_SCHEMA_FILES).map(([k, f]) => [k, read(f)])) as unknown as ShippedSchemas;

describe('schemas/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document whose references all resolve', async () => {
    const validator = new Validator();
    const res = await validator.validate(structuredClone(doc));
    expect(res.errors ?? [], JSON.stringify(res.errors)?.slice(0, 2000)).toEqual([]);
    expect(res.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    // Every reference resolved: none is left (the rule conditions are recursive, so the result has cycles).
    const resolved = validator.resolveRefs() as { paths: Record<string, unknown> };
    const seen = new Set<unknown>();
    const refs: string[] = [];
    const walk = (v: unknown): void => {
      if (v === null || typeof v !== 'object' || seen.has(v)) return;
      seen.add(v);
      if (typeof (v as { $ref?: unknown }).$ref === 'string') refs.push((v as { $ref: string }).$ref);
      for (const x of Object.values(v)) walk(x);
    };
    walk(resolved.paths);
    expect(refs).toEqual([]);
    expect(seen.size).toBeGreaterThan(1000);
  });

  it('is what the shipped schemas give (npm run docs writes it), with the package version', () => {
    expect(openApiDocument(shipped, pkg.version)).toEqual(doc);
    expect(doc.info.version).toBe(pkg.version);
  });

  it('embeds the shipped schemas: Query, Subject, Decision, Pack and Error are those files once their shared parts are put back', () => {
    const inline = (s: unknown): unknown =>
      JSON.parse(JSON.stringify(s), (_k, v) => {
        if (v && typeof v === 'object' && typeof v.$ref === 'string' && v.$ref.startsWith('#/components/schemas/')) {
          const name = v.$ref.slice('#/components/schemas/'.length);
          const target = doc.components.schemas[name];
          // The moved parts come back in place (recursive conditions stay references: they are $defs in the files too).
          if (['RuleConditions', 'Condition'].includes(name)) return v;
          const { $ref: _r, description, ...rest } = v;
          const back = inline(target) as Record<string, unknown>;
          const { description: own, ...body } = back;
          return { ...body, ...rest, ...(description !== undefined ? { description } : own !== undefined && !['Subject', 'Pack'].includes(name) ? { description: own } : {}) };
        }
        return v;
      });
    const strip = (s: Record<string, unknown>) => {
      const { $schema: _s, $defs: _d, title: _t, description: _x, ...rest } = s;
      return JSON.parse(JSON.stringify(rest).replace(/"#\/\$defs\/__schema0"/g, '"#/components/schemas/RuleConditions"').replace(/"#\/\$defs\/__schema1"/g, '"#/components/schemas/Condition"'));
    };
    const pick = (x: Record<string, unknown>) => {
      const { title: _t, description: _d, ...rest } = x;
      return rest;
    };
    for (const [name, file] of [
      ['Decision', 'decision'],
      ['Subject', 'subject'],
      ['Error', 'error'],
    ] as const) {
      expect(pick(inline(doc.components.schemas[name]) as Record<string, unknown>), name).toEqual(strip(shipped[file]));
    }
    expect(Object.keys(doc.components.schemas.Query.properties)).toEqual(Object.keys(shipped.query.properties as object));
  });

  it('every component is a JSON Schema ajv compiles (draft 2020-12), with every reference found', () => {
    const { validate } = openApi();
    for (const name of Object.keys(doc.components.schemas)) expect(() => validate({ $ref: `#/components/schemas/${name}` }, null), name).not.toThrow();
    // A query the library accepts is valid against the Query component.
    expect(validate({ $ref: '#/components/schemas/Query' }, read('../examples/query.json'))).toEqual([]);
  });

  it('describes every endpoint the service registers, each with a handler; every error answer is the ErrorResponse', () => {
    const ops = ENDPOINTS.map((e) => e.operationId);
    expect(new Set(ops).size).toBe(ops.length);
    for (const e of ENDPOINTS) {
      const op = doc.paths[e.path]?.[e.method.toLowerCase()];
      expect(op, `${e.method} ${e.path}`).toBeDefined();
      expect(op.operationId).toBe(e.operationId);
      if (!['healthz', 'readyz', 'openApiDocument', 'screen'].includes(e.operationId)) expect(HANDLERS[e.operationId], e.operationId).toBeTypeOf('function');
      for (const [status, r] of Object.entries(op.responses as Record<string, { content: Record<string, { schema: { $ref?: string } }> }>)) {
        if (Number(status) >= 400) expect(r.content['application/json']!.schema.$ref).toBe('#/components/schemas/ErrorResponse');
      }
      if (!e.open) expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '500', '503']));
    }
    expect(Object.keys(doc.paths).length).toBe(new Set(ENDPOINTS.map((e) => e.path)).size);
    expect(doc.paths['/v1/screen'].post.requestBody.content['application/x-ndjson']).toBeDefined();
  });
});

describe('schemas/error.schema.json: the command line\'s error contract', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const check = ajv.compile(read('error.schema.json'));

  it('validates the --format json error of evaluate, of a usage error, and a batch line\'s error', async () => {
    const refused = await run(['evaluate', '-', '--format', 'json'], { input: JSON.stringify({ pack: 'cn-tj-binhai', subject: { id: 'x', kind: 'civil-servant' }, action: 'excellent-rating', asOf: '2026-11-20' }) });
    const usage = await run(['evaluate', 'x.json', '--pack', 'cn-tj-binhia', '--format', 'json']);
    const batch = await run(['batch', '-', '--pack', 'cn-yn', '--action', 'awards', '--as-of', '2026-11-20', '--quiet'], { input: '{"id":"x","kind":"mayor"}\n{bad\n' });
    const errors = [JSON.parse(refused.stderr).error, JSON.parse(usage.stderr).error, ...batch.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).error)];
    expect(errors).toHaveLength(4);
    for (const e of errors) expect(check(e) ? [] : check.errors, JSON.stringify(e)).toEqual([]);
  });
});
