package dev.inkan.reports.store;

/** The report store failed (database unreachable, schema newer than this Inkan, ...); the message says what. */
public final class ReportStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReportStoreException(String message) {
        super(message);
    }
}
