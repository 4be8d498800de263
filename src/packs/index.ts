export { listPacks, type PackSummary } from './listPacks.js';
export { getPack } from './getPack.js';
export { loadPack } from './loadPack.js';
