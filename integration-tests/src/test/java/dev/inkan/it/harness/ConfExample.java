package dev.inkan.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One folder of {@code conf-examples/}, loaded as an operator would deploy it, with only the substitutions
 * conf-examples/README.md lists:
 * <ol>
 *   <li>{@value #SITE_ROOT} (keys and tables) becomes a folder of the test, in every file of the example;</li>
 *   <li>RemoteDelivery gets {@code gateway} 127.0.0.1 and {@code gatewayPort} of the test's SMTP sink
 *       (the examples deliver by MX);</li>
 *   <li>Every Inkan mailet that asks DNS (DkimVerify, SpfCheck, ArcVerify, ArcSeal, DmarcEvaluate, DomainKeysVerify,
 *       SenderIdCheck) gets the
 *       test's DNS, the examples using the system's resolvers: either {@code dnsZoneFile}, the test's zone file,
 *       or {@code dnsServers}, the test's DNS server on a loopback port (for answers a zone file cannot give,
 *       such as a timeout);</li>
 *   <li>SpfCheck's {@code skipNetworks} is replaced (the test's "remote" MTA connects from 127.0.0.1, which
 *       the examples skip as this host).</li>
 *   <li>{@code dmarcStore} (DMARC aggregate reports) becomes a database of the test.</li>
 * </ol>
 * Everything else, mailetcontainer.xml included, is used exactly as written. A substitution that finds
 * nothing to substitute fails the test, so the examples and this list cannot drift apart.
 */
public final class ConfExample {

    public static final String SITE_ROOT = "/etc/james/inkan/";
    private static final String REMOTE_DELIVERY = "class=\"RemoteDelivery\">";
    /** The mailets that take the DNS parameters (DnsParameters), as their opening tags end. */
    private static final List<String> DNS_MAILETS = List.of("DkimVerify", "SpfCheck", "ArcVerify", "ArcSeal",
            "DmarcEvaluate", "DomainKeysVerify", "SenderIdCheck", "Authenticate").stream()
            .map(m -> "class=\"dev.inkan.james.mailets." + m + "\">").toList();
    private static final Pattern INKAN_MAILET = Pattern.compile(
            "[ \\t]*<mailet\\s[^>]*?(?:class|match)=\"dev\\.inkan\\.[^>]*?(?:/>|>.*?</mailet>)[ \\t]*\\r?\\n?", Pattern.DOTALL);
    /** The four checking mailets of an inbound chain, each with its matcher and parameters. */
    private static final Pattern CHAIN_MAILET = Pattern.compile("[ \\t]*<mailet match=\"([^\"]*)\" class=\"dev\\.inkan\\."
            + "james\\.mailets\\.(DkimVerify|SpfCheck|ArcVerify|DmarcEvaluate)\">(.*?)</mailet>[ \\t]*\\r?\\n?", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("<(\\w+)>([^<]*)</\\1>");
    private static final Pattern DMARC_STORE = Pattern.compile("(<dmarcStore>)[^<]*(</dmarcStore>)");
    private static final Pattern SKIP_NETWORKS = Pattern.compile(
            "(class=\"dev\\.inkan\\.james\\.mailets\\.SpfCheck\">(?:(?!</mailet>).)*?<skipNetworks>)[^<]*(</skipNetworks>)",
            Pattern.DOTALL);

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

    /**
     * The example's SmtpChecks {@code <handler>} element from its smtpserver.xml (the test installs it into its own
     * test smtpserver.xml, see {@link JamesConf#smtpHandler}).
     */
    public String smtpChecksHandler() {
        return smtpHandler("SmtpChecks");
    }

    /**
     * The example's {@code <handler>} element of Inkan's SMTP hook {@code dev.inkan.james.smtp.<simpleName>} (e.g.
     * S25rCheck) from its smtpserver.xml, as {@link #smtpChecksHandler} for SmtpChecks.
     */
    public String smtpHandler(String simpleName) {
        String xml = files.get("smtpserver.xml");
        require(xml != null, "smtpserver.xml");
        Matcher m = Pattern.compile("<handler class=\"dev\\.inkan\\.james\\.smtp\\." + Pattern.quote(simpleName)
                + "\">.*?</handler>", Pattern.DOTALL).matcher(xml);
        require(m.find(), simpleName + " handler");
        return m.group();
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

    /** Substitution 3: every Inkan mailet that asks DNS answers from {@code zoneFile}. */
    public ConfExample dnsZoneFile(Path zoneFile) {
        return dns("<dnsZoneFile>" + zoneFile.toAbsolutePath() + "</dnsZoneFile>");
    }

    /** Substitution 3, the other way: every Inkan mailet that asks DNS asks the server at 127.0.0.1:{@code port}. */
    public ConfExample dnsServer(int port) {
        return dns("<dnsServers>127.0.0.1:" + port + "</dnsServers>");
    }

    /**
     * Substitution 3 with the parameters given, e.g. those of {@link JamesHost#dnsParameters}: a zone file in the
     * test JVM, a DNS server for a James in a separate process.
     */
    public ConfExample dns(String dnsParametersXml) {
        return insertAfterEach(DNS_MAILETS, "\n                " + dnsParametersXml);
    }

    /** Substitution 4: every SpfCheck's {@code skipNetworks} becomes {@code networks}. */
    public ConfExample skipNetworks(String networks) {
        return replaceBetween(SKIP_NETWORKS, networks, "SpfCheck with <skipNetworks>");
    }

    /** Substitution 5: every {@code dmarcStore} (the DMARC report store's JDBC URL) becomes {@code jdbcUrl}. */
    public ConfExample dmarcStore(String jdbcUrl) {
        return replaceBetween(DMARC_STORE, jdbcUrl, "<dmarcStore>");
    }

    /**
     * Not a substitution: the example as an operator runs it with its inbound chain in one pass, as the README shows
     * it: the four checking mailets (DkimVerify, SpfCheck, ArcVerify, DmarcEvaluate, on one matcher) become one
     * Authenticate in DkimVerify's place, with the parameters of all four (each name once, the first one's value).
     */
    public ConfExample withChainAsAuthenticate() {
        String xml = mailetContainer();
        Matcher m = CHAIN_MAILET.matcher(xml);
        Map<String, String> parameters = new LinkedHashMap<>();
        Set<String> mailets = new HashSet<>();
        String matcher = null;
        int first = -1;
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            require(matcher == null || matcher.equals(m.group(1)), "the four checking mailets on one matcher");
            matcher = m.group(1);
            mailets.add(m.group(2));
            Matcher parameter = PARAMETER.matcher(m.group(3));
            while (parameter.find()) {
                parameters.putIfAbsent(parameter.group(1), parameter.group(2));
            }
            m.appendReplacement(out, "");
            if (first < 0) {
                first = out.length();
            }
        }
        m.appendTail(out);
        require(mailets.size() == 4, "DkimVerify, SpfCheck, ArcVerify and DmarcEvaluate");
        StringBuilder authenticate = new StringBuilder("            <mailet match=\"" + matcher
                + "\" class=\"dev.inkan.james.mailets.Authenticate\">\n");
        parameters.forEach((name, value) -> authenticate.append("                <").append(name).append('>')
                .append(value).append("</").append(name).append(">\n"));
        authenticate.append("            </mailet>\n");
        out.insert(first, authenticate);
        files.put("mailetcontainer.xml", out.toString());
        return this;
    }

    /**
     * Not a substitution: the example as an operator runs it after changing one directive, {@code text} (found
     * exactly once) to {@code replacement}, for tests that show what that directive does.
     */
    public ConfExample changed(String text, String replacement) {
        String xml = mailetContainer();
        require(xml.indexOf(text) >= 0 && xml.indexOf(text) == xml.lastIndexOf(text), "single '" + text + "'");
        files.put("mailetcontainer.xml", xml.replace(text, replacement));
        return this;
    }

    /**
     * For the James throughput benchmark only: puts {@code mailetXml} first in the root processor (e.g. James's
     * own SetMimeHeader, to measure what any header edit costs James).
     */
    public ConfExample withMailetFirstInRoot(String mailetXml) {
        Matcher m = Pattern.compile("<processor state=\"root\"[^>]*>").matcher(mailetContainer());
        require(m.find(), "root processor");
        files.put("mailetcontainer.xml", mailetContainer().substring(0, m.end()) + "\n            " + mailetXml
                + mailetContainer().substring(m.end()));
        return this;
    }

    /**
     * For the James throughput benchmark only, which measures James with and without Inkan: removes every
     * mailet that is Inkan's or runs on an Inkan matcher, leaving James's own configuration.
     */
    public ConfExample withoutInkanMailets() {
        String xml = mailetContainer();
        Matcher m = INKAN_MAILET.matcher(xml);
        require(m.find(), "Inkan mailet");
        String stripped = m.replaceAll("");
        require(!stripped.contains("=\"dev.inkan."), "Inkan mailet left after removing them all");
        files.put("mailetcontainer.xml", stripped);
        return this;
    }

    /**
     * For the James throughput benchmark only: each Inkan mailet on a matcher of James's own becomes James's {@code
     * SetMimeHeader} on the same matcher, adding one Authentication-Results field; mailets on Inkan matchers are
     * removed. What is left is what James itself does for any plugin of that many checking mailets: it evaluates
     * each one's matcher, runs it, and keeps a message whose header changed.
     */
    public ConfExample withInkanMailetsAsJamesHeaders() {
        List<String[]> fields = new ArrayList<>();
        Matcher m = INKAN_MAILET.matcher(mailetContainer());
        while (m.find()) {
            if (jamesMatcherOf(m.group()) != null) {
                fields.add(new String[] {"Authentication-Results", "mx.example.net; spf=none"});
            }
        }
        return withInkanMailetsAsJamesFields(fields);
    }

    /**
     * For the James throughput benchmark only: the Inkan mailets on matchers of James's own become, in their order,
     * James's {@code SetMimeHeader} on the same matcher adding {@code fields} (name, value), one each; the Inkan
     * mailets beyond them, and those on Inkan matchers, are removed. With the fields Inkan's mailets write, what is
     * left is James's own work for a message carrying them.
     */
    public ConfExample withInkanMailetsAsJamesFields(List<String[]> fields) {
        String xml = mailetContainer();
        Matcher m = INKAN_MAILET.matcher(xml);
        StringBuilder out = new StringBuilder();
        int replaced = 0;
        while (m.find()) {
            String matcher = jamesMatcherOf(m.group());
            String replacement = "";
            if (replaced < fields.size() && matcher != null) {
                String[] field = fields.get(replaced);
                replacement = "            <mailet match=\"" + matcher + "\" class=\"SetMimeHeader\"><name>"
                        + field[0] + "</name><value>" + xmlText(field[1]) + "</value></mailet>\n";
                replaced++;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        require(replaced == fields.size(), fields.size() + " Inkan mailets on James matchers");
        require(!out.toString().contains("=\"dev.inkan."), "Inkan mailet left after replacing them all");
        files.put("mailetcontainer.xml", out.toString());
        return this;
    }

    /** The {@code match} of a mailet element when it is one of James's own matchers, else null. */
    private static String jamesMatcherOf(String mailetXml) {
        Matcher match = Pattern.compile("\\bmatch=\"([^\"]*)\"").matcher(mailetXml);
        return match.find() && !match.group(1).startsWith("dev.inkan.") ? match.group(1) : null;
    }

    private static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * For two servers in one JVM (./demo.sh, ArcForwardingTest): processors register JMX beans under names
     * that would clash, so one of the two turns them off (with {@link JamesConf#jmxSuffix} for the SMTP and
     * IMAP servers' beans). Not a change to what the example does with mail.
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
                if (!file.getKey().endsWith(".xml") && !file.getKey().endsWith(".md")) {
                    Files.writeString(siteRoot.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts {@code text} between groups 1 and 2 of every match of {@code pattern}; at least one must match. */
    private ConfExample replaceBetween(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(mailetContainer());
        require(m.find(), what);
        files.put("mailetcontainer.xml", m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + text + r.group(2))));
        return this;
    }

    private ConfExample insertAfter(String anchor, String text) {
        String xml = mailetContainer();
        require(xml.contains(anchor), anchor);
        files.put("mailetcontainer.xml", xml.replace(anchor, anchor + text));
        return this;
    }

    /** Inserts {@code text} after every occurrence of each anchor; at least one must occur. */
    private ConfExample insertAfterEach(List<String> anchors, String text) {
        String xml = mailetContainer();
        require(anchors.stream().anyMatch(xml::contains), String.join(" or ", anchors));
        for (String anchor : anchors) {
            xml = xml.replace(anchor, anchor + text);
        }
        files.put("mailetcontainer.xml", xml);
        return this;
    }

    private void require(boolean found, String what) {
        if (!found) {
            throw new AssertionError("conf-examples/" + name + " has no " + what + " to substitute");
        }
    }
}
