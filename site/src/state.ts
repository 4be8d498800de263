// The playground's state: what is chosen on the page. Views read it and ask main.ts to redraw.
import type { Action, DeadlineState, LocalizedText } from 'gov-credit-rules';
import examplesJson from 'playground:examples';

/** An example file: examples/subjects/*.json or site/examples/*.json. */
export interface Example {
  id: string;
  source: 'site' | 'examples';
  title: LocalizedText;
  situation: LocalizedText;
  asOf: string;
  assessmentYear?: number;
  subject: Record<string, unknown>;
  expect: { pack: string; action: Action; asOf?: string; assessmentYear?: number }[];
}

export const EXAMPLES = examplesJson as Example[];

export type Tab = 'decide' | 'calendar' | 'packs';
export type CalendarMode = 'objection' | 'report' | 'working-days' | 'decision';

export const state = {
  tab: 'decide' as Tab,
  packId: 'cn-tj-binhai',
  exampleId: null as string | null,
  subject: {} as Record<string, unknown>,
  action: 'promotion' as Action,
  asOf: '2026-06-01',
  assessmentYear: 2026,
  editor: 'form' as 'form' | 'json',
  /** The JSON editor's text, which may not parse. */
  jsonText: '',
  /** The timeline's range; null: chosen from the records and the as-of day. */
  range: null as { from: string; to: string } | null,
  calendar: {
    mode: 'objection' as CalendarMode,
    date: '2026-09-28',
    packId: 'cn-jl-tonghua',
    workingDays: 15,
    /** A deadline picked in a decision (mode 'decision'). */
    deadline: null as (DeadlineState & { packId: string }) | null,
  },
  explorerPackId: 'cn-jl-tonghua',
};

/** Picks an example: its subject, and the pack, action and day of its first expectation. */
export function applyExample(ex: Example): void {
  const first = ex.expect[0];
  state.exampleId = ex.id;
  state.subject = structuredClone(ex.subject);
  state.jsonText = JSON.stringify(state.subject, null, 2);
  state.range = null;
  if (first) {
    state.packId = first.pack;
    state.action = first.action;
  }
  state.asOf = first?.asOf ?? ex.asOf;
  state.assessmentYear = first?.assessmentYear ?? ex.assessmentYear ?? Number(state.asOf.slice(0, 4));
}

/** Day arithmetic for drawing (UTC-based, so independent of the viewer's time zone). */
export const dayNumber = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
export const isoOf = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
export const addDays = (iso: string, n: number): string => isoOf(dayNumber(iso) + n);
