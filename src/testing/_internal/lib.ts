/**
 * The one door from the testing kit to the library: everything the kit uses at run time comes
 * through here. The build maps this module to the package's main entry (`gov-credit-rules`), so
 * `gov-credit-rules/testing` shares the host's pack registry (packs loaded with `loadPack`) and
 * error classes instead of carrying a second copy of the engine.
 */
export {
  ACTIONS,
  ACTIONS_BY_SUBJECT,
  ANNUAL_REVIEW_ACTIONS,
  CREDIT_CORRECTION_OUTCOMES,
  HONOUR_LEVELS,
  INVESTIGATION_OUTCOMES,
  InvalidEventLogError,
  InvalidInputError,
  InvalidPackError,
  GovCreditError,
  LABELS,
  MITIGATION_OUTCOMES,
  OBJECTION_CHANNELS,
  OBJECTION_OUTCOMES,
  RECORD_KINDS,
  SANCTION_PERIOD_MONTHS,
  STATUTE_FACTS,
  SANCTIONS,
  SELF_CORRECTION_MEASURES,
  SUBJECT_KINDS,
  VERDICT_SEVERITY,
  evaluate,
  getPack,
  listPacks,
  normalizeDates,
  parsePack,
} from '../../index.js';
export * as library from '../../index.js';
