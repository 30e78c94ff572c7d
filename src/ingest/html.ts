import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

const BLOCK = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'main', 'li', 'ul', 'ol', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'figure', 'figcaption', 'dd', 'dt', 'hr', 'br', 'address']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Flattens a DOM subtree into text with one line per block, so that paragraphs survive extraction. */
function blockText(root: DomNode): string {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const clean = line.replace(/\s+/g, ' ').trim();
    if (clean) lines.push(clean);
    line = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toLowerCase();
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines.join('\n\n');
}

export interface Extracted {
  text: string;
  title?: string;
}

/** The article inside a web page: Readability's pick when it finds one, else the whole body. */
export function extractHtml(html: string): Extracted {
  const { document } = parseHTML(html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`);
  const title = document.title?.trim() || undefined;
  let article: { content?: string | null; title?: string | null } | null = null;
  try {
    article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch {
    article = null;
  }
  if (article?.content) {
    const { document: inner } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    const text = blockText(inner.body as unknown as DomNode);
    if (text.trim()) return { text, title: article.title?.trim() || title };
  }
  const { document: fresh } = parseHTML(html);
  const body = (fresh.body ?? fresh.documentElement) as unknown as DomNode | null;
  return { text: body ? blockText(body) : '', title };
}

const HTML_SNIFF = /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])|<(p|div|article|body|span|a|h[1-6])(\s[^>]*)?>/i;

export const looksLikeHtml = (text: string): boolean => HTML_SNIFF.test(text.slice(0, 2000));
