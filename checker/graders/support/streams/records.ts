// What the Streams graders and their harness (running in the learner's process) exchange: plain records, with
// topics by their short name (what the learner passes to ctx.topic), so they cross the process boundary as JSON.

/** The harness graders pass to t.learnerVia: it runs `buildTopology(builder, ctx)` in the learner's process. */
export const TOPOLOGY_HARNESS = "checker/graders/support/streams/topology-harness.ts";

export interface TopicRecord {
  /** The short name: "page-views" stands for ctx.topic("page-views"). */
  topic: string;
  key: string | null;
  /** The serialized value as text (JSON for JSON serdes). */
  value: string | null;
  timestamp: number;
}

/** A harness request: run the learner's topology through the TopologyTestDriver, or with KafkaStreams on the cluster. */
export type HarnessRequest =
  | {
      mode: "driver";
      /** Short name of the application; the id is ctx.groupId(applicationId), as on the cluster. */
      applicationId: string;
      inputs: TopicRecord[];
      /** Short names of the topics whose records are read after every input. */
      outputs: string[];
      /** Window stores whose presence the grader asks about, by name. */
      windowStores?: string[];
    }
  | {
      mode: "cluster";
      applicationId: string;
      inputs: TopicRecord[];
      /** Wait until each input is processed (through every repartition topic) before writing the next. */
      stepwise: boolean;
    };

export interface DriverRun {
  /** steps[i]: the records the outputs received while input i was processed, in order. */
  steps: TopicRecord[][];
  /** Every topic the topology wrote to, internal ones with the application id stripped: "by-region-repartition". */
  producedTopics: string[];
  /** The window stores asked for that exist. */
  windowStores: string[];
}

export interface ClusterRun {
  /** Internal topics the application created, with the application id stripped. */
  internalTopics: string[];
}

/** Milliseconds as mm:ss (the exercises' timestamps are minutes into the epoch). */
export function clock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}
