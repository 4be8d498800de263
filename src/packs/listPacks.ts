import { isShipped, lookupPack, registeredPackIds } from './_internal/registry.js';

/** What `listPacks` returns for each pack. */
export interface PackSummary {
  id: string;
  name: { 'zh-CN': string; en: string };
  division: string | null;
  /** 文号. */
  document: string;
  title: string;
  issuer: string;
  issuedOn: string;
  effectiveOn: string;
  extends: string[];
  rules: number;
  clauses: number;
  shipped: boolean;
}

/**
 * The packs available to queries: the shipped ones (rules/*.json) and any loaded with `loadPack`.
 *
 * @returns one summary per pack, shipped packs first.
 * @example
 * listPacks().map((p) => `${p.id} ${p.document}`);
 * // ['cn-national …', 'cn-jl-tonghua 通市信用〔2018〕2号', …]
 */
export function listPacks(): PackSummary[] {
  return registeredPackIds().map((id) => {
    const p = lookupPack(id);
    return {
      id: p.id,
      name: { ...p.name },
      division: p.division,
      document: p.document.number,
      title: p.document.title,
      issuer: p.document.issuer,
      issuedOn: p.document.issuedOn,
      effectiveOn: p.document.effectiveOn,
      extends: [...p.extends],
      rules: p.rules.length,
      clauses: p.clauses.length,
      shipped: isShipped(id),
    };
  });
}
