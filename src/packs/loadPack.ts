import { toBoolean, toOptions } from '../_lib/input.js';
import type { Pack } from '../model/pack.js';
import { parsePack } from '../model/parse.js';
import { registerPack } from './_internal/registry.js';

/** Options of `loadPack`. */
export interface LoadPackOptions {
  /**
   * Replace a pack already loaded under the same id (default false: that is an error). Packs that
   * extend it then use the new one; evaluators made before keep deciding with the pack they were
   * made with. Shipped packs cannot be replaced.
   */
  replace?: boolean;
}

/**
 * Validates a host's pack and registers it so queries can name it by id.
 *
 * Everything is checked at load: the shape and the size limits, unknown facts, fields, operators,
 * verdicts and clause ids, paths that are not plain dotted paths (no JSONPath, hence no script
 * evaluation), rules with no clause, clauses neither encoded nor explained, `__proto__`-style keys,
 * and `extends` (which must name known packs, without cycles). Each problem is an issue naming the
 * pack, rule and field.
 *
 * The pack is copied before it is checked and the registered copy is deep-frozen: changing `json`
 * afterwards changes nothing, and neither the returned pack nor `getPack(id)` can be changed.
 * Loading an id that is already loaded is refused unless `replace: true`.
 *
 * @param json - the pack, as parsed JSON.
 * @param options - `replace`: replace a pack loaded earlier under the same id.
 * @returns the validated pack (frozen).
 * @throws InvalidPackError with every issue (also `already_loaded` for a loaded id without
 *   `replace`, `reserved_id` for a shipped one, `breaks_dependent` when replacing would make a pack
 *   that extends it invalid); UnknownPackError for an unknown parent; InvalidInputError (options).
 * @example
 * const pack = loadPack(JSON.parse(fs.readFileSync('my-pack.json', 'utf8')));
 * await evaluate({ pack: pack.id, subject, action: 'promotion', asOf: '2026-11-22' });
 * loadPack(edited, { replace: true }); // a new version under the same id
 */
export function loadPack(json: unknown, options?: LoadPackOptions): Pack {
  const replace = toBoolean(toOptions(options, ['options'], ['replace']).replace, ['options', 'replace']) ?? false;
  const pack = parsePack(json);
  registerPack(pack, replace);
  return pack;
}
