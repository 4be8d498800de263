// The packs shipped with the library, inlined at build time. `rules/*.json` is the source of truth.
import national from '../../../rules/cn-national.json';
import tonghua from '../../../rules/cn-jl-tonghua.json';
import guangdong from '../../../rules/cn-gd.json';
import binhai from '../../../rules/cn-tj-binhai.json';
import yunnan from '../../../rules/cn-yn.json';
import innerMongolia from '../../../rules/cn-nm.json';

export const SHIPPED_PACK_JSON: Readonly<Record<string, unknown>> = {
  'cn-national': national,
  'cn-jl-tonghua': tonghua,
  'cn-gd': guangdong,
  'cn-tj-binhai': binhai,
  'cn-yn': yunnan,
  'cn-nm': innerMongolia,
};
