package dev.inkan.message;

/** The line ending a message arrived with, so tools can write added header fields in the same style. */
public enum LineEnding {
    CRLF("\r\n"),
    LF("\n");

    private final String text;

    LineEnding(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
