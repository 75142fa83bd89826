// One quiz question, as the question writers' contract (/work/briefs/quiz-format.md) defines it: the shape of
// each type, and the rules that make a question answerable (answers among the options, `wrong` for every
// distractor, "(Choose two.)" matching the answer count, no duplicate option texts).
import { z } from "zod";
import { ID_PREFIX, QUIZ_DOMAINS } from "./domains.ts";

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const OPTION_IDS = "abcdef";
const CHOICE_IDS = "pqrstuvw";

/** YAML reads `text: 3` or `text: true` as a number or boolean; an option's text is always shown as text. */
const text = z.union([z.string().trim().min(1), z.number(), z.boolean()]).transform(String);
const entry = z.strictObject({ id: z.string(), text });

const common = {
  id: z.string().regex(KEBAB, "kebab-case, e.g. dev-acks-all-two-down"),
  domain: z.enum(QUIZ_DOMAINS),
  topic: z.string().trim().min(1),
  lesson: z.number().int().min(1).max(11),
  difficulty: z.enum(["easy", "medium", "hard"]),
  versions: z.string().trim().min(1),
  stem: z.string().trim().min(1),
  explanation: z.string().trim().min(1),
  doc: z.url({ protocol: /^https$/, error: "an https:// URL of a public doc page" }),
  proof: z.string().regex(KEBAB, "a live proof id, kebab-case").optional(),
};

const options = z.array(entry).min(3).max(6);
const wrong = z.record(z.string(), z.string().trim().min(1));

const singleSchema = z.strictObject({ ...common, type: z.literal("single"), options, answer: z.string(), wrong });
const multipleSchema = z.strictObject({ ...common, type: z.literal("multiple"), options, answer: z.array(z.string()).min(2), wrong });
const orderSchema = z.strictObject({ ...common, type: z.literal("order"), options, answer: z.array(z.string()) });
const matchSchema = z.strictObject({
  ...common,
  type: z.literal("match"),
  items: z.array(entry).min(3).max(6),
  choices: z.array(entry).min(3).max(CHOICE_IDS.length),
  answer: z.record(z.string(), z.string()),
});

type Context = z.RefinementCtx;
type Path = (string | number)[];

function fail(context: Context, path: Path, message: string): void {
  context.addIssue({ code: "custom", path, message });
}

/** Ids are a, b, c… (or p, q, r… for match choices) in order, and no two entries share a text. */
function checkEntries(context: Context, field: string, entries: { id: string; text: string }[], letters: string): void {
  entries.forEach((e, index) => {
    if (e.id !== letters[index]) fail(context, [field, index, "id"], `expected id "${letters[index]}" (ids go ${letters.slice(0, entries.length).split("").join(", ")})`);
  });
  const texts = entries.map((e) => e.text.trim().toLowerCase());
  texts.forEach((t, index) => {
    if (texts.indexOf(t) !== index) fail(context, [field, index, "text"], `the same text as ${field} "${entries[texts.indexOf(t)]!.id}"`);
  });
}

function checkIdPrefix(context: Context, question: { id: string; domain: keyof typeof ID_PREFIX }): void {
  const prefix = ID_PREFIX[question.domain];
  if (!question.id.startsWith(prefix)) fail(context, ["id"], `a ${question.domain} question's id starts with "${prefix}"`);
}

function checkAmong(context: Context, path: Path, id: string, ids: string[], what: string): void {
  if (!ids.includes(id)) fail(context, path, `"${id}" is not one of the ${what} (${ids.join(", ")})`);
}

/** `wrong` explains exactly the options that are not in the answer. */
function checkWrong(context: Context, ids: string[], answer: string[], reasons: Record<string, string>): void {
  for (const id of ids) {
    if (!answer.includes(id) && !(id in reasons)) fail(context, ["wrong"], `says nothing about option "${id}", which is not an answer`);
  }
  for (const id of Object.keys(reasons)) {
    if (answer.includes(id)) fail(context, ["wrong", id], `option "${id}" is an answer, so it has no place in wrong`);
    else if (!ids.includes(id)) fail(context, ["wrong", id], `there is no option "${id}"`);
  }
}

const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };

/** How many answers the stem asks for: "(Choose two.)" or "Choose 2"; undefined when it does not say. */
export function requiredCount(stem: string): number | undefined {
  const word = /\bchoose (\w+)\b/i.exec(stem)?.[1]?.toLowerCase();
  if (!word) return undefined;
  return NUMBER_WORDS[word] ?? (Number.isInteger(Number(word)) ? Number(word) : undefined);
}

export const questionSchema = z
  .discriminatedUnion("type", [singleSchema, multipleSchema, orderSchema, matchSchema])
  .superRefine((q, context) => {
    checkIdPrefix(context, q);
    if (q.type === "match") {
      checkEntries(context, "items", q.items, OPTION_IDS);
      checkEntries(context, "choices", q.choices, CHOICE_IDS);
      if (q.choices.length < q.items.length) fail(context, ["choices"], `needs at least as many choices as items (${q.items.length})`);
      const itemIds = q.items.map((i) => i.id);
      const choiceIds = q.choices.map((c) => c.id);
      for (const id of itemIds) if (!(id in q.answer)) fail(context, ["answer"], `does not match item "${id}"`);
      for (const [item, choice] of Object.entries(q.answer)) {
        checkAmong(context, ["answer", item], item, itemIds, "items");
        checkAmong(context, ["answer", item], choice, choiceIds, "choices");
      }
      return;
    }
    checkEntries(context, "options", q.options, OPTION_IDS);
    const ids = q.options.map((o) => o.id);
    if (q.type === "single") {
      checkAmong(context, ["answer"], q.answer, ids, "options");
      checkWrong(context, ids, [q.answer], q.wrong);
    } else if (q.type === "multiple") {
      q.answer.forEach((id, index) => checkAmong(context, ["answer", index], id, ids, "options"));
      if (new Set(q.answer).size !== q.answer.length) fail(context, ["answer"], "lists an option twice");
      if (q.answer.length >= ids.length) fail(context, ["answer"], "cannot be every option");
      const count = requiredCount(q.stem);
      if (count === undefined) fail(context, ["stem"], 'a multiple-answer stem says how many to choose, e.g. "(Choose two.)"');
      else if (count !== q.answer.length) fail(context, ["stem"], `says choose ${count}, but the answer has ${q.answer.length}`);
      checkWrong(context, ids, q.answer, q.wrong);
    } else {
      const sorted = [...q.answer].sort();
      if (sorted.join() !== [...ids].sort().join()) fail(context, ["answer"], `lists every option id exactly once, in the right order (${ids.join(", ")})`);
    }
  });

export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question["type"];
export type ChoiceQuestion = Extract<Question, { type: "single" | "multiple" | "order" }>;
export type MatchQuestion = Extract<Question, { type: "match" }>;
export const QUESTION_TYPES = ["single", "multiple", "order", "match"] as const satisfies readonly QuestionType[];

/**
 * A learner's answer: an option id (single), option ids (multiple: any order; order: in the learner's
 * order), or item id → choice id (match).
 */
export const responseSchema = z.union([z.string(), z.array(z.string()), z.record(z.string(), z.string())]);
export type Response = z.infer<typeof responseSchema>;
