package dev.kafkalings.oracle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.internals.AppInfoParser;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Java Kafka Streams on a real cluster, for `npm run bench:streams`: counts per key the records of a topic that
 * already holds them, and prints records/second as JSON once every record is counted.
 * Usage: JavaStreamsCount <bootstrap servers> <topic> <records> [statestore.cache.max.bytes, default 0] [timeout s, default 120]
 * Topology: stream(topic).groupByKey().count().toStream().foreach(...); String keys. A fresh application.id per
 * run (so it reads from the earliest offset) and a temporary state.dir; Java defaults for everything else.
 * "All counted" = the latest counts of all keys add up to <records>: with the cache on, that waits for a commit.
 */
public final class JavaStreamsCount {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        long records = Long.parseLong(args[2]);
        long cacheBytes = args.length > 3 ? Long.parseLong(args[3]) : 0L;
        long timeoutSeconds = args.length > 4 ? Long.parseLong(args[4]) : 120L;
        Path stateDir = Files.createTempDirectory("kl-java-streams-count-");

        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-java-count-" + System.currentTimeMillis());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, cacheBytes);
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");

        Map<String, Long> latest = new ConcurrentHashMap<>();
        AtomicLong counted = new AtomicLong();
        AtomicLong firstUpdateNanos = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream(topic).groupByKey().count().toStream().foreach((key, count) -> {
            firstUpdateNanos.compareAndSet(0, System.nanoTime());
            Long previous = latest.put(key, count);
            if (counted.addAndGet(count - (previous == null ? 0 : previous)) >= records) done.countDown();
        });

        long started = System.nanoTime();
        ObjectNode report = new ObjectMapper().createObjectNode();
        report.put("oracle", AppInfoParser.getVersion());
        report.put("records", records);
        report.put("cacheMaxBytes", cacheBytes);
        report.put("commitIntervalMs", new StreamsConfig(props).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            boolean finished = done.await(timeoutSeconds, TimeUnit.SECONDS);
            long ended = System.nanoTime();
            report.put("counted", counted.get());
            if (!finished) report.put("error", "timed out after " + timeoutSeconds + " s with " + counted.get() + " of " + records + " records counted");
            double totalSeconds = (ended - started) / 1e9;
            double processingSeconds = (ended - firstUpdateNanos.get()) / 1e9;
            report.put("totalMs", Math.round(totalSeconds * 1000));
            report.put("recordsPerSecond", Math.round(records / totalSeconds));
            // From the first count update to the last: the rate once started (excludes the group join and start-up).
            report.put("processingMs", Math.round(processingSeconds * 1000));
            report.put("processingRecordsPerSecond", Math.round(records / Math.max(processingSeconds, 1e-9)));
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
        }
        System.out.println(report);
        System.exit(report.has("error") ? 1 : 0);
    }
}
