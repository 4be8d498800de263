import type { Pack } from '../model/pack.js';
import { parsePack } from '../model/parse.js';
import { registerPack } from './_internal/registry.js';
import { resolvePack } from './_internal/resolve.js';

/**
 * Validates a host's pack and registers it so queries can name it by id.
 *
 * Everything is checked at load: the shape, unknown facts, fields, operators, verdicts and clause
 * ids, paths that are not plain dotted paths (no JSONPath, hence no script evaluation), rules with
 * no clause, clauses neither encoded nor explained, `__proto__`-style keys, and `extends` (which
 * must name known packs, without cycles). Each problem is an issue naming the pack, rule and field.
 *
 * @param json - the pack, as parsed JSON.
 * @returns the validated pack.
 * @throws InvalidPackError with every issue; UnknownPackError for an unknown parent.
 * @example
 * const pack = loadPack(JSON.parse(fs.readFileSync('my-pack.json', 'utf8')));
 * await evaluate({ pack: pack.id, subject, action: 'promotion', asOf: '2026-11-22' });
 */
export function loadPack(json: unknown): Pack {
  const pack = parsePack(json);
  resolvePack(pack);
  registerPack(pack);
  return pack;
}
