// The examples bundled by scripts/build-site.ts (examples/subjects/*.json and site/examples/*.json).
declare module 'playground:examples' {
  const examples: unknown[];
  export default examples;
}
