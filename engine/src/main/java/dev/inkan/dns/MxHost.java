package dev.inkan.dns;

/** One MX record: its preference and the exchange host name (without the trailing dot). */
public record MxHost(int preference, String exchange) {
}
