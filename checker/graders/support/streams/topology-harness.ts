// Runs in the learner's process (RunRequest.harness): builds a topology with the learner's
// `buildTopology(builder, ctx)`, then drives it through the TopologyTestDriver or runs it on the cluster.
import type { ExerciseContext } from "../../../context.ts";
import { StreamsBuilder } from "../../../streams/index.ts";
import { driveTopology } from "./drive.ts";
import type { ClusterRun, DriverRun, HarnessRequest } from "./records.ts";
import { runOnCluster } from "./run-on-cluster.ts";

type BuildTopology = (builder: StreamsBuilder, ctx: ExerciseContext) => unknown;

export default async function runTopology(buildTopology: unknown, ctx: ExerciseContext, request: HarnessRequest): Promise<DriverRun | ClusterRun> {
  const builder = new StreamsBuilder();
  await (buildTopology as BuildTopology)(builder, ctx);
  const topology = builder.build();
  return request.mode === "driver" ? driveTopology(topology, ctx, request) : runOnCluster(topology, ctx, request);
}
