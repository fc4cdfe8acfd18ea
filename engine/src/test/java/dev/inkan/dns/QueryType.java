package dev.inkan.dns;

/** The record types a {@link DnsResolver} is asked for; one per resolver method. Test support. */
public enum QueryType {
    TXT, A, AAAA, MX, PTR
}
