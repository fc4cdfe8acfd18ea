package dev.inkan.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** Writes a message held in a file with new header fields on top (a signer, a sealer). */
interface MessageFileWriter {

    /**
     * Writes the message, its new fields first, to {@code out}.
     *
     * @param name how to name the message in an error ("msg.eml", "standard input")
     * @throws InputException when the message cannot be processed (e.g. its header block is over the limits)
     */
    void write(Path message, String name, OutputStream out) throws IOException, InputException;
}
