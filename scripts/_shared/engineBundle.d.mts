import type { Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/** json-rules-engine and the packages it needs at run time, bundled (not installed with the library). */
export declare const BUNDLED_ENGINE: RegExp[];
/** An esbuild plugin: `jsonpath-plus` resolves to a stub that throws. */
export declare const jsonPathStub: Plugin;
/** The notice at the top of a file that carries the bundled packages. */
export declare const BUNDLED_NOTICE: string;
