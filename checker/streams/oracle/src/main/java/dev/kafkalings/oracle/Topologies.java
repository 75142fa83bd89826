package dev.kafkalings.oracle;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.BranchedKStream;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.SlidingWindows;
import org.apache.kafka.streams.kstream.StreamJoined;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.Suppressed.BufferConfig;
import org.apache.kafka.streams.kstream.TimeWindowedKStream;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The named topologies the scenarios refer to. Each reads "in" (or "left"/"right") and writes "out" (or out-*),
 * with String keys and values and functions from {@link Fn}. checker/streams/scenarios/topologies.ts builds the
 * same topologies with the TypeScript DSL, operator for operator, so generated names and internal topics agree.
 * Optional params: "store" (Materialized.as of an aggregation), "tableStore" (Materialized.as of the "in" table or
 * toTable), "grouped" (Grouped.as), "joined" (StreamJoined.as), "name" (Repartitioned.as / split's Named.as).
 */
final class Topologies {
    static final String IN = "in";
    static final String OUT = "out";

    private final StreamsBuilder builder;
    private final Params p;
    private final Capture capture;

    private Topologies(StreamsBuilder builder, Params p, Capture capture) {
        this.builder = builder;
        this.p = p;
        this.capture = capture;
    }

    static void build(String name, Params params, StreamsBuilder builder, Capture capture) {
        new Topologies(builder, params, capture).build(name);
    }

    private void build(String name) {
        switch (name) {
            // stateless
            case "filter" -> out(in().filter((k, v) -> Fn.gt5(v)));
            case "filter-not" -> out(in().filterNot((k, v) -> Fn.gt5(v)));
            case "map" -> out(in().map((k, v) -> KeyValue.pair(v, k)));
            case "map-values" -> out(in().mapValues(Fn::upper));
            case "flat-map" -> out(in().flatMap((k, v) -> Fn.words(v).stream().map(w -> KeyValue.pair(w, k)).toList()));
            case "flat-map-values" -> out(in().flatMapValues(Fn::words));
            case "select-key" -> out(in().selectKey((k, v) -> v));
            case "filter-map-chain" -> out(in().filter((k, v) -> Fn.gt5(v)).mapValues(v -> "v" + v).selectKey((k, v) -> v));
            case "named-operations" -> in().filter((k, v) -> Fn.gt5(v), Named.as("only-big"))
                    .mapValues(Fn::upper, Named.as("shout"))
                    .to(OUT, capture.<String, String>produced().withName("to-out"));
            case "peek-foreach" -> {
                KStream<String, String> source = in();
                out(source.peek((k, v) -> capture.side("peek", k, v)).mapValues(Fn::upper));
                source.foreach((k, v) -> capture.side("foreach", k, v));
            }
            case "split-branches" -> splitBranches();
            case "merge" -> out(builder.<String, String>stream("left").merge(builder.stream("right")));
            case "to-extractor" -> in().to((k, v, context) -> Fn.num(v) % 2 == 0 ? "out-even" : "out-odd", capture.produced());
            case "repartition" -> {
                KStream<String, String> rekeyed = in().selectKey((k, v) -> v);
                out(p.has("name") ? rekeyed.repartition(Repartitioned.as(p.text("name", null))) : rekeyed.repartition());
            }
            case "to-table" -> out(p.has("tableStore") ? in().toTable(Materialized.as(p.text("tableStore", null))).toStream() : in().toTable().toStream());
            // stream aggregations
            case "count" -> out(grouped(in()).count(kvStore()).toStream());
            case "group-by-count" -> out(groupedBy(in()).count(kvStore()).toStream());
            case "reduce-sum" -> out(grouped(in()).reduce(Fn::sum, kvStore()).toStream());
            case "aggregate-concat" -> out(grouped(in()).aggregate(() -> "", (k, v, agg) -> Fn.append(agg, v), kvStore()).toStream());
            // tables
            case "table-source" -> out(table(IN).toStream());
            case "table-filter" -> out(table(IN).filter((k, v) -> Fn.gt5(v)).toStream());
            case "table-filter-not" -> out(table(IN).filterNot((k, v) -> Fn.gt5(v)).toStream());
            case "table-map-values" -> out(table(IN).mapValues(Fn::upper).toStream());
            case "regroup-table-count" -> out(table(IN).groupBy((k, v) -> KeyValue.pair(v, k)).count(kvStore()).toStream());
            case "regroup-table-sum" -> out(table(IN).groupBy((k, v) -> KeyValue.pair(Fn.group(v), Fn.amount(v)))
                    .reduce(Fn::sum, Fn::minus, kvStore()).toStream());
            case "regroup-table-aggregate" -> out(table(IN).groupBy((k, v) -> KeyValue.pair(Fn.group(v), Fn.amount(v)))
                    .aggregate(() -> "0", (k, v, agg) -> Fn.sum(agg, v), (k, v, agg) -> Fn.minus(agg, v), kvStore()).toStream());
            // windows
            case "tumbling-count" -> out(timeWindowed().count(windowStore()).toStream());
            case "tumbling-reduce" -> out(timeWindowed().reduce(Fn::sum, windowStore()).toStream());
            case "tumbling-aggregate" -> out(timeWindowed().aggregate(() -> "", (k, v, agg) -> Fn.append(agg, v), windowStore()).toStream());
            case "sliding-count" -> out(slidingWindowed().count(windowStore()).toStream());
            case "sliding-aggregate" -> out(slidingWindowed().aggregate(() -> "", (k, v, agg) -> Fn.append(agg, v), windowStore()).toStream());
            case "session-count" -> out(grouped(in()).windowedBy(sessionWindows()).count(sessionStore()).toStream());
            case "session-reduce" -> out(grouped(in()).windowedBy(sessionWindows()).reduce(Fn::sum, sessionStore()).toStream());
            case "session-aggregate" -> out(grouped(in()).windowedBy(sessionWindows())
                    .aggregate(() -> "", (k, v, agg) -> Fn.append(agg, v), (k, a, b) -> Fn.merge(a, b), sessionStore()).toStream());
            case "suppress-tumbling" -> out(timeWindowed().count(windowStore()).suppress(untilWindowCloses()).toStream());
            case "suppress-sliding" -> out(slidingWindowed().count(windowStore()).suppress(untilWindowCloses()).toStream());
            case "suppress-session" -> out(grouped(in()).windowedBy(sessionWindows()).count(sessionStore()).suppress(untilWindowCloses()).toStream());
            // joins
            case "stream-stream-inner-join" -> out(left().join(right(), Fn::concat, joinWindows(), streamJoined()));
            case "stream-stream-left-join" -> out(left().leftJoin(right(), Fn::concat, joinWindows(), streamJoined()));
            case "stream-stream-outer-join" -> out(left().outerJoin(right(), Fn::concat, joinWindows(), streamJoined()));
            case "stream-stream-join-after-rekey" -> out(left().selectKey((k, v) -> v).join(right(), Fn::concat, joinWindows(), streamJoined()));
            case "stream-table-inner-join" -> out(left().join(table("right"), Fn::concat));
            case "stream-table-left-join" -> out(left().leftJoin(table("right"), Fn::concat));
            case "stream-table-join-after-rekey" -> out(left().selectKey((k, v) -> v).join(table("right"), Fn::concat));
            case "table-table-inner-join" -> out(table("left").join(table("right"), Fn::concat).toStream());
            case "table-table-left-join" -> out(table("left").leftJoin(table("right"), Fn::concat).toStream());
            case "table-table-outer-join" -> out(table("left").outerJoin(table("right"), Fn::concat).toStream());
            case "global-table-inner-join" -> out(left().join(builder.globalTable("right"), (k, v) -> Fn.tableKey(v), Fn::concat));
            case "global-table-left-join" -> out(left().leftJoin(builder.globalTable("right"), (k, v) -> Fn.tableKey(v), Fn::concat));
            default -> throw new IllegalArgumentException("unknown topology \"" + name + "\"");
        }
    }

    private KStream<String, String> in() {
        return builder.stream(IN);
    }

    private KStream<String, String> left() {
        return builder.stream("left");
    }

    private KStream<String, String> right() {
        return builder.stream("right");
    }

    private KTable<String, String> table(String topic) {
        return p.has("tableStore") && topic.equals(IN) ? builder.table(topic, Materialized.as(p.text("tableStore", null))) : builder.table(topic);
    }

    private <K, V> void out(KStream<K, V> stream) {
        stream.to(OUT, capture.produced());
    }

    private void splitBranches() {
        BranchedKStream<String, String> split = p.has("name") ? in().split(Named.as(p.text("name", null))) : in().split();
        split.branch((k, v) -> Fn.gt5(v), Branched.as("big")).branch((k, v) -> "A".equals(k));
        Map<String, KStream<String, String>> branches = p.flag("noDefault") ? split.noDefaultBranch() : split.defaultBranch(Branched.as("rest"));
        // Branch names sort the same in both languages, so sinks are added in one order.
        new TreeMap<>(branches).forEach((branch, stream) -> stream.to("out-" + branch, capture.produced()));
    }

    private KGroupedStream<String, String> grouped(KStream<String, String> stream) {
        return p.has("grouped") ? stream.groupByKey(Grouped.as(p.text("grouped", null))) : stream.groupByKey();
    }

    private KGroupedStream<String, String> groupedBy(KStream<String, String> stream) {
        return p.has("grouped") ? stream.groupBy((k, v) -> v, Grouped.as(p.text("grouped", null))) : stream.groupBy((k, v) -> v);
    }

    private <V> Materialized<String, V, KeyValueStore<Bytes, byte[]>> kvStore() {
        return p.has("store") ? Materialized.as(p.text("store", null)) : Materialized.with(null, null);
    }

    /**
     * Windowed stores state their key serde: suppress() buffers with the windowed KTable's key serde, which is only
     * known when the aggregation was given one (the default String serde cannot write a Windowed key).
     */
    private <V> Materialized<String, V, WindowStore<Bytes, byte[]>> windowStore() {
        Materialized<String, V, WindowStore<Bytes, byte[]>> store = p.has("store") ? Materialized.as(p.text("store", null)) : Materialized.with(null, null);
        return store.withKeySerde(Serdes.String());
    }

    private <V> Materialized<String, V, SessionStore<Bytes, byte[]>> sessionStore() {
        Materialized<String, V, SessionStore<Bytes, byte[]>> store = p.has("store") ? Materialized.as(p.text("store", null)) : Materialized.with(null, null);
        return store.withKeySerde(Serdes.String());
    }

    private TimeWindowedKStream<String, String> timeWindowed() {
        TimeWindows windows = p.has("grace") ? TimeWindows.ofSizeAndGrace(p.duration("size"), p.duration("grace"))
                : TimeWindows.ofSizeWithNoGrace(p.duration("size"));
        return grouped(in()).windowedBy(p.has("advance") ? windows.advanceBy(p.duration("advance")) : windows);
    }

    private TimeWindowedKStream<String, String> slidingWindowed() {
        SlidingWindows windows = p.has("grace") ? SlidingWindows.ofTimeDifferenceAndGrace(p.duration("diff"), p.duration("grace"))
                : SlidingWindows.ofTimeDifferenceWithNoGrace(p.duration("diff"));
        return grouped(in()).windowedBy(windows);
    }

    private SessionWindows sessionWindows() {
        return p.has("grace") ? SessionWindows.ofInactivityGapAndGrace(p.duration("gap"), p.duration("grace"))
                : SessionWindows.ofInactivityGapWithNoGrace(p.duration("gap"));
    }

    private JoinWindows joinWindows() {
        JoinWindows windows = p.has("grace") ? JoinWindows.ofTimeDifferenceAndGrace(p.duration("diff"), p.duration("grace"))
                : JoinWindows.ofTimeDifferenceWithNoGrace(p.duration("diff"));
        if (p.has("before")) windows = windows.before(p.duration("before"));
        if (p.has("after")) windows = windows.after(p.duration("after"));
        return windows;
    }

    private StreamJoined<String, String, String> streamJoined() {
        return p.has("joined") ? StreamJoined.as(p.text("joined", null)) : StreamJoined.with(null, null, null);
    }

    private static Suppressed<Windowed<?>> untilWindowCloses() {
        return Suppressed.untilWindowCloses(BufferConfig.unbounded());
    }
}
