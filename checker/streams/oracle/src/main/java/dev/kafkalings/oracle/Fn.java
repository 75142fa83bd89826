package dev.kafkalings.oracle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The shared vocabulary of user functions. Lambdas cannot cross from TypeScript to Java, so every scenario uses
 * these; checker/streams/scenarios/topologies.ts has the same functions with the same results (null included).
 */
final class Fn {
    private Fn() {}

    /** A value read as a whole number; null or non-numeric text counts as 0. */
    static long num(String value) {
        if (value == null || !value.matches("-?\\d+")) return 0;
        return Long.parseLong(value);
    }

    static boolean gt5(String value) {
        return num(value) > 5;
    }

    static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    /** Space-separated words; Java's split drops trailing empty strings, the TS mirror does the same. */
    static List<String> words(String value) {
        return value == null ? List.of() : new ArrayList<>(Arrays.asList(value.split(" ")));
    }

    /** The joiner: Java's string concatenation prints a missing side as "null". */
    static String concat(String left, String right) {
        return left + "+" + right;
    }

    static String sum(String a, String b) {
        return String.valueOf(num(a) + num(b));
    }

    static String minus(String a, String b) {
        return String.valueOf(num(a) - num(b));
    }

    /** The aggregate of the concat aggregations: every value in arrival order, joined by commas. */
    static String append(String aggregate, String value) {
        return aggregate.isEmpty() ? String.valueOf(value) : aggregate + "," + value;
    }

    /** The session merger of the concat aggregations: both aggregates, earlier session first. */
    static String merge(String earlier, String later) {
        if (earlier.isEmpty()) return later;
        return later.isEmpty() ? earlier : earlier + "," + later;
    }

    /** "eu:5" → "eu": the group part of a regroup-table value. */
    static String group(String value) {
        return value.split(":")[0];
    }

    /** "eu:5" → "5": the amount part of a regroup-table value. */
    static String amount(String value) {
        String[] parts = value.split(":");
        return parts.length > 1 ? parts[1] : "0";
    }

    /** The GlobalKTable key mapper: the stream value names the table key; "none" maps to no key (null). */
    static String tableKey(String value) {
        return "none".equals(value) ? null : value;
    }
}
