// Reference solution for exercise 17 — Enrich orders from a customers table, then total them per region.
import type { ExerciseContext } from "kafkalings/context";
import { Consumed, Grouped, Joined, KeyValue, Materialized, Produced, Serdes, StreamsBuilder, type KStream } from "kafkalings/streams";

export interface Order {
  customer: string;
  amount: number;
}

export interface Customer {
  name: string;
  region: string;
}

export interface EnrichedOrder {
  orderId: string;
  amount: number;
  region: string | null;
}

export function buildTopology(builder: StreamsBuilder, ctx: ExerciseContext): void {
  totalPerRegion(enrichOrders(builder, ctx), ctx);
}

/** Steps 1-4: orders keyed by customer, left-joined with the customers table, written to orders-enriched. */
export function enrichOrders(builder: StreamsBuilder, ctx: ExerciseContext): KStream<string, EnrichedOrder> {
  const customers = builder.table<string, Customer>(ctx.topic("customers"), Consumed.with(Serdes.String(), Serdes.JSON<Customer>()));
  const orders = builder.stream<string, Order>(ctx.topic("orders"), Consumed.with(Serdes.String(), Serdes.JSON<Order>()));
  const enriched = orders
    .map((orderId, order) => KeyValue.pair(order.customer, { orderId, amount: order.amount }))
    .leftJoin(
      customers,
      (order, customer): EnrichedOrder => ({ ...order, region: customer?.region ?? null }),
      // The re-keyed orders go through a repartition topic before the join: their serdes, and the table's value serde.
      Joined.with(Serdes.String(), Serdes.JSON<{ orderId: string; amount: number }>(), Serdes.JSON<Customer>()),
    );
  enriched.to(ctx.topic("orders-enriched"), Produced.with(Serdes.String(), Serdes.JSON<EnrichedOrder>()));
  return enriched;
}

/** Step 5: a running total per region ("unknown" when there is none), every update written to region-totals. */
export function totalPerRegion(enriched: KStream<string, EnrichedOrder>, ctx: ExerciseContext): void {
  enriched
    .groupBy((customer, order) => order.region ?? "unknown", Grouped.with("by-region", Serdes.String(), Serdes.JSON<EnrichedOrder>()))
    .aggregate(
      () => 0,
      (region, order, total) => total + order.amount,
      Materialized.with(Serdes.String(), Serdes.JSON<number>()),
    )
    .toStream()
    .to(ctx.topic("region-totals"), Produced.with(Serdes.String(), Serdes.JSON<number>()));
}
