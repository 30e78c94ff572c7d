import type { Attribution, Report, Source } from '../schema.js';

export const clip = (s: string, n: number) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

/** Sources with their claims, most cited first. */
export function bySource(report: Report): Array<{ source: Source; claims: Attribution[] }> {
  return report.sources
    .map((source) => ({ source, claims: report.attributions.filter((a) => a.source.id === source.id) }))
    .filter((g) => g.claims.length > 0)
    .sort((a, b) => b.claims.length - a.claims.length);
}

export function viaNames(report: Report, a: Attribution): string {
  if (!a.via.length) return '';
  const names = a.via.map((id) => report.sources.find((s) => s.id === id)?.name ?? id);
  return `via ${names.join(' ← ')}`;
}
