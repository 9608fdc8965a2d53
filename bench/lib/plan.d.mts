/** Types of bench/lib/plan.mjs, for the TypeScript test of the generator. */
import type { BenchService } from '../generate.mjs';

/** The services of a repository of `n` and the drifts planted among them. */
export function planRepo(n: number, seed?: number): { services: BenchService[]; drifts: { service: string; kind: string }[] };
