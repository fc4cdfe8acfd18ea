package dev.inkan.keytable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Signing keys read from files (a key file, a key list, a KeyTable with its SigningTable) that are read again
 * when one of those files changes, so that a rotated key is used without restarting the server.
 *
 * <p>Why this shape: a mail server signs on many threads and must not touch the disk per message. At most once
 * per {@code interval} one signing thread looks at the files' attributes (one {@code stat} each: modification
 * time, size and file identity, so a replaced or renamed-over file counts too); only when something changed does
 * it read them, and only a fully read, checked set of keys replaces the old one (one volatile write), so a
 * message is signed either with the old keys or with the new ones. A set that fails to load (a half-written
 * table, a missing key file, a key that cannot sign) never replaces working keys: signing goes on with the old
 * ones, the problem is reported once (again only when it changes), and the next check tries again.
 */
public final class ReloadingKeySelector implements SigningKeySelector {

    /** What one load gives: the keys and every file they were read from. */
    public record Loaded(SigningKeySelector selector, List<Path> files) {

        public Loaded {
            Objects.requireNonNull(selector, "selector");
            files = List.copyOf(files);
        }
    }

    /** Reads the keys from their files; throws with a message naming the file and the problem. */
    @FunctionalInterface
    public interface Loader {
        Loaded load() throws Exception;
    }

    /** A file as one {@code stat} sees it; {@code missing} when it could not be looked at. */
    private record Stamp(long modifiedNanos, long size, Object fileKey, boolean missing) {

        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                long nanos = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
                return new Stamp(nanos, a.size(), a.fileKey(), false);
            } catch (IOException | SecurityException e) {
                return new Stamp(0, -1, null, true);
            }
        }
    }

    /** The keys in use and the stamps of the files they came from. */
    private record State(SigningKeySelector selector, Map<Path, Stamp> stamps) {
    }

    private final Loader loader;
    private final Clock clock;
    private final long intervalMillis;
    private final Consumer<String> problems;
    private final Consumer<String> reloads;
    private final AtomicLong nextCheck;
    private volatile State state;
    private volatile String lastProblem;

    /**
     * Loads the keys now; a failure here is thrown (at start-up a bad key must stop the server).
     *
     * @param interval how often the files are looked at, at most; positive
     * @param problems told, once per distinct problem, why changed files were not taken (the old keys stay)
     * @param reloads told which files changed when new keys were taken
     */
    public ReloadingKeySelector(Loader loader, Clock clock, Duration interval, Consumer<String> problems,
            Consumer<String> reloads) throws Exception {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the reload interval must be positive, got " + interval);
        }
        this.loader = loader;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
        this.problems = problems;
        this.reloads = reloads;
        this.state = stamped(loader.load(), Map.of());
        this.nextCheck = new AtomicLong(clock.millis() + intervalMillis);
    }

    @Override
    public List<KeySelection> choose(String authorAddress) {
        long now = clock.millis();
        long next = nextCheck.get();
        if (now >= next && nextCheck.compareAndSet(next, now + intervalMillis)) {
            reloadIfChanged();
        }
        return state.selector().choose(authorAddress);
    }

    /** Looks at the files and takes new keys if they changed and load; run by one thread when due. */
    private void reloadIfChanged() {
        Map<Path, Stamp> known = state.stamps();
        Map<Path, Stamp> seen = new LinkedHashMap<>();
        known.keySet().forEach(file -> seen.put(file, Stamp.of(file)));
        List<Path> changed = seen.keySet().stream().filter(f -> !seen.get(f).equals(known.get(f))).toList();
        if (changed.isEmpty()) {
            return;
        }
        try {
            state = stamped(loader.load(), seen);
            lastProblem = null;
            reloads.accept("keys reloaded after a change of " + changed.stream().map(Path::toString).toList());
        } catch (Exception e) {
            String problem = e.getMessage() == null ? e.toString() : e.getMessage();
            if (!problem.equals(lastProblem)) {
                lastProblem = problem;
                problems.accept(problem);
            }
        }
    }

    /**
     * The new state, with each file's stamp from before it was read where there is one ({@code seen}): a file
     * changed while it was being read then differs at the next check and is read again.
     */
    private static State stamped(Loaded loaded, Map<Path, Stamp> seen) {
        Map<Path, Stamp> stamps = new LinkedHashMap<>();
        for (Path file : loaded.files()) {
            stamps.put(file, seen.containsKey(file) ? seen.get(file) : Stamp.of(file));
        }
        return new State(loaded.selector(), Map.copyOf(stamps));
    }
}
