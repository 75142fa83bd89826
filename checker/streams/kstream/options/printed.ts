/**
 * `KStream.print` options (Java's `Printed`): each record is printed as `[<label>]: <mapper(key, value)>`; the label
 * defaults to the name of the stream's node, the mapper to `<key>, <value>`. Only `toSysOut()` is offered here.
 */
export class Printed<K, V> {
  // Private, so that a KStream<K, number> stays assignable to KStream<K, unknown> (function-typed public members
  // would make every class that takes a Printed invariant).
  private constructor(
    private readonly label: string | undefined,
    private readonly mapper: (key: K, value: V) => string,
    readonly processorName: string | undefined,
    private readonly writeLine: (line: string) => void,
  ) {}

  static toSysOut<K, V>(): Printed<K, V> {
    return new Printed<K, V>(undefined, (key, value) => `${display(key)}, ${display(value)}`, undefined, (line) => process.stdout.write(`${line}\n`));
  }

  withLabel(label: string): Printed<K, V> {
    return new Printed(label, this.mapper, this.processorName, this.writeLine);
  }

  withKeyValueMapper(mapper: (key: K, value: V) => string): Printed<K, V> {
    return new Printed(this.label, mapper, this.processorName, this.writeLine);
  }

  withName(processorName: string): Printed<K, V> {
    return new Printed(this.label, this.mapper, processorName, this.writeLine);
  }

  /** @internal Prints one record; `defaultLabel` is the printed stream's node name. */
  print(defaultLabel: string, key: K, value: V): void {
    this.writeLine(`[${this.label ?? defaultLabel}]: ${this.mapper(key, value)}`);
  }
}

/** Java prints with `%s` (toString, `null` for null); JSON values print as JSON here rather than `[object Object]`. */
function display(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "object" && !Buffer.isBuffer(value)) return JSON.stringify(value);
  return String(value);
}
