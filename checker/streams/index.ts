/**
 * `kafkalings/streams`: Kafka Streams for TypeScript, with the semantics of Java Kafka Streams (see version.ts).
 * Each helper adds the export lines of its own files here.
 */
export { KAFKA_STREAMS_VERSION } from "./version.ts";
export { StreamsError, TopologyException, InvalidArgumentError, IllegalStateError } from "./errors.ts";
export { Serdes, SerializationError, type Serde } from "./serdes.ts";
export { KeyValue } from "./keyvalue.ts";
export type { StreamRecord, Change } from "./processor/record.ts";
export type { Processor, ProcessorContext, ProcessorSupplier } from "./processor/api.ts";
export type { ValueAndTimestamp } from "./state/store.ts";
export { Topology } from "./topology/topology.ts";

// DSL
export { StreamsBuilder } from "./streams-builder.ts";
export { KStream } from "./kstream/kstream.ts";
export { KTable } from "./kstream/ktable.ts";
export { KGroupedStream } from "./kstream/kgrouped-stream.ts";
export { KGroupedTable } from "./kstream/kgrouped-table.ts";
export { GlobalKTable } from "./kstream/global-ktable.ts";
export type { BranchedKStream } from "./kstream/branched-kstream.ts";
export { Branched } from "./kstream/options/branched.ts";
export { Consumed } from "./kstream/options/consumed.ts";
export { Grouped } from "./kstream/options/grouped.ts";
export { Materialized } from "./kstream/options/materialized.ts";
export { Named } from "./kstream/options/named.ts";
export { Printed } from "./kstream/options/printed.ts";
export { Produced, type StreamPartitioner } from "./kstream/options/produced.ts";
export { Repartitioned } from "./kstream/options/repartitioned.ts";

// Windowing and suppression
export { Window } from "./kstream/windows/window.ts";
export { TimeWindow } from "./kstream/windows/time-window.ts";
export { SessionWindow } from "./kstream/windows/session-window.ts";
export { Windowed } from "./kstream/windows/windowed.ts";
export { Windows } from "./kstream/windows/windows.ts";
export { TimeWindows } from "./kstream/windows/time-windows.ts";
export { SlidingWindows } from "./kstream/windows/sliding-windows.ts";
export { SessionWindows } from "./kstream/windows/session-windows.ts";
export { WindowedSerdes, TimeWindowedSerde, SessionWindowedSerde } from "./kstream/windows/windowed-serdes.ts";
export type { TimeWindowedKStream } from "./kstream/windowed/time-windowed-kstream.ts";
export type { SessionWindowedKStream } from "./kstream/windowed/session-windowed-kstream.ts";
export { EmitStrategy } from "./kstream/windowed/emit-strategy.ts";
export { Suppressed } from "./kstream/suppress/suppressed.ts";
export { BufferConfig, type StrictBufferConfig, type EagerBufferConfig } from "./kstream/suppress/buffer-config.ts";
export { WindowStores } from "./state/window-stores.ts";
export type { InMemoryTimestampedWindowStore, WindowStoreFacade } from "./state/timestamped-window-store.ts";
export type { InMemorySessionStore } from "./state/session-store.ts";

// Joins
export { JoinWindows } from "./kstream/joins/join-windows.ts";
export { Joined } from "./kstream/joins/joined.ts";
export { StreamJoined } from "./kstream/joins/stream-joined.ts";

// Engine, stores and the test driver
export { STREAMS_CONFIG_DEFAULTS, type StreamsConfig, type ProcessingGuarantee } from "./config.ts";
export { failOnInvalidTimestamp, logAndSkipOnInvalidTimestamp, usePartitionTimeOnInvalidTimestamp } from "./engine/timestamp-extractors.ts";
export type { StateStore } from "./state/store.ts";
export { Stores, type KeyValueBytesStoreSupplier } from "./state/stores.ts";
export type { KeyValueStore } from "./state/in-memory-key-value-store.ts";
export { ValueAndTimestamps, type TimestampedKeyValueStore } from "./state/timestamped-key-value-store.ts";
export { TopologyTestDriver, NoSuchElementError } from "./test-driver/topology-test-driver.ts";
export { TestInputTopic } from "./test-driver/test-input-topic.ts";
export { TestOutputTopic } from "./test-driver/test-output-topic.ts";
export { TestRecord } from "./test-driver/test-record.ts";
export type { TopologyDescription } from "./topology/describe.ts";

// Runtime on the real cluster
export { KafkaStreams, StreamThreadExceptionResponse, type StreamsUncaughtExceptionHandler } from "./runtime/kafka-streams.ts";
export type { KafkaStreamsState, StateListener } from "./runtime/streams-state.ts";
