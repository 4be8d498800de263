import { MAX_INPUT_ARRAY_LENGTH, MAX_INPUT_DEPTH, MAX_INPUT_ENTRIES } from '../_lib/plain.js';

/**
 * How large any input may be (a query, a subject, a pack, host data in `meta`), checked before the
 * input is walked, so a value built to be expensive is refused at once: no valid input comes near.
 */
export const INPUT_LIMITS = Object.freeze({
  /** Nesting of objects and arrays, the top level being 0 (also stops a cycle): `too_deep`. */
  depth: MAX_INPUT_DEPTH,
  /** Items of any one array, checked by its length before an item is read: `too_big`. */
  arrayItems: MAX_INPUT_ARRAY_LENGTH,
  /** Array items and object properties in all, a shared object counted each time it is reached: `input_too_large`. */
  entries: MAX_INPUT_ENTRIES,
});

/**
 * How large a pack may be. Each limit is about ten times what the largest shipped pack needs
 * (in brackets), so a real pack never meets one, while a hostile or runaway pack is refused at
 * load instead of costing seconds and hundreds of megabytes per decision: the work of a decision
 * grows with rules × conditions per rule (× records × days), and its size with rules × quote length.
 */
export const PACK_LIMITS = Object.freeze({
  /** Rules in one pack [14, cn-national]. */
  rules: 150,
  /** Rules in a pack and every pack it extends, together [20, cn-gd with cn-national]. */
  chainRules: 200,
  /** Packs in an `extends` chain, the pack itself included [2]. */
  chainPacks: 10,
  /** Clauses in one pack [43, cn-national]. */
  clauses: 500,
  /** Clause ids one rule cites [2]. */
  clausesPerRule: 10,
  /** Leaf conditions (`{ fact, path, operator, value }`) in one rule [4]. */
  conditionsPerRule: 40,
  /** Depth of a condition below the top-level `all` / `any` / `not` (a leaf directly under it is at 1) [1]. */
  conditionDepth: 8,
  /** Values in an `in` / `notIn` list [5]. */
  valuesPerCondition: 50,
  /** Characters of a clause's quote (or its simplified form) [135, cn-gd]. */
  quoteLength: 1500,
  /** Characters of each language of a description, reading or note [465, cn-national]. */
  textLength: 4000,
});
