package dev.kafkalings.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.internals.AppInfoParser;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Runs every scenario file of a folder (sorted by name) through Java's TopologyTestDriver and prints one JSON line per
 * scenario: {"scenario","oracle","outputs":[{"step","topic","key","value","ts"}],"topics","describe","error"}.
 * One JVM for all scenarios: the JVM start dominates the run time. Usage: Oracle <scenario dir> [scenario id].
 */
public final class Oracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        File[] files = new File(args[0]).listFiles((dir, name) -> name.endsWith(".json"));
        if (files == null) throw new IllegalArgumentException("not a folder: " + args[0]);
        Arrays.sort(files);
        for (File file : files) {
            String id = file.getName().replaceFirst("\\.json$", "");
            if (args.length > 1 && !args[1].equals(id)) continue;
            System.out.println(JSON.writeValueAsString(run(id, JSON.readTree(file))));
        }
    }

    /** The settings that make Java deterministic (reference note, section 3). */
    static Properties deterministicProps() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ccdak");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        props.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG, BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        // The test driver sets these two wall-clock throttles to 0 itself since 3.8; stated here so nothing depends on it.
        props.put("__emit.interval.ms.kstreams.outer.join.spurious.results.fix__", 0L);
        props.put("__emit.interval.ms.kstreams.windowed.aggregation__", 0L);
        return props;
    }

    static ObjectNode run(String id, JsonNode spec) {
        ObjectNode result = JSON.createObjectNode();
        result.put("scenario", id);
        result.put("oracle", AppInfoParser.getVersion());
        ArrayNode outputs = result.putArray("outputs");
        Properties props = deterministicProps();
        Capture capture = new Capture();
        Topology topology;
        try {
            StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
            Topologies.build(spec.path("topology").asText(), new Params(spec.get("params")), builder, capture);
            topology = builder.build(props);
            result.put("describe", topology.describe().toString());
        } catch (RuntimeException e) {
            result.putArray("topics");
            result.put("error", e.getMessage());
            return result;
        }
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props, Instant.EPOCH)) {
            Map<String, TestInputTopic<String, String>> inputs = new HashMap<>();
            Map<String, TestOutputTopic<byte[], byte[]>> sinks = new HashMap<>();
            int step = 0;
            try {
                for (JsonNode in : spec.path("inputs")) {
                    TestInputTopic<String, String> input = inputs.computeIfAbsent(in.path("topic").asText(),
                            topic -> driver.createInputTopic(topic, new StringSerializer(), new StringSerializer()));
                    input.pipeInput(text(in.get("key")), text(in.get("value")), in.path("ts").asLong());
                    for (Object written : capture.drain()) {
                        ObjectNode out = outputs.addObject();
                        out.put("step", step);
                        if (written instanceof Capture.Side side) {
                            out.put("topic", "(" + side.tag() + ")");
                            out.put("key", side.key());
                            out.put("value", side.value());
                            out.putNull("ts");
                        } else {
                            String topic = (String) written;
                            TestRecord<byte[], byte[]> record = sinks.computeIfAbsent(topic,
                                    t -> driver.createOutputTopic(t, new ByteArrayDeserializer(), new ByteArrayDeserializer())).readRecord();
                            out.put("topic", topic);
                            out.put("key", utf8(record.key()));
                            out.put("value", utf8(record.value()));
                            out.put("ts", record.timestamp());
                        }
                    }
                    step++;
                }
            } catch (RuntimeException e) {
                result.put("error", "step " + step + ": " + e.getMessage());
                // The message of a processing failure names only the task; ORACLE_DEBUG=1 shows the cause chain.
                if (System.getenv("ORACLE_DEBUG") != null) e.printStackTrace();
            }
            ArrayNode topics = result.putArray("topics");
            new TreeSet<>(driver.producedTopicNames()).forEach(topics::add);
        }
        return result;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
