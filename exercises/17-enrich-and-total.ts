// Exercise 17 — Enrich orders from a customers table, then total them per region.   Check it: npm run exercise 17
import type { ExerciseContext } from "kafkalings/context";
import { Consumed, Serdes, StreamsBuilder } from "kafkalings/streams";

/** A value of ctx.topic("orders"); the record key is the order id ("o1"). */
export interface Order {
  customer: string;
  amount: number;
}

/** A value of ctx.topic("customers"), a table keyed by customer id ("c1"); a null value deletes the customer. */
export interface Customer {
  name: string;
  region: string;
}

/** A value of ctx.topic("orders-enriched"); the record key is the customer id. */
export interface EnrichedOrder {
  orderId: string;
  amount: number;
  /** The customer's region when the order was processed, or null when the customer was not in the table. */
  region: string | null;
}

/**
 * Enrich every order with its customer's region, then keep a running total per region.
 *
 *   1. Read ctx.topic("customers") as a KTable and ctx.topic("orders") as a KStream (JSON values, as below).
 *   2. Key each order by its customer (the join matches keys), with { orderId, amount } as the value.
 *   3. Left-join the orders with the customers table, so that an order whose customer is unknown (or deleted) is
 *      kept, with region null. The re-keyed orders travel through a repartition topic before the join, and the
 *      default serdes are String: give the join serdes that fit (Joined.with(key, order value, customer value)).
 *   4. Write the EnrichedOrder records to ctx.topic("orders-enriched") (JSON value).
 *   5. Group the enriched orders by region — "unknown" when the region is null — with Grouped.with("by-region", …)
 *      (the repartition topic is then <application.id>-by-region-repartition), sum their amounts with aggregate,
 *      and write every update of the totals to ctx.topic("region-totals"): key = region, value = total (JSON).
 *
 * kafkalings grades the topology record by record through the TopologyTestDriver, then runs it with KafkaStreams
 * on the cluster (record cache off). Lesson 11 shows each operation in TypeScript.
 */
export function buildTopology(builder: StreamsBuilder, ctx: ExerciseContext): void {
  builder.table<string, Customer>(ctx.topic("customers"), Consumed.with(Serdes.String(), Serdes.JSON<Customer>()));
  builder.stream<string, Order>(ctx.topic("orders"), Consumed.with(Serdes.String(), Serdes.JSON<Order>()));
  // TODO: keep the table and the stream in variables, then: orders.map(…).leftJoin(customers, …, Joined.with(…));
  // TODO: write the enriched orders with .to(ctx.topic("orders-enriched"), Produced.with(…));
  // TODO: enriched.groupBy(…, Grouped.with("by-region", …)).aggregate(() => 0, …, Materialized.with(…)).toStream().to(…)
  // (import what you use from "kafkalings/streams")
}
