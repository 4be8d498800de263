// The statutory mode's entry point for createCalendar and the engine (see StatutoryCalendar.ts).
export { STATUTORY } from './StatutoryCalendar.js';
