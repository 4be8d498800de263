import { InvalidPackError, issue, UnknownPackError } from '../../model/errors.js';
import type { Pack } from '../../model/pack.js';
import { parsePack } from '../../model/parse.js';
import { resolvePackWith, type ResolvedPack } from './resolve.js';
import { SHIPPED_PACK_JSON } from './shipped.js';

// Parsed lazily: importing the library costs nothing until a pack is used. Every pack here is
// deep-frozen (parsePack), so what getPack and listPacks hand out cannot change a decision.
const shipped = new Map<string, Pack>();
const hosted = new Map<string, Pack>();
/** Bumped whenever a pack is registered, so that resolved `extends` chains (resolvePack) are re-checked. */
let generation = 0;

export function shippedPackIds(): string[] {
  return Object.keys(SHIPPED_PACK_JSON);
}

export function isShipped(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(SHIPPED_PACK_JSON, id);
}

export function lookupPack(id: string): Pack {
  const h = hosted.get(id);
  if (h) return h;
  let p = shipped.get(id);
  if (!p && isShipped(id)) {
    p = parsePack(SHIPPED_PACK_JSON[id]);
    shipped.set(id, p);
  }
  if (!p) throw new UnknownPackError(id, [...shippedPackIds(), ...hosted.keys()]);
  return p;
}

/**
 * Registers a validated pack. An id already loaded is refused unless `replace` is true; a shipped
 * id never. On replacement every loaded pack that extends the id, directly or through others, is
 * resolved again against the new pack first: if any would no longer resolve (a cycle, a rule id
 * twice in its chain), nothing is replaced and the error names that pack.
 */
export function registerPack(pack: Pack, replace = false): void {
  if (isShipped(pack.id)) {
    throw new InvalidPackError([
      issue(['id'], 'reserved_id', `规则包标识 ${pack.id} 为内置规则包所用，请另取标识`, `pack id ${pack.id} is taken by a shipped pack; choose another id`),
    ]);
  }
  if (hosted.has(pack.id) && !replace) {
    throw new InvalidPackError([
      issue(
        ['id'],
        'already_loaded',
        `规则包 ${pack.id} 已加载；如要替换，请传入 { replace: true }（扩展它的规则包随之改用新版本）`,
        `pack ${pack.id} is already loaded; pass { replace: true } to replace it (packs that extend it then use the new one)`,
      ),
    ]);
  }
  const lookup = (id: string): Pack => (id === pack.id ? pack : lookupPack(id));
  resolvePackWith(pack, lookup);
  if (hosted.has(pack.id)) {
    for (const other of hosted.values()) {
      if (other.id === pack.id || !extendsTransitively(other, pack.id)) continue;
      try {
        resolvePackWith(other, lookup);
      } catch (e) {
        if (!(e instanceof InvalidPackError || e instanceof UnknownPackError)) throw e;
        throw new InvalidPackError([
          issue(
            ['id'],
            'breaks_dependent',
            `替换规则包 ${pack.id} 会使扩展它的规则包 ${other.id} 无效：${e.issues[0]?.message['zh-CN'] ?? ''}`,
            `replacing pack ${pack.id} would make pack ${other.id}, which extends it, invalid: ${e.issues[0]?.message.en ?? ''}`,
          ),
        ]);
      }
    }
  }
  hosted.set(pack.id, pack);
  generation++;
}

/** Does `pack` extend `id`, directly or through the packs it extends (as registered now)? */
function extendsTransitively(pack: Pack, id: string, seen = new Set<string>()): boolean {
  for (const parent of pack.extends) {
    if (parent === id) return true;
    if (seen.has(parent)) continue;
    seen.add(parent);
    let p: Pack;
    try {
      p = lookupPack(parent);
    } catch {
      continue;
    }
    if (extendsTransitively(p, id, seen)) return true;
  }
  return false;
}

export function registeredPackIds(): string[] {
  return [...shippedPackIds(), ...hosted.keys()];
}

const cache = new WeakMap<Pack, { resolved: ResolvedPack; generation: number }>();

/**
 * Resolves `extends` against the registry (depth first, parents before children, each pack once)
 * and merges policy. Memoised per pack object; after a pack is registered or replaced, a memoised
 * chain is used again only if each pack in it is still the one registered under its id, so that a
 * pack extending a replaced one follows the replacement.
 */
export function resolvePack(pack: Pack): ResolvedPack {
  const current = generation;
  const hit = cache.get(pack);
  if (hit && (hit.generation === current || hit.resolved.chain.every((p) => p === pack || isRegistered(p)))) {
    hit.generation = current;
    return hit.resolved;
  }
  const resolved = resolvePackWith(pack, lookupPack);
  cache.set(pack, { resolved, generation: current });
  return resolved;
}

function isRegistered(p: Pack): boolean {
  try {
    return lookupPack(p.id) === p;
  } catch {
    return false;
  }
}
