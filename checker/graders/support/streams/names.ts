// The learner's topology sees the run's real names (kl-<run id>-orders); graders speak in short names ("orders").
import type { ExerciseContext } from "../../../context.ts";

/** The short name of one of the run's topics, or of an internal topic of the application (prefix stripped). */
export function shortName(ctx: ExerciseContext, applicationId: string, topic: string): string {
  if (topic.startsWith(`${applicationId}-`)) return topic.slice(applicationId.length + 1);
  const runPrefix = ctx.topic("");
  return topic.startsWith(runPrefix) ? topic.slice(runPrefix.length) : topic;
}
