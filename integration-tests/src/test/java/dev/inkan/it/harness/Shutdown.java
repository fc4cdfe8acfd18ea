package dev.inkan.it.harness;

/** Stops what a test started, in the order given, each even when one before it failed. */
public final class Shutdown {

    private Shutdown() {
    }

    /**
     * Closes each resource that is not null, in order; the first failure is thrown once all are closed, with the
     * later ones suppressed.
     */
    public static void inOrder(AutoCloseable... resources) throws Exception {
        Throwable first = null;
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception | Error e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof Error e) {
            throw e;
        }
        if (first instanceof Exception e) {
            throw e;
        }
    }
}
