import type * as z from 'zod';
import type { DateInput } from './date.js';
import type { LifecycleEventSchema } from './events.js';
import type { RecordSchema } from './record.js';
import type { SubjectSchema } from './subject.js';

/** Fields that hold a date: a host may pass a `Date` (read in Asia/Shanghai) as well as `YYYY-MM-DD`. */
type DateField = 'asOf' | 'date' | 'decidedOn' | 'occurredOn' | 'effectiveOn' | 'openedOn' | 'dueOn' | 'validFrom' | 'validUntil' | 'issuedOn';

/**
 * An input type from its schema: every date field also accepts a `Date`, and arrays may be
 * readonly (the library never changes its input).
 */
export type WithDateInputs<T> = T extends readonly (infer E)[]
  ? readonly WithDateInputs<E>[]
  : T extends Date
    ? T
    : T extends object
      ? { [K in keyof T]: K extends DateField ? (T[K] extends string | undefined ? T[K] | DateInput : WithDateInputs<T[K]>) : WithDateInputs<T[K]> }
      : T;

/** A subject as a host passes it: the Subject schema's input, dates as strings or `Date`s. */
export type SubjectInput = WithDateInputs<z.input<typeof SubjectSchema>>;
/** A record as a host passes it (to `recordState`, or in a subject's `records`). */
export type CreditRecordInput = WithDateInputs<z.input<typeof RecordSchema>>;
/** A lifecycle event as a host stores it. */
export type LifecycleEventInput = WithDateInputs<z.input<typeof LifecycleEventSchema>>;
