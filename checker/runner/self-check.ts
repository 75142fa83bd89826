// For authors: proves on a real cluster that every stub fails, every solution passes, and every typical
// wrong answer under test/fixtures/wrong-answers fails with the message it declares (`// expect: …`).
import { readFileSync, readdirSync } from "node:fs";
import { sha256 } from "./grade.ts";
import type { Exercise } from "./manifest.ts";
import { fromRoot } from "./paths.ts";
import type { ExerciseResult } from "./results.ts";
import type { GradingSession } from "./session.ts";

export const WRONG_ANSWERS_DIR = "test/fixtures/wrong-answers";

export interface SelfCheckCase {
  exercise: Exercise;
  kind: "stub" | "solution" | "wrong-answer";
  file: string;
  /** For wrong answers: the text the failure must contain. */
  expect?: string;
}

export interface SelfCheckOutcome extends SelfCheckCase {
  ok: boolean;
  problem?: string;
  result?: ExerciseResult;
}

export function wrongAnswersOf(exercise: Exercise): SelfCheckCase[] {
  const prefix = `${String(exercise.number).padStart(2, "0")}-${exercise.slug}.`;
  return readdirSync(fromRoot(WRONG_ANSWERS_DIR))
    .filter((name) => name.startsWith(prefix) && name.endsWith(".ts"))
    .sort()
    .map((name) => {
      const file = `${WRONG_ANSWERS_DIR}/${name}`;
      const expect = /^\/\/ expect: (.+)$/m.exec(readFileSync(fromRoot(file), "utf8"))?.[1]?.trim();
      return { exercise, kind: "wrong-answer" as const, file, expect };
    });
}

export function casesOf(exercise: Exercise): SelfCheckCase[] {
  return [{ exercise, kind: "stub", file: exercise.stub }, { exercise, kind: "solution", file: exercise.solution }, ...wrongAnswersOf(exercise)];
}

function failureText(result: ExerciseResult): string {
  return [result.message, ...result.assertions.filter((a) => a.status === "failed").map((a) => a.message)].join("\n");
}

export function judge(testCase: SelfCheckCase, result: ExerciseResult): SelfCheckOutcome {
  const passed = result.status === "passed";
  if (testCase.kind === "solution") return { ...testCase, result, ok: passed, problem: passed ? undefined : `the solution does not pass: ${result.message}` };
  if (passed) return { ...testCase, result, ok: false, problem: `the ${testCase.kind} passes, but it must fail` };
  if (testCase.kind === "wrong-answer") {
    if (!testCase.expect) return { ...testCase, result, ok: false, problem: "the fixture has no `// expect: …` line" };
    if (!failureText(result).includes(testCase.expect)) return { ...testCase, result, ok: false, problem: `it fails, but not with "${testCase.expect}": ${result.message}` };
  }
  return { ...testCase, result, ok: true };
}

export function staleStubHash(exercise: Exercise): string | undefined {
  const actual = sha256(readFileSync(fromRoot(exercise.stub), "utf8"));
  return actual === exercise.stubSha256 ? undefined : actual;
}

export async function selfCheck(session: GradingSession, exercise: Exercise, onOutcome: (outcome: SelfCheckOutcome) => void = () => {}): Promise<SelfCheckOutcome[]> {
  const outcomes: SelfCheckOutcome[] = [];
  for (const testCase of casesOf(exercise)) {
    const result = await session.grade(exercise, { modulePath: fromRoot(testCase.file) });
    const outcome = judge(testCase, result);
    outcomes.push(outcome);
    onOutcome(outcome);
  }
  return outcomes;
}
