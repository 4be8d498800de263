/** The years an assessment may be asked about (the range of every date the library accepts). */
export const ASSESSMENT_YEARS = Object.freeze({ min: 1949, max: 2199 });
/** The longest pack id a query may name (code points). */
export const QUERY_PACK_ID_MAX = 60;
