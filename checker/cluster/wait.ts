// Every wait in kafkalings is "poll until a condition holds or a deadline passes" — never a bare sleep.
import { setTimeout as sleep } from "node:timers/promises";

export interface PollOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Says what was awaited, for the timeout error. */
  description: string;
  signal?: AbortSignal;
  /** Errors the probe throws that end the wait at once (e.g. the awaited process died). */
  isFatal?: (error: unknown) => boolean;
}

export class PollTimeoutError extends Error {
  override name = "PollTimeoutError";
  constructor(
    readonly description: string,
    readonly timeoutMs: number,
    readonly lastError?: unknown,
  ) {
    super(`timed out after ${(timeoutMs / 1000).toFixed(1)} s waiting for ${description}`);
  }
}

/**
 * Calls `probe` until it returns a value other than undefined/false, and returns that value.
 * A probe that throws counts as "not yet" (unless `isFatal` says otherwise); its last error is kept for the timeout message.
 */
export async function pollUntil<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, options: PollOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  const interval = options.intervalMs ?? 100;
  let lastError: unknown;
  for (;;) {
    options.signal?.throwIfAborted();
    try {
      const result = await probe();
      if (result !== undefined && result !== false) return result;
    } catch (error) {
      if (options.isFatal?.(error)) throw error;
      lastError = error;
    }
    if (Date.now() >= deadline) throw new PollTimeoutError(options.description, options.timeoutMs, lastError);
    await sleep(Math.min(interval, Math.max(0, deadline - Date.now())), undefined, { signal: options.signal });
  }
}
