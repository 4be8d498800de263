// Lifecycle properties (fast-check), light; properties.heavy.test.ts runs them ten times longer.
import { defineLifecycleProperties } from './_properties.js';

defineLifecycleProperties(500, 100);
