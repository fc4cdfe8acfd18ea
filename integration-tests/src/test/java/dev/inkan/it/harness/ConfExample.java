package dev.inkan.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One folder of {@code conf-examples/}, loaded as an operator would deploy it, with only the substitutions
 * conf-examples/README.md lists:
 * <ol>
 *   <li>{@value #SITE_ROOT} (keys and tables) becomes a folder of the test, in every file of the example;</li>
 *   <li>RemoteDelivery gets {@code gateway} 127.0.0.1 and {@code gatewayPort} of the test's SMTP sink
 *       (the examples deliver by MX);</li>
 *   <li>DkimVerify gets {@code dnsZoneFile}, the test's zone (the examples use the system's resolvers).</li>
 * </ol>
 * Everything else, mailetcontainer.xml included, is used exactly as written. A substitution that finds
 * nothing to substitute fails the test, so the examples and this list cannot drift apart.
 */
public final class ConfExample {

    public static final String SITE_ROOT = "/etc/james/inkan/";
    private static final String REMOTE_DELIVERY = "class=\"RemoteDelivery\">";
    private static final String DKIM_VERIFY = "class=\"dev.inkan.james.mailets.DkimVerify\">";

    private final String name;
    private final Map<String, String> files;

    private ConfExample(String name, Map<String, String> files) {
        this.name = name;
        this.files = files;
    }

    /** The examples folder: system property inkan.conf.examples (set by the pom), else ../conf-examples. */
    public static Path examplesDir() {
        String configured = System.getProperty("inkan.conf.examples");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "conf-examples");
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("conf-examples folder not found at " + dir.toAbsolutePath());
        }
        return dir;
    }

    /** The names of every example (each sub-folder with a mailetcontainer.xml). */
    public static List<String> names() {
        try (Stream<Path> dirs = Files.list(examplesDir())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("mailetcontainer.xml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ConfExample load(String name) {
        Path dir = examplesDir().resolve(name);
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.sorted().toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!files.containsKey("mailetcontainer.xml")) {
            throw new AssertionError("conf-examples/" + name + " has no mailetcontainer.xml");
        }
        return new ConfExample(name, files);
    }

    public String name() {
        return name;
    }

    /** The example's mailetcontainer.xml as it is now. */
    public String mailetContainer() {
        return files.get("mailetcontainer.xml");
    }

    /** Substitution 1: {@value #SITE_ROOT} becomes {@code siteRoot} in every file. */
    public ConfExample siteRoot(Path siteRoot) {
        String replacement = siteRoot.toAbsolutePath() + "/";
        boolean found = false;
        for (Map.Entry<String, String> file : files.entrySet()) {
            found |= file.getValue().contains(SITE_ROOT);
            file.setValue(file.getValue().replace(SITE_ROOT, replacement));
        }
        require(found, SITE_ROOT);
        return this;
    }

    /** Substitution 2: RemoteDelivery relays through 127.0.0.1:{@code port}. */
    public ConfExample remoteDeliveryTo(int port) {
        return insertAfter(REMOTE_DELIVERY, "\n                <gateway>127.0.0.1</gateway>"
                + "\n                <gatewayPort>" + port + "</gatewayPort>");
    }

    /** Substitution 3: every DkimVerify answers DNS from {@code zoneFile}. */
    public ConfExample dnsZoneFile(Path zoneFile) {
        return insertAfter(DKIM_VERIFY, "\n                <dnsZoneFile>" + zoneFile.toAbsolutePath() + "</dnsZoneFile>");
    }

    /**
     * For ./demo.sh only, which runs two servers in one JVM: processors register JMX beans under names
     * that would clash, so one of the two turns them off. No test uses this.
     */
    public ConfExample withoutJmx() {
        String xml = mailetContainer();
        require(xml.contains("<processors>"), "<processors>");
        // <processors enableJmx> (default true) governs the processors' beans; each processor's own attribute
        // only its mailets' and matchers'
        files.put("mailetcontainer.xml", xml.replace("enableJmx=\"true\"", "enableJmx=\"false\"")
                .replace("<processors>", "<processors enableJmx=\"false\">"));
        return this;
    }

    /**
     * Writes mailetcontainer.xml into James's conf folder and the example's other files (tables) into
     * {@code siteRoot}, where its README says to install them.
     */
    public void installInto(JamesConf conf, Path siteRoot) {
        conf.mailetContainer(mailetContainer());
        try {
            Files.createDirectories(siteRoot);
            for (Map.Entry<String, String> file : files.entrySet()) {
                if (!file.getKey().equals("mailetcontainer.xml") && !file.getKey().endsWith(".md")) {
                    Files.writeString(siteRoot.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ConfExample insertAfter(String anchor, String text) {
        String xml = mailetContainer();
        require(xml.contains(anchor), anchor);
        files.put("mailetcontainer.xml", xml.replace(anchor, anchor + text));
        return this;
    }

    private void require(boolean found, String what) {
        if (!found) {
            throw new AssertionError("conf-examples/" + name + " has no " + what + " to substitute");
        }
    }
}
