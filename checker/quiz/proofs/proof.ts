// A live proof: a short demonstration on the real cluster that shows a quiz answer happening.
import type { KafkaCluster } from "../../cluster/kafka-cluster.ts";

/** Receives one plain sentence per step, as the demonstration goes. */
export type Narrate = (line: string) => void;

export interface ProofOutcome {
  /** The conclusion in one sentence, tying what was seen back to the concept. */
  summary: string;
  /** The figures the narration reports, for tests and for the screen. */
  observed: Record<string, unknown>;
}

export interface LiveProof {
  id: string;
  title: string;
  /** Runs the demonstration on the cluster, narrating each step in plain sentences; returns what it observed. */
  run(cluster: KafkaCluster, narrate: Narrate): Promise<ProofOutcome>;
}
