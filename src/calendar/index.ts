// Working-day calendar (issue #3): filled in by the calendar work.
export {};
