// Waiting for something a learner's running code should bring about, without outliving that code.
import type { Admin } from "kafkajs";
import type { LearnerRun } from "../../runner/sandbox.ts";
import { pollUntil, PollTimeoutError } from "../../cluster/wait.ts";

export type WaitOutcome<T> = { reached: true; value: T } | { reached: false; timedOut: true } | { reached: false; returned: true };

/**
 * Polls `probe` until it holds, the deadline passes, or the learner's run ends first. A run that failed (threw,
 * timed out) rethrows its LearnerFailure, so grading reports the learner's own error.
 */
export async function untilWhileRunning<T>(run: Pick<LearnerRun<unknown>, "result">, probe: () => Promise<T | undefined | false>, timeoutMs: number, description: string): Promise<WaitOutcome<T>> {
  const ended = new AbortController();
  const runEnded = run.result.then(() => ({ reached: false, returned: true }) as const);
  const reached = pollUntil(probe, { timeoutMs, intervalMs: 50, description, signal: ended.signal }).then(
    (value) => ({ reached: true, value }) as const,
    (error: unknown) => {
      if (error instanceof PollTimeoutError) return { reached: false, timedOut: true } as const;
      throw error;
    },
  );
  // The run may fail after the wait is over (e.g. the grader kills it): that is for whoever awaits its result.
  runEnded.catch(() => undefined);
  try {
    return await Promise.race([reached, runEnded]);
  } finally {
    ended.abort();
    await reached.catch(() => undefined);
  }
}

export type Watched<T> = { stalled: false; value: T } | { stalled: true; progress: number };

/**
 * The run's result, unless `progress` (e.g. records written so far) stays the same for `stallMs` before it ends:
 * then the run is stopped (gracefully, so its consumers leave their group) and the progress it reached returned.
 * A consumer stuck on one record (crashing and retrying it forever) is so caught at once, not at the time limit.
 */
export async function resultUnlessStalled<T>(run: LearnerRun<T>, progress: () => Promise<number>, stallMs: number): Promise<Watched<T>> {
  let reached = -1;
  let since = Date.now();
  const stalled = async () => {
    const now = await progress();
    if (now !== reached) [reached, since] = [now, Date.now()];
    return Date.now() - since >= stallMs;
  };
  // The run's own time limit ends it before this deadline.
  const outcome = await untilWhileRunning(run, stalled, 60 * 60_000, "the learner's code to finish or stall");
  if (outcome.reached) {
    await run.stop();
    return { stalled: true, progress: reached };
  }
  return { stalled: false, value: await run.result };
}

/** Whether `groupId` has settled on an assignment with `members` members (at least one by default). */
export async function groupIsStable(admin: Admin, groupId: string, members?: number): Promise<boolean> {
  const [group] = (await admin.describeGroups([groupId])).groups;
  return group?.state === "Stable" && (members === undefined ? group.members.length > 0 : group.members.length === members);
}
