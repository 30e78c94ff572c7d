import type { Report } from '../../schema.js';
import { esc } from './escape.js';

interface Layer {
  start: number;
  end: number;
  /** Applied outermost first when a stretch of text lies under several layers. */
  rank: number;
  open: (first: boolean) => string;
  close: string;
}

export interface AddedSpan {
  start: number;
  end: number;
}

/** Palette class of each cited source, most cited first. */
export type Colours = Map<string, number>;

/**
 * The spans covering each successive stretch of text, for stretches visited left to right whose bounds include
 * every span's start and end: one walk over the spans, so that a long article stays linear.
 */
function sweep<T>(items: T[], span: (item: T) => { start: number; end: number }): (from: number) => T[] {
  const sorted = items.map((item, order) => ({ item, order })).sort((a, b) => span(a.item).start - span(b.item).start);
  let next = 0;
  let active: typeof sorted = [];
  return (from) => {
    while (next < sorted.length && span(sorted[next].item).start <= from) active.push(sorted[next++]);
    active = active.filter((x) => span(x.item).end > from);
    return [...active].sort((a, b) => a.order - b.order).map((x) => x.item);
  };
}

/**
 * The article text as HTML, every character once and in order (the page's script computes offsets from the
 * text), wrapped in the layers that cover it: boilerplate, unattributed claims, reviewer additions, claims.
 */
export function articleHtml(report: Report, text: string, colours: Colours, added: AddedSpan[] = []): string {
  const layers: Layer[] = [
    ...report.boilerplate.map((b) => ({ ...b, rank: 0, open: () => '<span class="boilerplate" title="page furniture, not analysed">', close: '</span>' })),
    ...report.unattributed.map((u, i) => ({
      ...u.sentence,
      rank: 1,
      open: (first: boolean) => `<span class="unattributed"${first ? ` id="u${i}"` : ''} title="unattributed claim">`,
      close: '</span>',
    })),
    ...added.map((a) => ({ ...a, rank: 2, open: () => '<span class="added" title="added by a reviewer">', close: '</span>' })),
  ];
  const contents = report.attributions.map((a) => a.content);
  const cuts = new Set([0, text.length, ...[...layers, ...contents].flatMap((s) => [s.start, s.end])]);
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const claimsAt = sweep(report.attributions, (a) => a.content);
  const layersAt = sweep(layers, (l) => l);
  const opened = new Set<Layer>();
  const out: string[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    let piece = esc(text.slice(from, to));
    const claims = claimsAt(from);
    if (claims.length) {
      const sources = [...new Set(claims.flatMap((a) => [a.source.id, ...a.via]))];
      piece = `<mark class="claim c${colours.get(claims[0].source.id) ?? 0}" tabindex="0" data-claims="${claims.map((a) => esc(a.id)).join(' ')}" data-sources="${sources.map(esc).join(' ')}">${piece}</mark>`;
    }
    const covering = layersAt(from).sort((a, b) => b.rank - a.rank);
    for (const layer of covering) {
      piece = `${layer.open(!opened.has(layer))}${piece}${layer.close}`;
      opened.add(layer);
    }
    out.push(piece);
  }
  return `<div id="article" class="text">${out.join('')}</div>`;
}
