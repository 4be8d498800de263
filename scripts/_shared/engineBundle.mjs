/**
 * How the builds carry json-rules-engine (tsup.config.ts, and the CLI that `npm run demo` and the
 * tests build: builds.mjs): bundled, without jsonpath-plus.
 *
 * json-rules-engine imports jsonpath-plus (and, inside it, jsep with its plugins and node:vm) only for
 * its default path resolver, which the adapter (src/packs/_internal/jre.ts) replaces with plain dotted
 * paths — packs refuse any other path at load. So no JSONPath or script evaluator is loaded, or
 * installed, with the library (issue 22). A call to the stub would mean a path resolver was not
 * passed: it throws instead of evaluating anything.
 * Plain JavaScript (types in engineBundle.d.mts): builds.mjs runs under node without a compiler.
 */

/** json-rules-engine and the packages it needs at run time, bundled (not installed with the library). */
export const BUNDLED_ENGINE = [/^json-rules-engine(\/|$)/, /^eventemitter2$/, /^hash-it$/, /^clone$/];

/** An esbuild plugin: `jsonpath-plus` resolves to a stub that throws. */
export const jsonPathStub = {
  name: 'jsonpath-plus-stub',
  setup(build) {
    build.onResolve({ filter: /^jsonpath-plus$/ }, () => ({ path: 'jsonpath-plus', namespace: 'jsonpath-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'jsonpath-stub' }, () => ({
      contents:
        "export function JSONPath() { throw new Error('gov-credit-rules: JSONPath is not available (packs use plain dotted paths; the adapter passes its own path resolver)'); }\n",
      loader: 'js',
    }));
  },
};

/** The notice at the top of a file that carries the bundled packages. */
export const BUNDLED_NOTICE = [
  '/*!',
  ' * Bundled: json-rules-engine 7.3 (ISC, (c) Cache Hamm), eventemitter2 6 (MIT, (c) hij1nx),',
  ' * hash-it 6 (MIT, (c) planttheidea), clone 2 (MIT, (c) Paul Vorbach). Their license texts are in',
  ' * THIRD_PARTY_LICENSES.md of this package. jsonpath-plus is not included (see tsup.config.ts).',
  ' */',
].join('\n');
