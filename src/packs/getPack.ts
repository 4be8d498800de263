import { InvalidInputError, issue } from '../model/errors.js';
import type { Pack } from '../model/pack.js';
import { lookupPack } from './_internal/registry.js';

/**
 * A shipped or loaded pack by id, validated.
 *
 * @param id - e.g. `'cn-tj-binhai'`.
 * @returns the pack (clauses with quotes, rules, mitigation, policy defaults).
 * @throws UnknownPackError naming the known ids; InvalidInputError (`invalid_type`) when `id` is not a string.
 * @example
 * getPack('cn-jl-tonghua').objections?.replyWorkingDays; // { days: 15, clause: 'TH-9' }
 */
export function getPack(id: string): Pack {
  if (typeof id !== 'string') throw new InvalidInputError([issue(['id'], 'invalid_type', '规则包标识应为字符串', 'a pack id must be a string')]);
  return lookupPack(id);
}
