package dev.kafkalings.oracle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.kstream.Produced;

/**
 * What a scenario's sinks wrote, in the order they wrote it. TopologyTestDriver keeps one queue per output topic, so
 * the order across topics is lost there; the value serializer of every output sink notes its topic instead. Keys and
 * values are written as String.valueOf(object) (a Windowed key prints as [A@0/10], a count as 3; null stays null).
 * peek/foreach have no sink, so they note a side record directly.
 */
final class Capture {
    /** One entry per sink write: the topic name, or a ready side record for peek/foreach. */
    final List<Object> order = new ArrayList<>();

    record Side(String tag, String key, String value) {}

    <K, V> Produced<K, V> produced() {
        return Produced.with(serde(false), serde(true));
    }

    void side(String tag, Object key, Object value) {
        order.add(new Side(tag, text(key), text(value)));
    }

    List<Object> drain() {
        List<Object> drained = new ArrayList<>(order);
        order.clear();
        return drained;
    }

    static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private <T> Serde<T> serde(boolean notesOrder) {
        Serializer<T> serializer = (topic, data) -> {
            if (notesOrder) order.add(topic);
            return data == null ? null : String.valueOf(data).getBytes(StandardCharsets.UTF_8);
        };
        Deserializer<T> unused = (topic, bytes) -> {
            throw new UnsupportedOperationException("output serdes only serialize");
        };
        return Serdes.serdeFrom(serializer, unused);
    }
}
