// A grading session: the cluster to grade on (reused, or started for this run and stopped after), and
// Ctrl+C handling that stops learner processes and lets the current grade clean up first.
import type { KafkaCluster } from "../cluster/kafka-cluster.ts";
import { onInterrupt } from "../cluster/lifecycle.ts";
import { ensureCluster } from "../cluster/provider.ts";
import type { StartListener } from "../cluster/start-listener.ts";
import { gradeExercise, type GradeOptions } from "./grade.ts";
import type { Exercise } from "./manifest.ts";
import type { ExerciseResult } from "./results.ts";
import type { ClusterSnapshot } from "./snapshot.ts";
import { stopLearnerProcesses } from "./sandbox.ts";

export class GradingSession implements AsyncDisposable {
  private current?: Promise<unknown>;
  /** The previous run's clean-up, which goes on after its verdict is shown. */
  private cleanup: Promise<void> = Promise.resolve();
  private readonly removeInterruptHandler: () => void;

  private constructor(
    readonly cluster: KafkaCluster,
    private readonly ownsCluster: boolean,
  ) {
    this.removeInterruptHandler = onInterrupt(async () => {
      await stopLearnerProcesses();
      await this.current?.catch(() => undefined);
      await this.cleanup;
    });
  }

  static async open(listener: StartListener = {}): Promise<GradingSession> {
    const { cluster, reused } = await ensureCluster({ listener });
    return new GradingSession(cluster, !reused);
  }

  /** The whole result, snapshot included; the run's clean-up goes on after it. */
  async grade(exercise: Exercise, options?: GradeOptions): Promise<ExerciseResult> {
    const { result, snapshot } = await this.gradeVerdictFirst(exercise, options);
    return { ...result, snapshot: await snapshot };
  }

  /** The verdict as soon as it is known, and what the run left on the cluster a moment later. */
  async gradeVerdictFirst(exercise: Exercise, options?: GradeOptions): Promise<{ result: ExerciseResult; snapshot: Promise<ClusterSnapshot | undefined> }> {
    await this.cleanup;
    let snapshot: Promise<ClusterSnapshot | undefined> = Promise.resolve(undefined);
    const grading = gradeExercise(exercise, this.cluster, {
      ...options,
      afterVerdict: (later) => {
        snapshot = later.snapshot;
        this.cleanup = later.cleanup;
      },
    });
    this.current = grading;
    try {
      return { result: await grading, snapshot };
    } finally {
      this.current = undefined;
    }
  }

  async close(): Promise<void> {
    await this.cleanup;
    this.removeInterruptHandler();
    await stopLearnerProcesses();
    if (this.ownsCluster) await this.cluster.stop();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
