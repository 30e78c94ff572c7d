import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

const BLOCK = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'main', 'li', 'ul', 'ol', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'figure', 'figcaption', 'dd', 'dt', 'hr', 'br', 'address']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head']);
const BLOCK_END = Symbol('end of block');

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/**
 * Flattens a DOM subtree into text with one line per block, so that paragraphs survive extraction. It walks with
 * a stack of its own: a page nested thousands of elements deep would overflow the call stack. Each node's
 * children are read once: linkedom builds `childNodes` anew at every access.
 */
function blockText(root: DomNode): string {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const clean = line.replace(/\s+/g, ' ').trim();
    if (clean) lines.push(clean);
    line = '';
  };
  // a block's end is pushed beneath its children, so that it flushes once they are read
  const stack: Array<DomNode | typeof BLOCK_END> = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === BLOCK_END) {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      line += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const name = node.nodeName.toLowerCase();
    if (SKIP.has(name)) continue;
    if (BLOCK.has(name)) {
      flush();
      stack.push(BLOCK_END);
    }
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  flush();
  return lines.join('\n\n');
}

/**
 * Readability's time grows steeply with nesting (a page 200 elements deep takes it 0.3 s, 400 deep 1.7 s, 5,000
 * deep many minutes), so a deeper page is read whole: real articles nest a few dozen deep.
 */
const READABILITY_MAX_DEPTH = 128;

function deeperThan(root: DomNode, limit: number): boolean {
  const stack: Array<[DomNode, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (const child of Array.from(node.childNodes)) if (child.nodeType === 1) stack.push([child, depth + 1]);
  }
  return false;
}

export interface Extracted {
  text: string;
  title?: string;
}

/** The article inside a web page: Readability's pick when it finds one, else the whole body. */
export function extractHtml(html: string): Extracted {
  // a fragment parsed alone keeps only its first element's text: it is read as a page's body
  const page = html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`;
  const { document } = parseHTML(page);
  const title = document.title?.trim() || undefined;
  let article: { content?: string | null; title?: string | null } | null = null;
  const deep = deeperThan(document.documentElement as unknown as DomNode, READABILITY_MAX_DEPTH);
  if (!deep) {
    try {
      article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
    } catch {
      article = null;
    }
  }
  if (article?.content) {
    const { document: inner } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    const text = blockText(inner.body as unknown as DomNode);
    if (text.trim()) return { text, title: article.title?.trim() || title };
  }
  // Readability rewrites the document it reads; a page too deep for it is still as parsed
  const fresh = deep ? document : parseHTML(page).document;
  const body = (fresh.body ?? fresh.documentElement) as unknown as DomNode | null;
  return { text: body ? blockText(body) : '', title };
}

const HTML_SNIFF = /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])|<(p|div|article|body|span|a|h[1-6])(\s[^>]*)?>/i;

export const looksLikeHtml = (text: string): boolean => HTML_SNIFF.test(text.slice(0, 2000));
