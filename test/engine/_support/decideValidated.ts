/**
 * Decides a query that is already validated (the copy a validator returned), with the compiled
 * rules and no validation of its own; an error becomes `{ error, issues }`, so two outcomes compare.
 */
import { compilePack } from '../../../src/engine/_internal/compiledPack.js';
import { buildContext } from '../../../src/engine/_internal/context.js';
import { runSync } from '../../../src/engine/_internal/steps.js';
import { decisionSteps } from '../../../src/engine/_internal/decide.js';
import type { Decision } from '../../../src/model/decision.js';
import type { Query } from '../../../src/model/query.js';

const runners = new Map<string, ReturnType<typeof compilePack>['run']>();

export function decideValidated(query: Query): Decision | { error: string; issues: unknown } {
  try {
    const id = typeof query.pack === 'string' ? query.pack : query.pack.id;
    let run = runners.get(id);
    if (!run) runners.set(id, (run = compilePack(id).run));
    return runSync(decisionSteps(buildContext(query)), run);
  } catch (e) {
    return { error: (e as Error).name, issues: (e as { issues?: unknown }).issues };
  }
}
