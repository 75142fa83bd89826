// The live proofs the quiz can run after a question (`p`, or `npm run quiz -- --prove <id>`).
import { acksAllNotEnoughReplicas } from "./acks-all-not-enough-replicas.ts";
import { atLeastOnceRedelivery } from "./at-least-once-redelivery.ts";
import { atMostOnceLoss } from "./at-most-once-loss.ts";
import { autoOffsetResetEarliestLatest } from "./auto-offset-reset-earliest-latest.ts";
import { consumerLagGrowsAndDrains } from "./consumer-lag-grows-and-drains.ts";
import { gracefulCloseVsSessionTimeout } from "./graceful-close-vs-session-timeout.ts";
import { idleConsumerInGroup } from "./idle-consumer-in-group.ts";
import { isrShrinksWhenBrokerStops } from "./isr-shrinks-when-broker-stops.ts";
import { keyToPartitionStability } from "./key-to-partition-stability.ts";
import { logCompactionLatestValue } from "./log-compaction-latest-value.ts";
import { messageTooLarge } from "./message-too-large.ts";
import { orderingWithinPartitionOnly } from "./ordering-within-partition-only.ts";
import { produceToMissingTopic } from "./produce-to-missing-topic.ts";
import type { LiveProof } from "./proof.ts";
import { resetOffsetsNeedsInactiveGroup } from "./reset-offsets-needs-inactive-group.ts";
import { retentionDeletesSegments } from "./retention-deletes-segments.ts";
import { transactionAbortIsolation } from "./transaction-abort-isolation.ts";

export type { LiveProof, ProofOutcome } from "./proof.ts";

export const proofs: LiveProof[] = [
  acksAllNotEnoughReplicas,
  isrShrinksWhenBrokerStops,
  keyToPartitionStability,
  idleConsumerInGroup,
  autoOffsetResetEarliestLatest,
  atLeastOnceRedelivery,
  atMostOnceLoss,
  resetOffsetsNeedsInactiveGroup,
  gracefulCloseVsSessionTimeout,
  logCompactionLatestValue,
  retentionDeletesSegments,
  messageTooLarge,
  transactionAbortIsolation,
  consumerLagGrowsAndDrains,
  orderingWithinPartitionOnly,
  produceToMissingTopic,
];

export function findProof(id: string): LiveProof | undefined {
  return proofs.find((proof) => proof.id === id);
}
