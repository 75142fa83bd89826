import { InvalidArgumentError } from "../../errors.ts";
import { GlobalKTable } from "../global-ktable.ts";
import { KStream } from "../kstream.ts";
import { KTable, namedAndMaterialized } from "../ktable.ts";
import type { Materialized } from "../options/materialized.ts";
import type { Named } from "../options/named.ts";
import { JoinWindows } from "./join-windows.ts";
import type { Joined } from "./joined.ts";
import { streamStreamJoin, type StreamJoinKind } from "./stream-stream-join-dsl.ts";
import type { StreamJoined } from "./stream-joined.ts";
import { globalTableJoin, streamTableJoin } from "./stream-table-join-dsl.ts";
import { tableTableJoin, type TableJoinKind } from "./table-table-join-dsl.ts";

type AnyJoiner = (value: unknown, otherValue: unknown) => unknown;

/**
 * `KStream.join/leftJoin/outerJoin`: Java's overloads, told apart by what the stream is joined with — a KStream
 * (joiner, JoinWindows, StreamJoined?), a KTable (joiner, Joined?) or a GlobalKTable (key selector, joiner, Named?).
 */
export function joinKStream<K, V>(stream: KStream<K, V>, args: readonly unknown[], kind: StreamJoinKind): KStream<K, unknown> {
  const [other, ...rest] = args;
  if (other instanceof KStream) {
    const [joiner, windows, streamJoined] = rest;
    if (!(windows instanceof JoinWindows)) throw new InvalidArgumentError("windows cannot be null");
    return streamStreamJoin(stream, other, requireJoiner(joiner), windows, streamJoined as StreamJoined<K, V, unknown> | undefined, kind);
  }
  if (kind.rightOuter) throw new InvalidArgumentError("outerJoin needs another KStream");
  if (other instanceof KTable) {
    const [joiner, joined] = rest;
    return streamTableJoin(stream, other as KTable<K, unknown>, requireJoiner(joiner), joined as Joined<K, V, unknown> | undefined, kind.leftOuter);
  }
  if (other instanceof GlobalKTable) {
    const [keySelector, joiner, named] = rest;
    if (typeof keySelector !== "function") throw new InvalidArgumentError("keySelector cannot be null");
    return globalTableJoin(stream, other, keySelector as (key: K, value: V) => unknown, requireJoiner(joiner), named as Named | undefined, kind.leftOuter);
  }
  throw new InvalidArgumentError("A KStream joins a KStream, a KTable or a GlobalKTable");
}

/** `KTable.join/leftJoin/outerJoin(other, joiner, Named?, Materialized?)`. */
export function joinKTable<K, V, VO, VR>(
  table: KTable<K, V>,
  other: KTable<K, VO>,
  joiner: (value: V | null, otherValue: VO | null) => VR,
  namedOrMaterialized: Named | Materialized<K, VR> | undefined,
  materialized: Materialized<K, VR> | undefined,
  kind: TableJoinKind,
): KTable<K, VR> {
  if (!(other instanceof KTable)) throw new InvalidArgumentError("other can't be null");
  const [named, options] = namedAndMaterialized(namedOrMaterialized, materialized);
  return tableTableJoin(table, other, requireJoiner(joiner) as typeof joiner, named, options, kind);
}

function requireJoiner(joiner: unknown): AnyJoiner {
  if (typeof joiner !== "function") throw new InvalidArgumentError("joiner cannot be null");
  return joiner as AnyJoiner;
}
