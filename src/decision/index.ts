export { explain } from './explain.js';
