import type { Report } from '../schema.js';

const field = (v: string | number | boolean) => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const CSV_HEADER = ['document', 'id', 'source', 'source_type', 'via', 'cue', 'kind', 'hedged', 'confidence', 'content_start', 'content_end', 'content'];

/** One row per attribution; rows from several reports can follow one header. */
export function csvRows(report: Report): string[] {
  return report.attributions.map((a) =>
    [report.document.id, a.id, a.source.name, a.source.type, a.via.join(' '), a.cue?.text ?? '', a.kind, a.hedged, a.confidence, a.content.start, a.content.end, a.content.text].map(field).join(','),
  );
}

export const csv = (report: Report) => [CSV_HEADER.join(','), ...csvRows(report)].join('\n') + '\n';
