/**
 * The OpenAPI 3.1 document of the web service, built from the JSON Schemas shipped in schemas/
 * (Query, Subject, Decision, Pack, Error: the files as generated from the library's zod schemas),
 * the service's own schemas (schemas.ts) and its endpoints (endpoints.ts). scripts/gen-docs.ts
 * writes it to schemas/openapi.json with the other schemas; `serve` answers GET /openapi.json
 * with that file.
 *
 * The shipped schemas are embedded as they are, with three rewrites that generated clients need:
 * `$defs` are moved to components (a `#/$defs/…` reference inside a component would resolve
 * against the document, not the component); and the parts several requests share (Subject, Pack,
 * CreditRecord, Policy, Action, Date, DeadlineState, Note) become components of their own,
 * referenced where they were, so a Java or Python client has one class for each.
 */
import { ENDPOINTS, type Endpoint } from './endpoints.js';
import { DEADLINE_REQUESTS, SERVICE_SCHEMAS, ref, type Json } from './schemas.js';

/** The schemas/*.json files the document is built from, parsed. */
export interface ShippedSchemas {
  query: Json;
  subject: Json;
  decision: Json;
  pack: Json;
  error: Json;
}

export const OPENAPI_SCHEMA_FILES: Record<keyof ShippedSchemas, string> = {
  query: 'query.schema.json',
  subject: 'subject.schema.json',
  decision: 'decision.schema.json',
  pack: 'pack.schema.json',
  error: 'error.schema.json',
};

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function at(root: Json, path: readonly string[], what: string): Json {
  let v: unknown = root;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Json)[k] : undefined;
  if (v === null || typeof v !== 'object') throw new Error(`openapi: ${what} has no ${path.join('.')} (did the schema change shape?)`);
  return v as Json;
}

function without(s: Json, keys: readonly string[]): Json {
  return Object.fromEntries(Object.entries(s).filter(([k]) => !keys.includes(k)));
}

const same = (a: Json, b: Json, ignoring: readonly string[] = ['title', 'description', '$schema']): boolean => JSON.stringify(without(a, ignoring)) === JSON.stringify(without(b, ignoring));

/** Replaces every `$ref` string of `node` (in place) with `map(ref)`. */
function rewriteRefs(node: unknown, map: (ref: string) => string): void {
  if (Array.isArray(node)) for (const x of node) rewriteRefs(x, map);
  else if (node !== null && typeof node === 'object') {
    const o = node as Json;
    if (typeof o.$ref === 'string') o.$ref = map(o.$ref);
    for (const v of Object.values(o)) rewriteRefs(v, map);
  }
}

/** Builds the components, moving each schema's `$defs` up (a definition shared by two files is kept once). */
class Components {
  readonly schemas: Record<string, Json> = {};
  private readonly defs = new Map<string, string>();

  add(name: string, schema: Json): void {
    if (this.schemas[name] && !same(this.schemas[name]!, schema, [])) throw new Error(`openapi: two schemas named ${name}`);
    this.schemas[name] = schema;
  }

  /** The schema without `$schema` and `$defs`, its definitions added as components. */
  hoist(schema: Json): Json {
    const s = clone(schema);
    const defs = (s.$defs ?? {}) as Record<string, Json>;
    const names = new Map<string, string>();
    for (const [key, body] of Object.entries(defs)) {
      const content = `${key}\n${JSON.stringify(body)}`;
      let name = this.defs.get(content);
      if (!name) {
        name = defName(body, Object.keys(this.schemas));
        this.defs.set(content, name);
      }
      names.set(key, name);
    }
    rewriteRefs(s, (r) => {
      const m = /^#\/\$defs\/(.+)$/.exec(r);
      return m && names.has(m[1]!) ? `#/components/schemas/${names.get(m[1]!)}` : r;
    });
    for (const [key, body] of Object.entries(s.$defs ?? {}) as [string, Json][]) this.schemas[names.get(key)!] ??= body;
    return without(s, ['$schema', '$defs']);
  }

  /** Moves the sub-schema at `path` of `owner` to component `name`; the place keeps a reference (and its description). */
  extract(owner: Json, path: readonly string[], name: string, what: string): void {
    const parent = at(owner, path.slice(0, -1), what);
    const key = path[path.length - 1]!;
    const sub = at(owner, path, what);
    const description = typeof sub.description === 'string' ? sub.description : undefined;
    const body = without(sub, ['description']);
    if (typeof body.$comment === 'string' && description === undefined) body.description = body.$comment;
    this.add(name, this.schemas[name] ?? body);
    parent[key] = ref(name, description);
  }
}

/** A readable component name for a moved definition: the rule-condition schemas get theirs. */
function defName(body: Json, taken: string[]): string {
  const props = (body.properties ?? {}) as Json;
  const branches = (body.anyOf ?? []) as Json[];
  let base = 'Definition';
  if (Array.isArray(body.required) && body.required.length === 1 && ['all', 'any', 'not'].includes(body.required[0] as string) && Object.keys(props).length === 1) base = 'RuleConditions';
  else if (branches.some((b) => typeof b === 'object' && b && 'fact' in ((b.properties ?? {}) as Json))) base = 'Condition';
  let name = base;
  for (let i = 2; taken.includes(name); i++) name = `${base}${i}`;
  return name;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'The request is not what the endpoint takes: invalid input, pack, event log, JSON or UTF-8 (each issue has its path).',
  401: 'No token or the wrong one (the service was started with one): send `Authorization: Bearer <token>`.',
  404: 'No pack with this id is shipped or loaded (`unknown_pack`, with the closest id as `suggestion`).',
  408: 'The request did not arrive within the service\'s request timeout.',
  413: 'The request body is over the service\'s body limit.',
  415: 'The request body is not of the type this endpoint takes.',
  422: 'Refused: a confidential or prohibited record (TH-6, `confidential_record`), or a date in a year the calendar has no holiday schedule for (`calendar_coverage`).',
  500: 'Internal error (a bug: please report it with the request).',
  503: 'Too many requests at once (`overloaded`) or the service is shutting down (`shutting_down`): retry after `Retry-After` seconds.',
};

function errorResponse(status: number): Json {
  const headers: Json = {};
  if (status === 503) headers['Retry-After'] = { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } };
  if (status === 401) headers['WWW-Authenticate'] = { description: '`Bearer`.', schema: { type: 'string' } };
  return {
    description: STATUS_TEXT[status] ?? 'Error.',
    ...(Object.keys(headers).length ? { headers } : {}),
    content: { 'application/json': { schema: ref('ErrorResponse') } },
  };
}

function operation(e: Endpoint): Json {
  const responses: Json = {
    200: {
      description: e.response.description,
      content: { [e.response.ndjson ? 'application/x-ndjson' : 'application/json']: { schema: e.response.schema } },
    },
  };
  const statuses = new Set([...e.errors, ...(e.open ? [] : [401, 500, 503])]);
  if (e.operationId === 'readyz') statuses.add(503);
  for (const s of [...statuses].sort()) responses[s] = errorResponse(s);
  const op: Json = {
    operationId: e.operationId,
    tags: [e.tag],
    summary: e.summary,
    ...(e.description ? { description: e.description } : {}),
    ...(e.parameters ? { parameters: e.parameters } : {}),
    ...(e.open ? { security: [] } : {}),
    responses,
  };
  if (e.body !== 'none' && e.request) {
    op.requestBody = {
      required: true,
      ...(e.body === 'ndjson' ? { description: 'One JSON document per line (NDJSON, UTF-8), each valid against the schema.' } : {}),
      content: { [e.body === 'ndjson' ? 'application/x-ndjson' : 'application/json']: { schema: e.request } },
    };
  }
  return op;
}

/**
 * The OpenAPI 3.1 document.
 *
 * @param shipped - the parsed schemas/*.json files (OPENAPI_SCHEMA_FILES).
 * @param version - the package's version.
 * @returns the document, deterministic for the same inputs.
 */
export function openApiDocument(shipped: ShippedSchemas, version: string): Json {
  const c = new Components();
  const pack = c.hoist(shipped.pack);
  const subject = c.hoist(shipped.subject);
  const query = c.hoist(shipped.query);
  const decision = c.hoist(shipped.decision);
  const error = c.hoist(shipped.error);

  // A query's subject and inline pack are the Subject and Pack schemas: one class each in a client.
  const qp = query.properties as Json;
  if (!same(at(query, ['properties', 'subject'], 'query'), subject)) throw new Error('openapi: query.subject is no longer the Subject schema');
  qp.subject = ref('Subject', (qp.subject as Json).description as string | undefined);
  const packOptions = at(query, ['properties', 'pack', 'anyOf'], 'query') as unknown as Json[];
  const inline = packOptions.findIndex((o) => o.type === 'object');
  if (inline === -1 || !same(packOptions[inline]!, pack)) throw new Error('openapi: query.pack is no longer a pack id or the Pack schema');
  packOptions[inline] = ref('Pack');
  c.extract(query, ['properties', 'asOf'], 'Date', 'query');
  c.extract(query, ['properties', 'action'], 'Action', 'query');
  c.extract(query, ['properties', 'policy'], 'Policy', 'query');
  c.extract(subject, ['properties', 'records', 'items'], 'CreditRecord', 'subject');
  c.extract(decision, ['properties', 'deadlines', 'items'], 'DeadlineState', 'decision');
  c.extract(decision, ['properties', 'notes', 'items'], 'Note', 'decision');

  for (const [name, s] of Object.entries({ Query: query, Subject: subject, Decision: decision, Pack: pack, Error: error, ...SERVICE_SCHEMAS, ...DEADLINE_REQUESTS })) c.add(name, s);

  const paths: Json = {};
  for (const e of ENDPOINTS) ((paths[e.path] ??= {}) as Json)[e.method.toLowerCase()] = operation(e);

  return {
    openapi: '3.1.0',
    info: {
      title: 'gov-credit-rules',
      version,
      summary: '政务诚信 rules over HTTP: what a government-integrity record bars or restricts, and when each deadline falls.',
      description:
        'The web service of gov-credit-rules (`gov-credit-rules serve`): the library\'s answers as JSON, for hosts in any language. Every error is `{"error":{name, code, message, issues, hint?, suggestion?, status}}` (the command line\'s JSON error contract) with the HTTP status listed per operation. Dates are civil dates in China, YYYY-MM-DD. See docs/service.md.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    tags: [
      { name: 'decisions', description: 'Decisions, screening, record state and timelines.' },
      { name: 'packs', description: 'The rule packs.' },
      { name: 'calendar', description: 'The working-day calendar (法定节假日, 调休).' },
      { name: 'deadlines', description: 'Legal deadlines and disciplinary periods.' },
      { name: 'operations', description: 'Health, readiness and this document.' },
    ],
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(c.schemas).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'Needed only when the service was started with a token (GOV_CREDIT_RULES_TOKEN or --token-file); always when it listens beyond loopback.' },
      },
    },
    security: [{}, { bearerAuth: [] }],
  };
}
