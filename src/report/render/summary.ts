import type { Report } from '../schema.js';
import { bySource, clip, viaNames } from './shared.js';

/** The readable terminal summary: claims grouped by source, then what cites no one. */
export function summary(report: Report): string {
  const d = report.document;
  const lines = [`${d.title ?? d.id}  (${d.chars} chars, ${report.attributions.length} claims, ${report.sources.length} sources, ${report.unattributed.length} unattributed)`];
  for (const w of report.warnings) lines.push(`  ! ${w}`);
  for (const { source, claims } of bySource(report)) {
    lines.push('', `  ${source.name}  [${source.type}]  ×${claims.length}`);
    for (const a of claims) {
      const how = [a.cue?.text ?? '(continues quote)', a.kind, a.hedged ? 'hedged' : '', viaNames(report, a)].filter(Boolean).join(', ');
      lines.push(`    - ${clip(a.content.text, 110)}  (${how}; ${a.confidence.toFixed(2)})`);
    }
  }
  if (report.unattributed.length) {
    lines.push('', '  Unattributed claims (check these first)');
    for (const u of report.unattributed) lines.push(`    ? ${clip(u.text, 120)}`);
  }
  return lines.join('\n') + '\n';
}
