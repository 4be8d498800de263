import type { Pack } from '../model/pack.js';
import { lookupPack } from './_internal/registry.js';

/**
 * A shipped or loaded pack by id, validated.
 *
 * @param id - e.g. `'cn-tj-binhai'`.
 * @returns the pack (clauses with quotes, rules, mitigation, policy defaults).
 * @throws UnknownPackError naming the known ids.
 * @example
 * getPack('cn-jl-tonghua').objections?.replyWorkingDays; // { days: 15, clause: 'TH-9' }
 */
export function getPack(id: string): Pack {
  return lookupPack(id);
}
