/**
 * The Java Kafka Streams release whose behaviour this engine copies, record for record, and that the oracle
 * (checker/streams/oracle, Maven) runs: the newest 4.x that Maven Central serves and that runs on Java 17.
 */
export const KAFKA_STREAMS_VERSION = "4.4.0";
