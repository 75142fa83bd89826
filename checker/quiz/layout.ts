// How a question is laid out for the learner: its options (or a match's items and choices) in a random order, so
// that neither the position of the right answer nor, for order items, the right order is given away.
import type { Random } from "./random.ts";
import { shuffled } from "./random.ts";
import type { Question } from "./schema.ts";

export interface Entry {
  id: string;
  text: string;
}

export interface Layout {
  /** Options (single, multiple, order) or items (match), in the order shown. */
  entries: Entry[];
  /** A match's choices in the order shown; empty for the other types. */
  choices: Entry[];
}

export function layOut(question: Question, random: Random): Layout {
  if (question.type === "match") return { entries: shuffled(question.items, random), choices: shuffled(question.choices, random) };
  return { entries: shuffled(question.options, random), choices: [] };
}
