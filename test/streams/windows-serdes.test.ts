// Windowed key serdes: the bytes Java 4.4.0's WindowedSerdes write for the same keys (captured from Java).
import { describe, expect, it } from "vitest";
import { Serdes } from "../../checker/streams/index.ts";
import { SessionWindow } from "../../checker/streams/kstream/windows/session-window.ts";
import { TimeWindow } from "../../checker/streams/kstream/windows/time-window.ts";
import { WindowedSerdes } from "../../checker/streams/kstream/windows/windowed-serdes.ts";
import { Windowed } from "../../checker/streams/kstream/windows/windowed.ts";

describe("WindowedSerdes", () => {
  it("time-windowed keys: key bytes + start; the size rebuilds the end", () => {
    const serde = WindowedSerdes.timeWindowedSerdeFrom(Serdes.String(), 10);
    const bytes = serde.serialize("t", new Windowed("ab", new TimeWindow(5, 15)))!;
    expect(bytes.toString("hex")).toBe("61620000000000000005");
    expect(serde.deserialize("t", bytes)!.toString()).toBe("[ab@5/15]");
    const longKeys = WindowedSerdes.timeWindowedSerdeFrom(Serdes.Long(), 3);
    const longBytes = longKeys.serialize("t", new Windowed(7, new TimeWindow(1000000000000, 1000000000003)))!;
    expect(longBytes.toString("hex")).toBe("0000000000000007000000e8d4a51000");
    expect(longKeys.deserialize("t", longBytes)!.toString()).toBe("[7@1000000000000/1000000000003]");
  });

  it("session-windowed keys: key bytes + end + start", () => {
    const serde = WindowedSerdes.sessionWindowedSerdeFrom(Serdes.String());
    const bytes = serde.serialize("t", new Windowed("ab", new SessionWindow(5, 7)))!;
    expect(bytes.toString("hex")).toBe("616200000000000000070000000000000005");
    expect(serde.deserialize("t", bytes)!.toString()).toBe("[ab@5/7]");
  });

  it("null and empty bytes read as null, as Java", () => {
    const serde = WindowedSerdes.timeWindowedSerdeFrom(Serdes.String(), 10);
    expect(serde.serialize("t", null)).toBeNull();
    expect(serde.deserialize("t", null)).toBeNull();
    expect(serde.deserialize("t", Buffer.alloc(0))).toBeNull();
  });

  it("reads the changelog key layout when told so", () => {
    const serde = WindowedSerdes.timeWindowedSerdeFrom(Serdes.String(), 10).forChangelog(true);
    expect(serde.deserialize("t", Buffer.from("61" + "0000000000000014" + "00000000", "hex"))!.toString()).toBe("[a@20/30]");
  });
});
