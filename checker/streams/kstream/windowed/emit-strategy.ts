/**
 * When a windowed aggregation emits (Java's `EmitStrategy`, KIP-825): on every update (the default), or once per
 * window after it closes (`onWindowClose`), without a suppress buffer.
 *
 * Java throttles the close check by wall clock (`__emit.interval.ms.kstreams.windowed.aggregation__`, 1000 ms);
 * its TopologyTestDriver sets that to 0, and so does this engine everywhere: a closed window is emitted by the
 * first record that closes it.
 */
export class EmitStrategy {
  private constructor(readonly type: "ON_WINDOW_UPDATE" | "ON_WINDOW_CLOSE") {}

  static onWindowUpdate(): EmitStrategy {
    return new EmitStrategy("ON_WINDOW_UPDATE");
  }

  static onWindowClose(): EmitStrategy {
    return new EmitStrategy("ON_WINDOW_CLOSE");
  }

  get emitsOnClose(): boolean {
    return this.type === "ON_WINDOW_CLOSE";
  }
}
