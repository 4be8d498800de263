/** The newest modification time of a file or of any file under a folder (0 when absent). */
export function newest(path: string): number;
/** When the sources of a build last changed: src, rules, package.json, tsup.config.ts. */
export function sourcesTime(root: string): number;
/** dist/ holds every file of the package and is newer than every source. */
export function packageBuilt(root: string): boolean;
/** `npm run build` when dist/ is missing a file or older than the sources, with progress on stderr. */
export function ensurePackageBuild(root: string, log?: (line: string) => void): Promise<void>;
/** The CLI as one file: dist/cli.js when current, else a build of the CLI entry alone in node_modules/.cache. */
export function cliBuild(root: string, log?: (line: string) => void): Promise<string>;
