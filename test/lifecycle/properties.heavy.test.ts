// Lifecycle properties (fast-check), heavy: ten times the runs of properties.test.ts.
import { defineLifecycleProperties } from './_properties.js';

defineLifecycleProperties(5_000, 1_000);
