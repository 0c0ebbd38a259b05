/** XML text for the checkstyle and JUnit formats. */
/**
 * Escapes text for an attribute or element. Characters XML 1.0 cannot carry
 * at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are written as
 * `\uXXXX`, so a message quoting odd file content still yields a document
 * parsers accept, and still shows what was there.
 */
export function xmlEscape(text) {
    return text
        .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;');
}
export function xmlAttributes(attributes) {
    return Object.entries(attributes)
        .map(([name, value]) => ` ${name}="${xmlEscape(String(value))}"`)
        .join('');
}
export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
//# sourceMappingURL=xml.js.map