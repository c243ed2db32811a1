/**
 * Seeded randomness for the sample generator: one linear congruential stream
 * (d3.randomLcg), so the same seed gives the same bytes on every machine.
 *
 *   const rng = new Rng(42); rng.int(1, 6); rng.pick(list); rng.chance(0.02)
 */
import {randomLcg} from "d3";

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = randomLcg(seed);
  }
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  /** Exponential variate with the given mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
  /** Standard normal variate (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

/** Draws from a fixed list with weights, by binary search on cumulative weights. */
export class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;
  constructor(readonly items: readonly T[], weights: readonly number[]) {
    if (items.length !== weights.length || !items.length) throw new Error(`invalid weights: ${weights.length} for ${items.length} items`);
    let sum = 0;
    for (const w of weights) this.cumulative.push((sum += w));
    this.total = sum;
  }
  draw(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

/**
 * A bijection of [0, 10^digits) (multiplication by a constant prime to 10,
 * then an offset), so that numbers derived from distinct entity indexes
 * never collide while looking random.
 */
export function scramble(index: number, digits: number, salt = 0): number {
  const modulus = 10 ** digits;
  const multiplier = 7_919_033; // odd, not a multiple of 5: invertible modulo 10^digits
  return ((index % modulus) * multiplier + salt * 104_729) % modulus; // < 2^53 for digits ≤ 8
}
