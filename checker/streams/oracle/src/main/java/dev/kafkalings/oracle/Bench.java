package dev.kafkalings.oracle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.internals.AppInfoParser;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.TimeWindows;

/**
 * Records per second of Java's TopologyTestDriver on three topologies, for `npm run bench:streams` (which runs the
 * same topologies and inputs through our driver). Usage: Bench <records> [warm-up records].
 * Inputs (mirror them exactly in TypeScript): record i has key "k" + (i % 100), value String.valueOf(i % 10),
 * timestamp i ms; the join alternates "left" (even i) and "right" (odd i) with key "k" + ((i / 2) % 100).
 * Settings: Oracle.deterministicProps().
 * Each run pipes record by record, draining the output topic every 1,000 inputs and at the end; the time covers both.
 */
public final class Bench {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int records = Integer.parseInt(args[0]);
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : Math.min(records, 20_000);
        ObjectNode report = JSON.createObjectNode();
        report.put("oracle", AppInfoParser.getVersion());
        report.put("records", records);
        report.put("warmUpRecords", warmUp);
        ArrayNode results = report.putArray("results");
        bench(results, "stateless-chain", Bench::statelessChain, false, records, warmUp);
        bench(results, "tumbling-count", Bench::tumblingCount, false, records, warmUp);
        bench(results, "stream-stream-join", Bench::innerJoin, true, records, warmUp);
        System.out.println(JSON.writeValueAsString(report));
    }

    /** filter → mapValues → selectKey → to */
    static void statelessChain(StreamsBuilder builder) {
        builder.<String, String>stream("in").filter((k, v) -> Fn.gt5(v)).mapValues(v -> "v" + v).selectKey((k, v) -> v).to("out");
    }

    /** groupByKey → tumbling 1 s windows → count → key printed as [k@start/end], count as text */
    static void tumblingCount(StreamsBuilder builder) {
        builder.<String, String>stream("in").groupByKey().windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofSeconds(1))).count()
                .toStream((windowed, count) -> windowed.toString()).mapValues(String::valueOf).to("out");
    }

    /** inner join of "left" and "right" within 100 ms, joiner l + "+" + r */
    static void innerJoin(StreamsBuilder builder) {
        KStream<String, String> left = builder.stream("left");
        left.join(builder.<String, String>stream("right"), Fn::concat, JoinWindows.ofTimeDifferenceWithNoGrace(Duration.ofMillis(100))).to("out");
    }

    private static void bench(ArrayNode results, String name, Consumer<StreamsBuilder> topology, boolean twoInputs, int records, int warmUp) {
        run(topology, twoInputs, warmUp);
        long started = System.nanoTime();
        long outputs = run(topology, twoInputs, records);
        double seconds = (System.nanoTime() - started) / 1e9;
        ObjectNode result = results.addObject();
        result.put("topology", name);
        result.put("records", records);
        result.put("outputs", outputs);
        result.put("ms", Math.round(seconds * 1000));
        result.put("recordsPerSecond", Math.round(records / seconds));
    }

    private static long run(Consumer<StreamsBuilder> topology, boolean twoInputs, int records) {
        var props = Oracle.deterministicProps();
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
        topology.accept(builder);
        Topology built = builder.build(props);
        long outputs = 0;
        try (TopologyTestDriver driver = new TopologyTestDriver(built, props, Instant.EPOCH)) {
            TestInputTopic<String, String> first = driver.createInputTopic(twoInputs ? "left" : "in", new StringSerializer(), new StringSerializer());
            TestInputTopic<String, String> second = twoInputs ? driver.createInputTopic("right", new StringSerializer(), new StringSerializer()) : first;
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
            for (int i = 0; i < records; i++) {
                // In the join, records 2j (left) and 2j+1 (right) share a key so that every right record finds a partner.
                String key = "k" + ((twoInputs ? i / 2 : i) % 100);
                (i % 2 == 1 ? second : first).pipeInput(key, String.valueOf(i % 10), i);
                if (i % 1000 == 999) outputs += out.readRecordsToList().size();
            }
            outputs += out.readRecordsToList().size();
        }
        return outputs;
    }
}
