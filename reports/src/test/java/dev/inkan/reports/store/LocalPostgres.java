package dev.inkan.reports.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server of its own on 127.0.0.1 for a test: Debian's binaries (package postgresql, under
 * /usr/lib/postgresql/VERSION/bin), a fresh cluster in a temporary directory, a free port, trust authentication
 * for the user "inkan", fsync off. PostgreSQL refuses to run as root, so as root it runs as the "postgres" user.
 * Absent binaries fail the test with one line saying what to install.
 */
public final class LocalPostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean asPostgres;

    private LocalPostgres(Path bin, Path data, int port, boolean asPostgres) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    public static LocalPostgres start() throws Exception {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path base = Files.createTempDirectory("inkan-pg-");
        Path data = base.resolve("data");
        LocalPostgres pg = new LocalPostgres(bin, data, freePort(), root);
        if (root) {
            run(List.of("chown", "postgres", base.toString()));
        }
        pg.pg(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "inkan", "-A", "trust",
                "--no-sync", "-E", "UTF8"));
        pg.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
                base.resolve("server.log").toString(), "-o", "-p " + pg.port + " -k " + base
                        + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
        try (Connection c = new org.postgresql.Driver().connect(pg.url("postgres"), credentials());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE inkan");
        }
        return pg;
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String url() {
        return url("inkan");
    }

    public static Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", "inkan");
        return p;
    }

    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Path newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/pg_ctl")))
                        .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                        .orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            }
        }
        throw new AssertionError("no PostgreSQL server binaries under /usr/lib/postgresql: the report store tests need"
                + " Debian's postgresql package (apt-get install postgresql; ./test.sh installs it)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void pg(List<String> command) throws Exception {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
    }

    @Override
    public void close() throws Exception {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
        try (Stream<Path> files = Files.walk(data.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
