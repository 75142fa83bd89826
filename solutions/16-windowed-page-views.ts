// Reference solution for exercise 16 — Page views per user per minute: final results only.
import type { ExerciseContext } from "kafkalings/context";
import { Consumed, KeyValue, Materialized, Produced, Serdes, StreamsBuilder, Suppressed, TimeWindows, type Windowed } from "kafkalings/streams";

export interface ViewsPerMinute {
  windowStart: number;
  views: number;
}

export function perMinute(windowed: Windowed<string>, views: number): KeyValue<string, ViewsPerMinute> {
  return KeyValue.pair(windowed.key(), { windowStart: windowed.window().start(), views });
}

export function buildTopology(builder: StreamsBuilder, ctx: ExerciseContext): void {
  builder
    .stream<string, string>(ctx.topic("page-views"), Consumed.with(Serdes.String(), Serdes.String()))
    .groupByKey()
    .windowedBy(TimeWindows.ofSizeAndGrace(60_000, 10_000))
    .count(Materialized.as("page-view-counts"))
    .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()))
    .toStream()
    .map(perMinute)
    .to(ctx.topic("views-per-minute"), Produced.with(Serdes.String(), Serdes.JSON<ViewsPerMinute>()));
}
