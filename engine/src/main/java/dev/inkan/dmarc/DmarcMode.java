package dev.inkan.dmarc;

import java.util.Set;

/**
 * Which DMARC specification an evaluation follows. RFC 9989 (May 2026) obsoletes RFC 7489; the older
 * behaviour stays available for operators who need it.
 *
 * <table>
 *   <caption>What the mode switches</caption>
 *   <tr><th></th><th>{@link #RFC9989}</th><th>{@link #RFC7489}</th></tr>
 *   <tr><td>Organizational Domain</td><td>DNS tree walk (§4.10, §4.10.2)</td>
 *       <td>Public Suffix List (§3.2)</td></tr>
 *   <tr><td>Policy discovery</td><td>Author Domain, then the walk's Organizational Domain or PSD
 *       (§4.10.1); several records at one name are discarded and the walk goes on</td>
 *       <td>Author Domain, then the PSL Organizational Domain (§6.6.3); several records end discovery
 *       (permerror)</td></tr>
 *   <tr><td>Record without {@code p}</td><td>treated as {@code p=none} (§4.7)</td>
 *       <td>invalid: {@code p=none} only with a valid {@code rua}, else no DMARC (§6.6.3 step 6)</td></tr>
 *   <tr><td>{@code np}, {@code psd}, {@code t}</td><td>applied</td><td>unknown tags, ignored (§6.3)</td></tr>
 *   <tr><td>{@code pct}</td><td>historic, ignored (§9.3, Appendix A.6)</td><td>applied with the configured
 *       random source (§6.6.4)</td></tr>
 * </table>
 */
public enum DmarcMode {
    /** RFC 9989: DNS tree walk, {@code np}, {@code psd}, {@code t}. The default. */
    RFC9989(Set.of("v", "p", "sp", "np", "psd", "t", "adkim", "aspf", "rua", "ruf", "fo")),
    /** RFC 7489: Public Suffix List, {@code pct}. */
    RFC7489(Set.of("v", "p", "sp", "adkim", "aspf", "rua", "ruf", "fo", "pct", "rf", "ri"));

    private final Set<String> tags;

    DmarcMode(Set<String> tags) {
        this.tags = tags;
    }

    /**
     * The tags this specification defines: RFC 9989 §4.7 (§9.3 lists {@code pct}, {@code rf} and {@code ri}
     * as historic; Appendix C.5.2 removed them), RFC 7489 §6.3. Other tags are unknown to the mode and
     * ignored, their syntax included.
     */
    public Set<String> tags() {
        return tags;
    }
}
