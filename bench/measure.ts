import { readFileSync } from 'node:fs';

export interface Measurement {
  name: string;
  articles: number;
  seconds: number;
  articlesPerSecond: number;
  tokensPerSecond: number;
  mbPerSecond: number;
  p50ms: number;
  p95ms: number;
  peakRssMb: number;
}

export const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

export function measurement(name: string, latencies: number[], seconds: number, tokens: number, bytes: number, peakRssMb: number): Measurement {
  return {
    name,
    articles: latencies.length,
    seconds,
    articlesPerSecond: latencies.length / seconds,
    tokensPerSecond: tokens / seconds,
    mbPerSecond: bytes / 1e6 / seconds,
    p50ms: quantile(latencies, 0.5),
    p95ms: quantile(latencies, 0.95),
    peakRssMb,
  };
}

/** Peak resident memory of this process so far. */
export const ownPeakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** Resident memory of a process and all its descendants (Linux /proc), in MB. */
export function treeRssMb(pid: number): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
    } catch {
      // the process ended meanwhile
    }
  };
  visit(pid);
  return total;
}
