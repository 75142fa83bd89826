// Questions built in code for the quiz's unit tests, valid by the bank's schema.
import { questionSchema, type Question } from "../../checker/quiz/schema.ts";
import { ID_PREFIX, type QuizDomain } from "../../checker/quiz/domains.ts";

let counter = 0;

/** A valid single-answer question (answer "a") in `domain`, with `topic`; `extra` overrides any field. */
export function singleQuestion(domain: QuizDomain = "Fundamentals", topic = "Topic", extra: Record<string, unknown> = {}): Question {
  counter += 1;
  return questionSchema.parse({
    id: `${ID_PREFIX[domain]}q${counter}`,
    domain,
    topic,
    lesson: 1,
    type: "single",
    difficulty: "easy",
    versions: "all",
    stem: `Question ${counter}?`,
    options: [
      { id: "a", text: "Right" },
      { id: "b", text: "Wrong one" },
      { id: "c", text: "Wrong two" },
    ],
    answer: "a",
    explanation: "Because.",
    wrong: { b: "No.", c: "No." },
    doc: "https://kafka.apache.org/documentation/",
    ...extra,
  });
}

export function questionsIn(domain: QuizDomain, count: number): Question[] {
  return Array.from({ length: count }, () => singleQuestion(domain));
}
