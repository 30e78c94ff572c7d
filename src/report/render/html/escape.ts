const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\r': '&#13;' };

/**
 * Text for HTML content and attribute values. A carriage return is written as a reference because the
 * HTML parser would otherwise fold CR LF into LF and shift every offset the page computes from its text.
 */
export const esc = (s: string): string => s.replace(/[&<>"'\r]/g, (c) => ENTITIES[c]);
