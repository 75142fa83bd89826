import { sessionKeyBytes } from "../../kstream/windows/windowed-serdes.ts";
import type { InMemorySessionBytes, SessionEntry } from "../in-memory-session-store.ts";
import type { StoredValue } from "../key-value-bytes-layer.ts";
import type { StateStoreContext } from "../store.ts";
import { cacheNamespace, CachingLayer, type CachedRecordContext } from "./caching-layer.ts";
import type { RecordCache } from "./record-cache.ts";

/** Writes a flushed session to the store and its changelog (null removes), logged with `timestamp`. */
export type SessionWriter = (key: Buffer, start: number, end: number, value: Buffer | null, timestamp: number) => void;

type SessionBounds = { key: Buffer; start: number; end: number };

/**
 * Java's CachingSessionStore over the in-memory session bytes: one cache entry per session, cache key = the session
 * changelog key (key, end, start). A removal is a cached null. Reads look in the cache first; a miss is not cached.
 * Cached values carry the writing record's timestamp, which the changelog record gets on flush.
 */
export class CachingSessionLayer extends CachingLayer {
  constructor(
    recordCache: RecordCache,
    storeName: string,
    private readonly store: InMemorySessionBytes,
    private readonly write: SessionWriter,
    private readonly storeContext: StateStoreContext & CachedRecordContext,
  ) {
    super(recordCache, cacheNamespace(storeContext, storeName), storeContext);
  }

  put(key: Buffer, start: number, end: number, value: Buffer | null): void {
    this.cachePut(sessionKeyBytes(key, start, end), value === null ? null : { bytes: value, timestamp: this.storeContext.recordTimestamp }, true);
  }

  fetchSession(key: Buffer, start: number, end: number): Buffer | null {
    const cached = this.cache.get(sessionKeyBytes(key, start, end));
    return cached ? (cached.value?.bytes ?? null) : this.store.fetchSession(key, start, end);
  }

  findSessions(keyFrom: Buffer | undefined, keyTo: Buffer | undefined, earliestSessionEndTime: number, latestSessionStartTime: number, forward: boolean): SessionEntry[] {
    if (keyFrom && keyTo && Buffer.compare(keyFrom, keyTo) > 0) return [];
    const stored = this.store.findSessions(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime, forward);
    return this.merged(stored, forward, ({ key, start, end }) =>
      end >= earliestSessionEndTime && start <= latestSessionStartTime && (!keyFrom || Buffer.compare(key, keyFrom) >= 0) && (!keyTo || Buffer.compare(key, keyTo) <= 0),
    );
  }

  findSessionsByEnd(earliestSessionEndTime: number, latestSessionEndTime: number): SessionEntry[] {
    const stored = this.store.findSessionsByEnd(earliestSessionEndTime, latestSessionEndTime);
    return this.merged(stored, true, ({ end }) => end >= earliestSessionEndTime && end <= latestSessionEndTime);
  }

  /** A session's key bytes and bounds, from its cache key. */
  static sessionOf(cacheKey: Buffer): SessionBounds {
    const keyLength = cacheKey.length - 16;
    return { key: cacheKey.subarray(0, keyLength), end: Number(cacheKey.readBigInt64BE(keyLength)), start: Number(cacheKey.readBigInt64BE(keyLength + 8)) };
  }

  protected readStored(cacheKey: Buffer): StoredValue | null {
    const { key, start, end } = CachingSessionLayer.sessionOf(cacheKey);
    const stored = this.store.fetchSession(key, start, end);
    return stored === null ? null : { bytes: stored, timestamp: this.storeContext.recordTimestamp };
  }

  protected writeStored(cacheKey: Buffer, value: StoredValue | null, timestamp: number): void {
    const { key, start, end } = CachingSessionLayer.sessionOf(cacheKey);
    this.write(Buffer.from(key), start, end, value?.bytes ?? null, timestamp);
  }

  /** The store's sessions with the cached ones laid over, in the in-memory store's order (end, key, start descending). */
  private merged(stored: SessionEntry[], forward: boolean, wanted: (session: SessionBounds) => boolean): SessionEntry[] {
    const entries = this.mergeWithCache(
      stored.map((entry): [Buffer, StoredValue] => [sessionKeyBytes(entry.key, entry.start, entry.end), { bytes: entry.value, timestamp: 0 }]),
      (cacheKey) => wanted(CachingSessionLayer.sessionOf(cacheKey)),
    ).map(([cacheKey, value]) => ({ ...CachingSessionLayer.sessionOf(cacheKey), value: value.bytes }));
    entries.sort((a, b) => (a.end - b.end || Buffer.compare(a.key, b.key) || b.start - a.start) * (forward ? 1 : -1));
    return entries;
  }
}
