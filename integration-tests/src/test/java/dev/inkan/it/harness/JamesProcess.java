package dev.inkan.it.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * James 3.8.1 as operators run it: a separate JVM started in a {@link JamesConf} working directory with
 * {@code java -cp 'lib/*' -Dworking.directory=. org.apache.james.MemoryJamesServerMain}, {@code lib/} the
 * memory app and its dependencies as assembled from Maven Central (system property {@value #LIB}, set by the
 * pom to module james-dist-3.8's output) and {@code extensions-jars/inkan-james.jar} the plugin (system
 * property {@value #PLUGIN}: module james-plugin's shaded jar). Its SMTP, IMAP and WebAdmin listeners get free
 * loopback ports, JMX is off, and everything it prints goes to {@code james.log} in the working directory.
 * Users, domains and mappings are added, and mail repositories read, through WebAdmin.
 */
public final class JamesProcess implements James {

    static final String LIB = "inkan.james.lib";
    static final String PLUGIN = "inkan.james.plugin";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** What a class missing from, or changed in, James's libraries looks like in its log. */
    private static final Pattern LINKAGE_ERROR = Pattern.compile("NoClassDefFoundError|ClassNotFoundException"
            + "|NoSuchMethodError|NoSuchFieldError|LinkageError|AbstractMethodError|IncompatibleClassChangeError");

    private final Process process;
    private final Path log;
    private final int smtpPort;
    private final int imapPort;
    private final int webAdminPort;
    private final WebAdmin webAdmin;
    private final Thread killOnExit;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JamesProcess(JamesConf conf) throws IOException {
        int[] ports = freePorts(3);
        smtpPort = ports[0];
        imapPort = ports[1];
        conf.listenOn(smtpPort, imapPort).webAdmin(ports[2]).write("jmx.properties", "jmx.enabled=false\n")
                .write("logback.xml", new String(JamesConf.resource("/james-conf/logback.xml"), StandardCharsets.UTF_8));
        Path root = conf.root();
        Files.createSymbolicLink(root.resolve("lib"), existing(LIB, "the assembled James 3.8.1 lib/ folder"));
        Path extensions = Files.createDirectories(root.resolve("extensions-jars"));
        Files.copy(existing(PLUGIN, "inkan-james.jar"), extensions.resolve("inkan-james.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        log = root.resolve("james.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // operators' command; the JVM options suit a short-lived server on a small CI machine (faster start-up)
        process = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", "lib/*", "-Dworking.directory=.",
                "-Dlogback.configurationFile=conf/logback.xml", "org.apache.james.MemoryJamesServerMain")
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        killOnExit = new Thread(process::destroyForcibly, "james-process-reaper");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        webAdminPort = ports[2];
        webAdmin = new WebAdmin(webAdminPort);
    }

    /** Starts James in {@code conf}'s working directory; returns once its SMTP server answers, IMAP and WebAdmin listen. */
    public static JamesProcess start(JamesConf conf) throws IOException {
        JamesProcess james = new JamesProcess(conf);
        try {
            long started = System.nanoTime();
            james.awaitListeners();
            System.out.printf("James 3.8.1 process %d in %s: SMTP %d, IMAP %d, answering after %.1f s%n",
                    james.process.pid(), conf.root(), james.smtpPort, james.imapPort, (System.nanoTime() - started) / 1e9);
            return james;
        } catch (AssertionError | RuntimeException e) {
            james.stop();
            throw e;
        }
    }

    /**
     * Starts James with a configuration that must stop it: waits until the process exits, having never answered
     * on its SMTP port, and returns its log.
     */
    public static String failToStart(JamesConf conf) {
        try {
            JamesProcess james = new JamesProcess(conf);
            try {
                long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
                while (james.process.isAlive()) {
                    if (james.smtpAnswers()) {
                        throw new AssertionError("James answered on SMTP with a bad configuration; its log:\n" + james.log());
                    }
                    if (System.nanoTime() - deadline > 0) {
                        throw new AssertionError("James neither started nor stopped within " + START_TIMEOUT.toSeconds()
                                + " s; the end of its log:\n" + james.tail());
                    }
                    james.process.waitFor(200, TimeUnit.MILLISECONDS);
                }
                if (james.process.exitValue() == 0) {
                    throw new AssertionError("James exited with status 0 on a bad configuration; its log:\n" + james.log());
                }
                james.assertNoLinkageErrors();
                return james.log();
            } finally {
                james.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** SMTP is the first listener James starts; IMAP and WebAdmin come after it. */
    private void awaitListeners() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!(smtpAnswers() && accepts(imapPort) && accepts(webAdminPort))) {
            if (!process.isAlive()) {
                throw new AssertionError("James exited with status " + process.exitValue()
                        + " before its listeners answered; the end of its log:\n" + tail());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("James's SMTP, IMAP and WebAdmin did not all answer within " + START_TIMEOUT.toSeconds()
                        + " s; the end of its log:\n" + tail());
            }
            pause();
        }
    }

    /** Whether the SMTP port answers with a 220 greeting. */
    private boolean smtpAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), smtpPort), 1000);
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            byte[] code = in.readNBytes(3);
            return new String(code, StandardCharsets.US_ASCII).equals("220");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public int smtpPort() {
        return smtpPort;
    }

    @Override
    public int imapPort() {
        return imapPort;
    }

    @Override
    public JamesProcess domain(String domain) throws IOException {
        webAdmin.domain(domain);
        return this;
    }

    @Override
    public JamesProcess user(String address) throws IOException {
        webAdmin.domain(address.substring(address.indexOf('@') + 1));
        webAdmin.user(address, Mailboxes.PASSWORD);
        return this;
    }

    @Override
    public JamesProcess addressMapping(String localPart, String domain, String target) throws IOException {
        webAdmin.addressMapping(localPart + "@" + domain, target);
        return this;
    }

    @Override
    public List<byte[]> repository(String url) throws IOException {
        return webAdmin.repository(url);
    }

    /** Everything James has printed so far. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of the log that show a class missing from James's libraries or changed in them. */
    public List<String> linkageErrors() {
        return log().lines().filter(line -> LINKAGE_ERROR.matcher(line).find()).toList();
    }

    /** Stops James (as SIGTERM does), then fails if its log shows a linkage error; closing again changes nothing. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        stop();
        assertNoLinkageErrors();
    }

    private void assertNoLinkageErrors() {
        List<String> errors = linkageErrors();
        if (!errors.isEmpty()) {
            throw new AssertionError("linkage errors in James's log " + log + ":\n" + String.join("\n", errors));
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already; the hook runs
        }
    }

    /** The last 60 lines of the log. */
    private String tail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static Path existing(String property, String what) {
        String value = System.getProperty(property);
        if (value == null || !Files.exists(Path.of(value))) {
            throw new AssertionError(what + " not found (system property " + property + " = " + value
                    + "): the deployment suite runs after the package phase, e.g. `mvn verify`");
        }
        return Path.of(value).toAbsolutePath();
    }

    /** {@code n} distinct ports that were free on the loopback interface a moment ago. */
    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
