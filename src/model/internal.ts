// The deliberate internal entry of src/model: what other folders of the library use of its private
// modules, and nothing else. Never part of the public surface (src/index.ts does not export it);
// test/source/imports.test.ts refuses any import of src/model/_internal/ from another folder.

export { queryFieldIssues } from './_internal/queryChecks.js';
export { ASSESSMENT_YEARS, QUERY_PACK_ID_MAX } from './_internal/queryLimits.js';
