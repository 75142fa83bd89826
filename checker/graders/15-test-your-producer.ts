// Grader for exercise 15: the learner's file is a vitest test of publishOrders. We run it once against a correct
// publisher (it must pass) and once against each faulty one (each must fail), all in one vitest run.
import type { GradeContext } from "../runner/grade.ts";
import { LearnerFailure } from "../runner/sandbox.ts";
import { runTestFile, type VariantOutcome } from "../runner/learner-tests.ts";
import { TEST_ENV } from "../testing/index.ts";
import { CORRECT_PUBLISHER, PUBLISHERS } from "../testing/order-publishers.ts";

const TEST_TIMEOUT_MS = 15_000;

export default async function grade(t: GradeContext): Promise<void> {
  const { path, context, timeLimitMs } = t.learnerFile;
  const variants = Object.fromEntries(
    Object.keys(PUBLISHERS).map((name) => [
      name,
      // Each run gets names of its own (kl-<run id>-<publisher>-…), all cleaned up with the grading run.
      { [TEST_ENV.publisher]: name, [TEST_ENV.context]: JSON.stringify({ ...context, runId: `${context.runId}-${name}` }) },
    ]),
  );
  const outcomes = await runTestFile({ file: path, variants, timeLimitMs, testTimeoutMs: TEST_TIMEOUT_MS });

  const correct = outcomes[CORRECT_PUBLISHER]!;
  // A file that does not compile or throws while loading is reported like any learner error.
  if (correct.status === "broken") throw new LearnerFailure(correct.error!.kind, correct.error!.message, correct.error);
  if (!t.expectTrue("your test passes when publishOrders is correct", correct.status === "passed", { expected: "passes", actual: describe(correct) })) return;
  for (const [name, { flaw }] of Object.entries(PUBLISHERS).filter(([, publisher]) => publisher.flaw)) {
    t.expectTrue(`your test fails for a publishOrders that ${flaw}`, outcomes[name]!.status !== "passed", { expected: "fails", actual: describe(outcomes[name]!) });
  }
}

function describe(outcome: VariantOutcome): string {
  if (outcome.status === "no-tests") return "no test ran: the file has no it(…) that runs";
  return outcome.status === "passed" ? "passes" : `fails: ${outcome.failure ?? outcome.error?.message}`;
}
