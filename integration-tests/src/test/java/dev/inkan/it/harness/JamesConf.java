package dev.inkan.it.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A James working directory with its {@code conf/}: James 3.8.1's own test configuration (from the
 * memory-app tests jar) with every listener on a free loopback port, POP3, LMTP and ManageSieve off, the
 * tests' smtpserver.xml, and the mailetcontainer.xml under test.
 */
public final class JamesConf {

    /** Taken unchanged from james-server-memory-app-3.8.1-tests.jar. */
    private static final List<String> JAMES_DEFAULTS = List.of("dnsservice.xml", "domainlist.xml",
            "usersrepository.xml", "mailrepositorystore.xml", "listeners.xml", "keystore", "jwt_publickey");

    /** Taken from the tests jar, then switched off: the tests do not use them and they would take ports. */
    private static final List<String> DISABLED = List.of("pop3server.xml", "lmtpserver.xml", "managesieveserver.xml");

    /** A class of james-server-memory-app-3.8.1-tests.jar, to find that jar. */
    private static final String MEMORY_APP_TEST_CLASS = "/org/apache/james/MemoryJamesServerTest.class";

    private final Path root;

    private JamesConf(Path root) {
        this.root = root;
    }

    /** A working directory in {@code root} (created) with every configuration file but mailetcontainer.xml. */
    public static JamesConf in(Path root) {
        JamesConf conf = new JamesConf(root);
        try {
            Files.createDirectories(conf.dir());
            for (String name : JAMES_DEFAULTS) {
                Files.write(conf.dir().resolve(name), jamesTestFile(name));
            }
            for (String name : DISABLED) {
                conf.write(name, new String(jamesTestFile(name), StandardCharsets.UTF_8)
                        .replaceFirst("enabled=\"true\"", "enabled=\"false\""));
            }
            conf.write("imapserver.xml", new String(jamesTestFile("imapserver.xml"), StandardCharsets.UTF_8)
                    .replace("0.0.0.0:0", "127.0.0.1:0").replace("classpath://keystore", "file://conf/keystore"));
            conf.write("smtpserver.xml", new String(resource("/james-conf/smtpserver.xml"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return conf;
    }

    public Path root() {
        return root;
    }

    public Path dir() {
        return root.resolve("conf");
    }

    /**
     * Puts {@code handlerXml} (a {@code <handler>} element) into the test smtpserver.xml's handler chain, before
     * {@code CoreCmdHandlerLoader}, as an operator adds an SMTP hook.
     */
    public JamesConf smtpHandler(String handlerXml) {
        String anchor = "<handler class=\"org.apache.james.smtpserver.CoreCmdHandlerLoader\"/>";
        try {
            String xml = Files.readString(dir().resolve("smtpserver.xml"));
            if (!xml.contains(anchor)) {
                throw new IllegalStateException("smtpserver.xml has no " + anchor);
            }
            return write("smtpserver.xml", xml.replace(anchor, handlerXml + "\n            " + anchor));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The SMTP and IMAP servers on fixed loopback ports instead of free ones chosen at start-up: a James in another
     * process has no probe to ask which ports it took ({@link JamesProcess}).
     */
    public JamesConf listenOn(int smtpPort, int imapPort) {
        return bind("smtpserver.xml", smtpPort).bind("imapserver.xml", imapPort);
    }

    /**
     * James's {@code authorizedAddresses} in the test smtpserver.xml (none by default): clients in {@code networks}
     * may relay without SMTP AUTH, and their mail matches {@code SMTPIsAuthNetwork}.
     */
    public JamesConf authorizedAddresses(String networks) {
        String anchor = "<verifyIdentity>";
        try {
            String xml = Files.readString(dir().resolve("smtpserver.xml"));
            if (!xml.contains(anchor) || xml.contains("<authorizedAddresses>")) {
                throw new IllegalStateException("smtpserver.xml has no " + anchor + " or already authorizedAddresses");
            }
            return write("smtpserver.xml", xml.replace(anchor, "<authorizedAddresses>" + networks
                    + "</authorizedAddresses>\n        " + anchor));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** WebAdmin (James's REST API, off unless configured) on {@code 127.0.0.1:port}, without authentication. */
    public JamesConf webAdmin(int port) {
        return write("webadmin.properties", "enabled=true\nhost=127.0.0.1\nport=" + port + "\n");
    }

    /**
     * James's metrics on WebAdmin's {@code GET /metrics}, in Prometheus text: the route an operator adds with {@code
     * extensions.routes} in {@code webadmin.properties} (after {@link #webAdmin}).
     */
    public JamesConf metricsRoute() {
        try {
            String properties = Files.readString(dir().resolve("webadmin.properties"));
            return write("webadmin.properties", properties
                    + "extensions.routes=org.apache.james.webadmin.dropwizard.MetricsRoutes\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JamesConf bind(String file, int port) {
        String any = "<bind>127.0.0.1:0</bind>";
        try {
            String xml = Files.readString(dir().resolve(file));
            if (!xml.contains(any)) {
                throw new IllegalStateException(file + " has no " + any);
            }
            return write(file, xml.replaceFirst(any, "<bind>127.0.0.1:" + port + "</bind>"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JamesConf mailetContainer(String xml) {
        return write("mailetcontainer.xml", xml);
    }

    /**
     * Appends {@code suffix} to the JMX names of the SMTP and IMAP servers, so that a second server can run in
     * the same JVM (./demo.sh) without a clash on the platform MBean server.
     */
    public JamesConf jmxSuffix(String suffix) {
        for (String name : List.of("smtpserver.xml", "imapserver.xml")) {
            try {
                Path file = dir().resolve(name);
                write(name, Files.readString(file).replaceAll("<jmxName>([^<]+)</jmxName>", "<jmxName>$1-" + suffix + "</jmxName>"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    public JamesConf write(String name, String content) {
        try {
            Files.writeString(dir().resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * A file of james-server-memory-app-3.8.1-tests.jar, read from that jar: other James jars on the test
     * classpath hold files of the same names (mailetcontainer.xml, imapserver.xml, dnsservice.xml, ...).
     */
    static byte[] jamesTestFile(String name) throws IOException {
        try (ZipFile jar = new ZipFile(jamesTestsJar().toFile())) {
            ZipEntry entry = jar.getEntry(name);
            if (entry == null) {
                throw new IOException(name + " is not in " + jamesTestsJar());
            }
            try (InputStream in = jar.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }

    private static Path jamesTestsJar() throws IOException {
        URL url = JamesConf.class.getResource(MEMORY_APP_TEST_CLASS);
        if (url == null || !"jar".equals(url.getProtocol())) {
            throw new IOException("james-server-memory-app's tests jar is not on the classpath (" + url + ")");
        }
        try {
            return Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = JamesConf.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("classpath resource " + name + " is missing");
            }
            return in.readAllBytes();
        }
    }
}
