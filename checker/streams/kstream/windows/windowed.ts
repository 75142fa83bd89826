import type { Window } from "./window.ts";

/** The key of a windowed aggregate's result: the record key and its window (Java's `Windowed<K>`). */
export class Windowed<K> {
  constructor(
    private readonly recordKey: K,
    private readonly keyWindow: Window,
  ) {}

  key(): K {
    return this.recordKey;
  }

  window(): Window {
    return this.keyWindow;
  }

  /** `[key@start/end]`, exactly as Java prints it (`String(key)`, so a null key prints `null`). */
  toString(): string {
    return `[${String(this.recordKey)}@${this.keyWindow.start()}/${this.keyWindow.end()}]`;
  }

  equals(other: unknown): boolean {
    return other instanceof Windowed && this.keyWindow.equals(other.keyWindow) && keysEqual(this.recordKey, other.recordKey);
  }
}

function keysEqual(a: unknown, b: unknown): boolean {
  if (a !== null && typeof a === "object" && "equals" in a && typeof a.equals === "function") return Boolean(a.equals(b));
  return Object.is(a, b);
}
