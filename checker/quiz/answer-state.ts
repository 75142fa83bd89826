// What the learner has picked so far on one question, before committing: the option chosen (single), the options
// ticked (multiple), the options placed so far (order), or the pairs made (match). Pure state, no screen.
import { isComplete } from "./scoring.ts";
import type { Question, Response } from "./schema.ts";

export type Picks =
  | { type: "single"; chosen?: string }
  | { type: "multiple"; ticked: string[] }
  | { type: "order"; placed: string[] }
  | { type: "match"; pairs: Record<string, string> };

/** The picks a question starts with: empty, or the answer given before (an exam question visited again). */
export function initialPicks(question: Question, previous?: Response): Picks {
  switch (question.type) {
    case "single":
      return { type: "single", chosen: typeof previous === "string" ? previous : undefined };
    case "multiple":
      return { type: "multiple", ticked: Array.isArray(previous) ? previous : [] };
    case "order":
      return { type: "order", placed: Array.isArray(previous) ? previous : [] };
    case "match":
      return { type: "match", pairs: previous && typeof previous === "object" && !Array.isArray(previous) ? previous : {} };
  }
}

/** The picks as a response, once they make a full answer (else undefined). */
export function responseOf(question: Question, picks: Picks): Response | undefined {
  const response = picks.type === "single" ? picks.chosen : picks.type === "multiple" ? picks.ticked : picks.type === "order" ? picks.placed : picks.pairs;
  return isComplete(question, response) ? response : undefined;
}

export function toggle(picks: Extract<Picks, { type: "multiple" }>, id: string): Picks {
  return { ...picks, ticked: picks.ticked.includes(id) ? picks.ticked.filter((t) => t !== id) : [...picks.ticked, id] };
}

export function place(picks: Extract<Picks, { type: "order" }>, id: string): Picks {
  return picks.placed.includes(id) ? picks : { ...picks, placed: [...picks.placed, id] };
}

export function takeBackLast(picks: Extract<Picks, { type: "order" }>): Picks {
  return { ...picks, placed: picks.placed.slice(0, -1) };
}

/** Moves an item's match one step through `choiceIds` (in their shown order), through "none" at the ends. */
export function cycleMatch(picks: Extract<Picks, { type: "match" }>, item: string, choiceIds: string[], step: 1 | -1): Picks {
  const ring = [undefined, ...choiceIds];
  const next = ring[(ring.indexOf(picks.pairs[item]) + step + ring.length) % ring.length];
  const pairs = { ...picks.pairs };
  if (next === undefined) delete pairs[item];
  else pairs[item] = next;
  return { ...picks, pairs };
}
