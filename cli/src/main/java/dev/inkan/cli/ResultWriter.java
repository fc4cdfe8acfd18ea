package dev.inkan.cli;

import dev.inkan.authres.AuthenticationResults;

/** Writes what {@code inkan verify} found for one message (DKIM, ARC, and with --ip SPF and DMARC), as text or as JSON. */
interface ResultWriter {

    /**
     * @param file the message's path as given, or {@value MessageFiles#STDIN} for standard input
     * @param results the Authentication-Results of the message
     * @param verdicts what each check found
     */
    void write(String file, AuthenticationResults results, MessageVerdicts verdicts);
}
