import { StreamsError } from "../errors.ts";
import type { TimestampExtractor } from "../topology/nodes.ts";

/** What the engine hands an extractor: the deserialized record plus where it came from (Java's ConsumerRecord). */
export interface ExtractorInput {
  readonly key: unknown;
  readonly value: unknown;
  readonly timestamp: number;
  readonly topic?: string;
  readonly partition?: number;
  readonly offset?: number;
}

/**
 * Java's default `default.timestamp.extractor` (FailOnInvalidTimestamp): the record's own timestamp, and a fatal
 * error for a negative one. A custom extractor that returns a negative timestamp makes the task skip the record.
 */
export const failOnInvalidTimestamp: TimestampExtractor = (record: ExtractorInput) => {
  if (record.timestamp >= 0) return record.timestamp;
  throw new StreamsError(
    `Input record ${describe(record)} has invalid (negative) timestamp. Possibly because a pre-0.10 producer client was used to write this record to Kafka ` +
      "without embedding a timestamp, or because the input topic was created before upgrading the Kafka cluster to 0.10+. " +
      "Use a different TimestampExtractor to process this data.",
  );
};

/** Java's LogAndSkipOnInvalidTimestamp: returns the (possibly negative) timestamp, so the task drops negative ones. */
export const logAndSkipOnInvalidTimestamp: TimestampExtractor = (record) => record.timestamp;

/** Java's UsePartitionTimeOnInvalidTimestamp: a negative timestamp is replaced by the partition's highest so far. */
export const usePartitionTimeOnInvalidTimestamp: TimestampExtractor = (record, partitionTime) => {
  if (record.timestamp >= 0) return record.timestamp;
  if (partitionTime < 0) {
    throw new StreamsError(
      `Could not infer new timestamp for input record ${describe(record)} because partition time is unknown.`,
    );
  }
  return partitionTime;
};

function describe(record: ExtractorInput): string {
  return `{topic=${record.topic}, partition=${record.partition}, offset=${record.offset}, timestamp=${record.timestamp}}`;
}
