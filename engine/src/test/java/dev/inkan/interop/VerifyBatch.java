package dev.inkan.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Labelled messages for the peers to verify, each peer started once for the whole batch (the first time
 * a report of it is asked for), with DNS from one {@link Zone}. Keeps a matrix of a hundred cases to a
 * couple of peer processes.
 */
final class VerifyBatch {

    private final Path dir;
    private final Zone zone;
    private final Map<String, Path> files = new LinkedHashMap<>();
    private final Map<Peer, Map<Path, Peer.Report>> reports = new HashMap<>();

    VerifyBatch(Path dir, Zone zone) {
        this.dir = dir;
        this.zone = zone;
    }

    synchronized void add(String label, byte[] message) {
        if (!reports.isEmpty()) {
            throw new IllegalStateException("the batch has already been verified");
        }
        Path file = dir.resolve("msg-" + files.size() + ".eml");
        try {
            Files.write(file, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.putIfAbsent(label, file) != null) {
            throw new IllegalArgumentException("duplicate label " + label);
        }
    }

    /** What {@code peer} said about the message labelled {@code label}. */
    synchronized Peer.Report report(Peer peer, String label) {
        Path file = files.get(label);
        if (file == null) {
            throw new IllegalArgumentException("no message labelled " + label);
        }
        return reports.computeIfAbsent(peer, p -> p.verify(zone, new ArrayList<>(files.values()), dir)).get(file);
    }

    List<String> labels() {
        return List.copyOf(files.keySet());
    }
}
