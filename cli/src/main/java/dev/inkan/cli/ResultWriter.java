package dev.inkan.cli;

import dev.inkan.arc.ArcVerdict;
import dev.inkan.authres.AuthenticationResults;
import dev.inkan.dkim.DkimVerdict;
import java.util.List;

/** Writes what {@code inkan verify} found for one message (DKIM and ARC), as text or as JSON. */
interface ResultWriter {

    /**
     * @param file the message's path as given, or {@value MessageFiles#STDIN} for standard input
     * @param results the Authentication-Results of the message
     * @param verdicts one per DKIM-Signature field, top first; empty when there is none
     * @param arc the validation of the message's ARC chain
     */
    void write(String file, AuthenticationResults results, List<DkimVerdict> verdicts, ArcVerdict arc);
}
