import { InvalidPackError, issue, UnknownPackError } from '../../model/errors.js';
import type { Pack } from '../../model/pack.js';
import { parsePack } from '../../model/parse.js';
import { SHIPPED_PACK_JSON } from './shipped.js';

// Parsed lazily: importing the library costs nothing until a pack is used.
const shipped = new Map<string, Pack>();
const hosted = new Map<string, Pack>();

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

export function registerPack(pack: Pack): void {
  if (isShipped(pack.id)) {
    throw new InvalidPackError([
      issue(['id'], 'reserved_id', `规则包标识 ${pack.id} 为内置规则包所用，请另取标识`, `pack id ${pack.id} is taken by a shipped pack; choose another id`),
    ]);
  }
  hosted.set(pack.id, pack);
}

export function registeredPackIds(): string[] {
  return [...shippedPackIds(), ...hosted.keys()];
}
