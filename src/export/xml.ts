// XML text helpers for the GraphML and GEXF writers: escaping, and removal of the characters XML 1.0 cannot carry at all.

// XML 1.0 Char excludes C0 controls other than tab/LF/CR, U+FFFE and U+FFFF; a lone surrogate is not a character.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Text safe as element content: forbidden characters dropped, & < > escaped, CR kept as a reference (parsers turn a raw CR into LF). */
export function escapeXmlText(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[&<>\r]/g, (c) => ENTITIES[c]);
}

/** Text safe inside a double-quoted attribute value: as escapeXmlText, plus the quote, and tab/LF as references so attribute normalisation keeps them. */
export function escapeXmlAttribute(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[&<>"\t\n\r]/g, (c) => ENTITIES[c]);
}
