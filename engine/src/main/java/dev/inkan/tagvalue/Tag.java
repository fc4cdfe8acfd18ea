package dev.inkan.tagvalue;

/**
 * One tag-spec of an RFC 6376 §3.2 tag=value list.
 *
 * @param name the tag-name (case-sensitive, as written)
 * @param value the tag-value with leading and trailing folding white space removed; internal white
 *     space kept as written (base64 values are cleaned by their consumer)
 * @param valueStart offset in the parsed text of the first character after '='
 * @param valueEnd offset in the parsed text of the ';' ending this tag-spec, or the text's length: the
 *     range {@code [valueStart, valueEnd)} is the value "including all surrounding whitespace" that
 *     RFC 6376 §3.5 (b=) and RFC 8617 §4.1 blank when hashing a signature field
 */
public record Tag(String name, String value, int valueStart, int valueEnd) {
}
