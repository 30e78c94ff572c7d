import type { Report } from '../schema.js';
import { bySource, viaNames } from './shared.js';

const cell = (s: string) => s.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

export function markdown(report: Report): string {
  const d = report.document;
  const out = [`# ${cell(d.title ?? d.id)}`, '', `${report.attributions.length} claims from ${report.sources.length} sources; ${report.unattributed.length} unattributed.`, ''];
  for (const w of report.warnings) out.push(`> ${cell(w)}`, '');
  out.push('## Sources', '', '| source | type | claims |', '|---|---|---|');
  for (const { source, claims } of bySource(report)) out.push(`| ${cell(source.name)} | ${source.type} | ${claims.length} |`);
  out.push('', '## Claims', '', '| source | cue | kind | hedged | confidence | content |', '|---|---|---|---|---|---|');
  for (const a of report.attributions) {
    const who = [a.source.name, viaNames(report, a)].filter(Boolean).join(' ');
    out.push(`| ${cell(who)} | ${cell(a.cue?.text ?? '—')} | ${a.kind} | ${a.hedged ? 'yes' : ''} | ${a.confidence.toFixed(2)} | ${cell(a.content.text)} |`);
  }
  if (report.unattributed.length) {
    out.push('', '## Unattributed claims', '');
    for (const u of report.unattributed) out.push(`- ${cell(u.text)}`);
  }
  return out.join('\n') + '\n';
}
