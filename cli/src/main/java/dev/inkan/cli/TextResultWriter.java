package dev.inkan.cli;

import dev.inkan.authres.AuthResultsFormatter;
import dev.inkan.authres.AuthenticationResults;
import java.io.PrintStream;

/**
 * The Authentication-Results header field, folded as it would be added to the message, with the
 * platform's line separator. With several messages each is introduced like tail(1) does:
 * {@code ==> FILE <==}, and separated from the previous one by an empty line.
 */
final class TextResultWriter implements ResultWriter {

    private final PrintStream out;
    private final boolean nameEachMessage;
    private boolean first = true;

    TextResultWriter(PrintStream out, boolean nameEachMessage) {
        this.out = out;
        this.nameEachMessage = nameEachMessage;
    }

    @Override
    public void write(String file, AuthenticationResults results, MessageVerdicts verdicts) {
        if (nameEachMessage) {
            if (!first) {
                out.println();
            }
            out.println("==> " + (MessageFiles.STDIN.equals(file) ? "standard input" : file) + " <==");
        }
        first = false;
        String header = AuthResultsFormatter.header(results);
        out.print(header.replace("\r\n", System.lineSeparator()));
        out.flush();
    }
}
