package dev.inkan.interop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;

/** Assertions on peer reports that say which peer, which case and what the peer reported. */
final class PeerAssertions {

    private PeerAssertions() {
    }

    static void assertPasses(Peer peer, String label, Peer.Report report, int index) {
        Peer.Verdict verdict = report.signature(index);
        assertThat(verdict.result())
                .as("%s on signature %d of [%s]: %s (%s)", peer, index, label, verdict.result(), verdict.detail())
                .isEqualTo("pass");
    }

    static void assertPasses(Peer peer, String label, Peer.Report report) {
        assertThat(report.signatures()).as("%s saw one signature in [%s]%s", peer, label,
                report.error() == null ? "" : "; peer error: " + report.error()).hasSize(1);
        assertPasses(peer, label, report, 0);
    }

    /** Why a peer should reject, as each peer words it (observed with dkimpy 1.1.4 and Mail::DKIM 1.20230212). */
    enum Why {
        BODY_CHANGED("body hash mismatch", "body has been altered"),
        HEADERS_CHANGED("signature did not verify", "message has been altered");

        private final String dkimpy;
        private final String mailDkim;

        Why(String dkimpy, String mailDkim) {
            this.dkimpy = dkimpy;
            this.mailDkim = mailDkim;
        }

        String wording(Peer peer) {
            return peer == Peer.dkimpy() ? dkimpy : mailDkim;
        }
    }

    /** The peer rejected the signature for the expected reason. */
    static void assertRejects(Peer peer, String label, Peer.Report report, int index, Why why) {
        assertRejects(peer, label, report, index);
        assertThat(report.signature(index).detail()).as("%s's reason for rejecting [%s]", peer, label)
                .contains(why.wording(peer));
    }

    /** The peer checked the signature and rejected it: any result but pass. */
    static void assertRejects(Peer peer, String label, Peer.Report report, int index) {
        Peer.Verdict verdict = report.signature(index);
        assertThat(verdict.result())
                .as("%s on signature %d of [%s] should not pass (detail: %s)", peer, index, label, verdict.detail())
                .isNotEqualTo("pass");
        System.out.println("REJECTED [" + label + "] by " + peer + ": " + verdict.result() + " (" + verdict.detail() + ")");
    }

    /**
     * For an ed25519-sha256 case on a Mail::DKIM without Ed25519: prints the SKIPPED line, checks the peer
     * refused the signature for that reason and nothing else, and aborts the test (reported as skipped).
     */
    static void skipEd25519(Peer mailDkim, String label, Peer.Report report, int index) {
        Assumptions.abort(noteEd25519Unsupported(mailDkim, label, report, index));
    }

    /** Prints the SKIPPED line for one ed25519 signature and checks why the peer refused it; returns the line. */
    static String noteEd25519Unsupported(Peer mailDkim, String label, Peer.Report report, int index) {
        String version = mailDkim.version();
        String message = "SKIPPED " + label + ": Mail::DKIM " + version
                + (version.equals("1.20230212") ? " (Debian 12)" : "") + " has no ed25519-sha256";
        System.out.println(message);
        Peer.Verdict verdict = report.signature(index);
        // Observed with 1.20230212: result "invalid", detail "invalid (unsupported algorithm ed25519-sha256)"
        assertThat(verdict.detail()).as("%s on the ed25519 signature of [%s]", mailDkim, label)
                .contains("unsupported algorithm");
        return message;
    }
}
