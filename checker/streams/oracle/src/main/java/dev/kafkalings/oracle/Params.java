package dev.kafkalings.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Duration;

/** A scenario's "params" object, read with defaults. */
final class Params {
    private final JsonNode node;

    Params(JsonNode node) {
        this.node = node == null ? NullNode.getInstance() : node;
    }

    boolean has(String name) {
        return node.hasNonNull(name);
    }

    long ms(String name) {
        if (!has(name)) throw new IllegalArgumentException("scenario param \"" + name + "\" is required");
        return node.get(name).asLong();
    }

    Duration duration(String name) {
        return Duration.ofMillis(ms(name));
    }

    String text(String name, String fallback) {
        return has(name) ? node.get(name).asText() : fallback;
    }

    boolean flag(String name) {
        return has(name) && node.get(name).asBoolean();
    }
}
