import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Prints the {@code bin/java} of a JDK whose feature version is at least the one asked for (James 3.9 needs
 * 21), for the build to run the 3.9 tests with. Run as a single source file by the build:
 * {@code java FindJdk.java 21}. Order: {@code $INKAN_JDK21} (a JDK home) if set, then the JDKs under
 * {@code /usr/lib/jvm} (the lowest version that is new enough, Temurin first among equals). Exits 1 with one
 * line on stderr when there is none.
 */
public final class FindJdk {

    record Jdk(Path home, int feature, boolean temurin) {
    }

    public static void main(String[] args) throws IOException {
        int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        String override = System.getenv("INKAN_JDK" + wanted);
        if (override != null && !override.isBlank()) {
            Jdk jdk = read(Path.of(override));
            if (jdk == null || jdk.feature() < wanted) {
                fail("INKAN_JDK" + wanted + "=" + override + " is not a Java " + wanted + "+ JDK (no bin/java or a "
                        + "release file saying JAVA_VERSION " + wanted + " or later)");
            }
            System.out.println(jdk.home().resolve("bin/java"));
            return;
        }
        Path root = Path.of("/usr/lib/jvm");
        List<Jdk> found = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path dir : dirs.sorted().toList()) {
                    Jdk jdk = read(dir);
                    if (jdk != null) {
                        found.add(jdk);
                    }
                }
            }
        }
        found.stream()
                .filter(jdk -> jdk.feature() >= wanted)
                .min(Comparator.comparingInt(Jdk::feature).thenComparing(jdk -> !jdk.temurin()))
                .ifPresentOrElse(jdk -> System.out.println(jdk.home().resolve("bin/java")),
                        () -> fail("no Java " + wanted + "+ JDK under " + root + " (found: "
                                + (found.isEmpty() ? "none" : found.stream()
                                        .map(jdk -> jdk.home().getFileName() + "=" + jdk.feature()).toList())
                                + "); James 3.9 needs one: install Temurin " + wanted + " (temurin-" + wanted
                                + "-jdk) or set INKAN_JDK" + wanted + " to a JDK home"));
    }

    private static Jdk read(Path home) throws IOException {
        Path release = home.resolve("release");
        if (Files.isSymbolicLink(home) || !Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
            return null;
        }
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(release)) {
            props.load(in);
        }
        String version = unquote(props.getProperty("JAVA_VERSION", ""));
        String implementor = unquote(props.getProperty("IMPLEMENTOR", ""));
        try {
            int feature = Integer.parseInt(version.replaceFirst("^1\\.", "").split("[.+-]")[0]);
            return new Jdk(home, feature, implementor.contains("Adoptium"));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static void fail(String line) {
        System.err.println("[inkan] " + line);
        System.exit(1);
    }
}
