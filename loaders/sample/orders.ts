/**
 * Order lines over the two years before asOf: a buying profile per entity
 * (a quarter never buy; order counts and spending skewed, a few big
 * spenders), orders spread between a first and a last order day so that
 * every R × F segment and lifecycle stage appears; a few returns (negative
 * quantity), free gifts (zero price) and anonymous store sales.
 */
import type {Source} from "./entity.ts";
import {iso} from "./days.ts";
import {Rng} from "./random.ts";

export const ORDER_HEADER = ["order_id", "customer_ref", "order_date", "sku", "quantity", "unit_price", "channel"];

/** A line waiting for the record id of its customer. */
export type PendingLine = [orderId: string, date: string, sku: string, quantity: string, price: string, channel: string];

export class Catalogue {
  private readonly prices: string[] = [];
  constructor(seed: number, size = 2000) {
    const rng = new Rng(seed ^ 0x5eed);
    for (let k = 0; k < size; k++) this.prices.push((Math.round(Math.exp(2.8 + rng.normal() * 0.8) * 10) / 10 + 0.9).toFixed(2));
  }
  /** A SKU and its price; low numbers sell more. */
  item(rng: Rng): [string, string] {
    const k = Math.floor(this.prices.length * rng.next() ** 2);
    return [`SKU${String(k + 1).padStart(4, "0")}`, this.prices[k]!];
  }
}

const CHANNEL: Record<Source, readonly string[]> = {crm: ["store"], eshop: ["web"], loyalty: ["app", "store"]};

export class OrderBook {
  private next = 1;
  constructor(
    private readonly catalogue: Catalogue,
    private readonly asOfDay: number,
    private readonly linesPerCustomer: number,
    private readonly idPrefix = "O"
  ) {}

  private orderId(): string {
    return `${this.idPrefix}${String(this.next++).padStart(8, "0")}`;
  }

  private lines(rng: Rng, day: number, channel: string, big: boolean): PendingLine[] {
    const id = this.orderId();
    const date = iso(day);
    const out: PendingLine[] = [];
    const n = rng.int(1, 3);
    for (let k = 0; k < n; k++) {
      const [sku, price] = this.catalogue.item(rng);
      const quantity = big ? 1 + Math.floor(rng.exp(4)) : rng.chance(0.8) ? 1 : rng.int(2, 4);
      out.push([id, date, sku, String(quantity), price, channel]);
      if (rng.chance(0.02)) out.push([id, date, sku, String(-Math.max(1, Math.floor(quantity / 2))), price, channel]);
    }
    if (rng.chance(0.015)) out.push([id, date, `GIFT${rng.int(1, 9)}`, "1", "0.00", channel]);
    return out;
  }

  /**
   * The order lines of one entity, each assigned to one of its records
   * (`sources[k]` is the source of record k).
   */
  forEntity(rng: Rng, sources: readonly Source[]): PendingLine[][] {
    const perRecord: PendingLine[][] = sources.map(() => []);
    if (rng.chance(0.25)) return perRecord;
    // mean orders per buyer so that lines per entity average `linesPerCustomer` (≈ 2.05 lines per order, 75% buyers)
    const meanOrders = this.linesPerCustomer / (2.05 * 0.75);
    const orders = 1 + Math.floor(rng.exp(Math.max(0.01, meanOrders - 0.5)));
    const big = rng.chance(0.03);
    const lastDay = this.asOfDay - 1 - Math.floor(729 * rng.next() ** 1.4);
    const firstDay = orders === 1 ? lastDay : Math.max(this.asOfDay - 730, lastDay - Math.floor(rng.next() * 730));
    for (let k = 0; k < orders; k++) {
      const day = k === 0 ? lastDay : firstDay + Math.floor(rng.next() * (lastDay - firstDay + 1));
      const r = rng.int(0, sources.length - 1);
      perRecord[r]!.push(...this.lines(rng, day, rng.pick(CHANNEL[sources[r]!]), big));
    }
    return perRecord;
  }

  /** An anonymous store sale (no customer reference). */
  anonymous(rng: Rng): PendingLine[] {
    return this.lines(rng, this.asOfDay - 1 - rng.int(0, 729), "store", false);
  }
}
