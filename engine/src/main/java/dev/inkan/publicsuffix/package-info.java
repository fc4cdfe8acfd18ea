/**
 * The Public Suffix List (<a href="https://publicsuffix.org/">publicsuffix.org</a>): its file format and
 * its algorithm for public suffixes and registrable domains. RFC 7489 §3.2 (DMARC before RFC 9989) takes
 * the registrable domain as the Organizational Domain. A snapshot is bundled ({@link
 * dev.inkan.publicsuffix.PublicSuffixList#bundled()}, Debian's {@code publicsuffix} 20230209, MPL-2.0;
 * see PROVENANCE.txt beside it); operators load a current list from a file ({@link
 * dev.inkan.publicsuffix.PublicSuffixList#load(java.nio.file.Path)}).
 */
package dev.inkan.publicsuffix;
