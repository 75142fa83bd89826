// Window specifications: Java 4.4.0's factories, validation messages (taken from running Java), alignment and text.
import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../checker/streams/index.ts";
import { SessionWindow } from "../../checker/streams/kstream/windows/session-window.ts";
import { SessionWindows } from "../../checker/streams/kstream/windows/session-windows.ts";
import { SlidingWindows } from "../../checker/streams/kstream/windows/sliding-windows.ts";
import { TimeWindow } from "../../checker/streams/kstream/windows/time-window.ts";
import { TimeWindows } from "../../checker/streams/kstream/windows/time-windows.ts";
import { Windowed } from "../../checker/streams/kstream/windows/windowed.ts";

const windowsOf = (windows: TimeWindows, timestamp: number) => [...windows.windowsFor(timestamp).values()].map((window) => [window.start(), window.end()]);

describe("TimeWindows", () => {
  it("tumbling windows are epoch-aligned and half-open", () => {
    const tumbling = TimeWindows.ofSizeWithNoGrace(10);
    expect(windowsOf(tumbling, 0)).toEqual([[0, 10]]);
    expect(windowsOf(tumbling, 9)).toEqual([[0, 10]]);
    expect(windowsOf(tumbling, 10)).toEqual([[10, 20]]);
    expect(tumbling.gracePeriodMs()).toBe(0);
  });

  it("hopping windows whose advance does not divide the size, without negative starts", () => {
    const hopping = TimeWindows.ofSizeAndGrace(10, 2).advanceBy(3);
    expect(windowsOf(hopping, 11)).toEqual([[3, 13], [6, 16], [9, 19]]);
    expect(windowsOf(hopping, 2)).toEqual([[0, 10]]);
    expect(hopping.gracePeriodMs()).toBe(2);
    expect(hopping.toString()).toBe("TimeWindows{, sizeMs=10, advanceMs=3, graceMs=2}");
  });

  it("rejects what Java rejects, with Java's messages", () => {
    expect(() => TimeWindows.ofSizeWithNoGrace(0)).toThrow(new InvalidArgumentError("Window size (sizeMs) must be larger than zero."));
    expect(() => TimeWindows.ofSizeAndGrace(10, -1)).toThrow(new InvalidArgumentError("Grace period must not be negative."));
    const advanceMessage = (advance: number) =>
      `Window advancement interval should be more than zero and less than window duration which is 10 ms, but given advancement interval is: ${advance} ms`;
    expect(() => TimeWindows.ofSizeWithNoGrace(10).advanceBy(0)).toThrow(new InvalidArgumentError(advanceMessage(0)));
    expect(() => TimeWindows.ofSizeWithNoGrace(10).advanceBy(11)).toThrow(new InvalidArgumentError(advanceMessage(11)));
    expect(() => TimeWindows.ofSizeWithNoGrace(null as unknown as number)).toThrow('Invalid value for parameter "size" (value was: null). It shouldn\'t be null.');
    expect(() => TimeWindows.ofSizeWithNoGrace(1.5)).toThrow("It can't be converted to milliseconds.");
  });
});

describe("SlidingWindows and SessionWindows", () => {
  it("validate as Java 4.4.0 does", () => {
    expect(() => SlidingWindows.ofTimeDifferenceWithNoGrace(-1)).toThrow(new InvalidArgumentError("Window time difference must not be negative."));
    expect(() => SlidingWindows.ofTimeDifferenceAndGrace(5, -1)).toThrow(new InvalidArgumentError("Window grace period must not be negative."));
    expect(SlidingWindows.ofTimeDifferenceAndGrace(5, 2).toString()).toBe("SlidingWindows{, sizeMs=5, graceMs=2}");
    // 4.4.0 accepts a zero gap (older releases refused it).
    expect(SessionWindows.ofInactivityGapWithNoGrace(0).inactivityGap()).toBe(0);
    expect(() => SessionWindows.ofInactivityGapWithNoGrace(-1)).toThrow(new InvalidArgumentError("Gap time cannot be negative."));
    expect(() => SessionWindows.ofInactivityGapAndGrace(5, -3)).toThrow(new InvalidArgumentError("Grace period cannot be negative."));
    expect(SessionWindows.ofInactivityGapAndGrace(5, 2).toString()).toBe("SessionWindows{gapMs=5, graceMs=2}");
  });
});

describe("Window and Windowed", () => {
  it("prints [key@start/end] like Java's Windowed.toString", () => {
    expect(new Windowed("k", new SessionWindow(5, 5)).toString()).toBe("[k@5/5]");
    expect(new Windowed(null, new TimeWindow(0, 10)).toString()).toBe("[null@0/10]");
    expect(new TimeWindow(5, 15).toString()).toBe("Window{startMs=5, endMs=15}");
  });

  it("refuses impossible windows", () => {
    expect(() => new TimeWindow(-1, 5)).toThrow(new InvalidArgumentError("Window startMs time cannot be negative."));
    expect(() => new TimeWindow(5, 4)).toThrow(new InvalidArgumentError("Window endMs time cannot be smaller than window startMs time."));
    expect(() => new TimeWindow(5, 5)).toThrow(new InvalidArgumentError("Window endMs must be greater than window startMs."));
    expect(new SessionWindow(5, 5).end()).toBe(5);
  });

  it("compares by kind, bounds and key", () => {
    expect(new Windowed("a", new TimeWindow(0, 10)).equals(new Windowed("a", new TimeWindow(0, 10)))).toBe(true);
    expect(new Windowed("a", new TimeWindow(0, 10)).equals(new Windowed("b", new TimeWindow(0, 10)))).toBe(false);
    expect(new TimeWindow(0, 10).equals(new SessionWindow(0, 10))).toBe(false);
    expect(new TimeWindow(0, 10).overlap(new TimeWindow(9, 19))).toBe(true);
    expect(new TimeWindow(0, 10).overlap(new TimeWindow(10, 20))).toBe(false);
    expect(new SessionWindow(0, 10).overlap(new SessionWindow(10, 20))).toBe(true);
  });
});
