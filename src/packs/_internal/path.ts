/**
 * Plain dotted-path access on own properties only: `a.b.c`. This replaces json-rules-engine's
 * default resolver (jsonpath-plus, whose script evaluation has had remote-code-execution CVEs),
 * so that no host-supplied pack can ever reach a script evaluator.
 */
export function resolveDottedPath(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
