// Exercise 16 — Page views per user per minute: final results only.   Check it: npm run exercise 16
import type { ExerciseContext } from "kafkalings/context";
import { Consumed, KeyValue, Serdes, StreamsBuilder, type Windowed } from "kafkalings/streams";

/** One line of the report: how many pages a user viewed in the minute starting at windowStart (epoch ms). */
export interface ViewsPerMinute {
  windowStart: number;
  views: number;
}

/** Given, keep it: turns a windowed count into the report's record (key: the user). */
export function perMinute(windowed: Windowed<string>, views: number): KeyValue<string, ViewsPerMinute> {
  return KeyValue.pair(windowed.key(), { windowStart: windowed.window().start(), views });
}

/**
 * Count each user's page views per minute, and write each minute's count once, when it is final.
 *
 * Input: ctx.topic("page-views"), key = user, value = page (both strings); the record timestamp is when the page was
 * viewed, and views can arrive out of order. Output: ctx.topic("views-per-minute"), key = user, value =
 * ViewsPerMinute as JSON, exactly one record per user and minute in which the user viewed pages:
 *   - group the views by user (the key already is the user) and count them in tumbling windows of 1 minute that
 *     accept out-of-order views for 10 seconds after the window ends (the grace period); durations are numbers in
 *     milliseconds, as everywhere in kafkalings/streams;
 *   - name the count's state store "page-view-counts" (its changelog topic is then
 *     <application.id>-page-view-counts-changelog);
 *   - hold each count back until its window has closed, then write it (suppress until the window closes);
 *   - turn each windowed count into the output record with perMinute, and write it with a JSON value serde.
 *
 * kafkalings grades the topology record by record through the TopologyTestDriver, then runs it with KafkaStreams
 * on the cluster (record cache off). The names are Java Kafka Streams' own: lesson 11 shows each one.
 */
export function buildTopology(builder: StreamsBuilder, ctx: ExerciseContext): void {
  builder.stream<string, string>(ctx.topic("page-views"), Consumed.with(Serdes.String(), Serdes.String()));
  // TODO: continue the stream: .groupByKey(), .windowedBy(TimeWindows.…), .count(Materialized.as(…)),
  // .suppress(Suppressed.…), .toStream(), .map(perMinute), .to(ctx.topic("views-per-minute"), Produced.with(…))
  // (import what you use from "kafkalings/streams")
}
