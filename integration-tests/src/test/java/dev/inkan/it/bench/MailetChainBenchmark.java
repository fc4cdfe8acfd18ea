package dev.inkan.it.bench;

import com.codahale.metrics.MetricRegistry;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.it.harness.DkimZone;
import dev.inkan.it.harness.FakeDnsServer;
import dev.inkan.it.harness.Signers;
import dev.inkan.james.mailets.ArcVerify;
import dev.inkan.james.mailets.Authenticate;
import dev.inkan.james.mailets.DkimVerify;
import dev.inkan.james.mailets.DmarcEvaluate;
import dev.inkan.james.mailets.SpfCheck;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.metrics.dropwizard.DropWizardMetricFactory;
import org.apache.james.server.core.MimeMessageInputStreamSource;
import org.apache.james.server.core.MimeMessageWrapper;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.Mailet;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Inkan's own cost per message in the inbound chain, without the James server around it (issue 10): the four
 * mailets of conf-examples/dmarc-inbound (DkimVerify, SpfCheck, ArcVerify, DmarcEvaluate) run in turn on one James
 * mail ({@code MimeMessageWrapper}, as James's spool holds it) carrying the throughput benchmark's 4 KiB message
 * (RSA-2048, origin.example from 127.0.0.1), then the message written out once, as James writes a mail it delivers.
 * {@code alone} is the same mail made and written out without the mailets; the difference is what the chain adds,
 * measured far more steadily than through a whole server, and a profile of this benchmark shows where it goes.
 * {@code onePass} runs the same checks by one Authenticate mailet in place of the four.
 *
 * <p>{@code dns}: {@code zone} answers from a zone file; {@code server} asks a DNS server on 127.0.0.1 through
 * {@code dnsServers} as the throughput benchmark does (after the first message every answer is in the resolver's
 * cache, as on a server receiving mail from one sender).
 *
 * <p>Not a test: run by {@code benchmarks/james-throughput.sh --mailets}, never by the Maven build.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dlogback.configurationFile=bench-logback.xml"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class MailetChainBenchmark {

    @Param({"zone", "server"})
    public String dns;

    /**
     * {@code none}: the mailets built without a metric system (as a test builds them); {@code james}: with James's
     * own {@code DropWizardMetricFactory}, as James injects it (a timer per mailet, a counter per result and DNS
     * query).
     */
    @Param({"james"})
    public String metrics;

    /**
     * How many of the four mailets {@code chain} runs, in their order: {@code -p mailets=1,2,3,4} gives each one's
     * own cost (time, and with {@code -prof gc} the bytes it allocates) as the step from the run before.
     */
    @Param({"4"})
    public int mailets;

    private byte[] message;
    private List<Mailet> chain;
    private Mailet onePass;
    private FakeDnsServer server;
    private Path dir;
    private int count;

    @Setup
    public void setUp() throws Exception {
        SigningKey key = new SigningKeyGenerator(new SecureRandom()).rsa(2048);
        DkimZone zone = ThroughputServer.originZone(key);
        dir = Files.createTempDirectory("inkan-mailet-chain");
        String[] dnsParameter;
        if (dns.equals("server")) {
            server = new FakeDnsServer(zone);
            dnsParameter = new String[] {"dnsServers", "127.0.0.1:" + server.port()};
        } else {
            dnsParameter = new String[] {"dnsZoneFile", zone.writeZoneFile(dir.resolve("origin.zone")).toString()};
        }
        message = Signers.inkan(ThroughputServer.message(ThroughputServer.ORIGIN, ThroughputServer.RECIPIENT,
                "<bench@origin.example>"), key, "origin.example", "sel");
        FakeMailContext context = FakeMailContext.defaultContext();
        MetricFactory factory = metrics.equals("james")
                ? new DropWizardMetricFactory(new MetricRegistry()) : null;
        chain = List.of(init(factory == null ? new DkimVerify() : new DkimVerify(factory), context, dnsParameter),
                // as the throughput benchmark: SPF checked for 127.0.0.1, the benchmark's MTA
                init(factory == null ? new SpfCheck() : new SpfCheck(factory), context, dnsParameter,
                        "skipNetworks", "::1"),
                init(factory == null ? new ArcVerify() : new ArcVerify(factory), context, dnsParameter),
                init(factory == null ? new DmarcEvaluate() : new DmarcEvaluate(factory), context, dnsParameter));
        onePass = init(factory == null ? new Authenticate() : new Authenticate(factory), context, dnsParameter,
                "skipNetworks", "::1");
        check(chain);
        check(List.of(onePass));
    }

    /** One mail through {@code mailets} gets the four results, so no benchmark measures a failing check. */
    private void check(List<Mailet> mailets) throws Exception {
        Mail check = mail();
        for (Mailet mailet : mailets) {
            mailet.service(check);
        }
        String header = String.join("\n", Collections.list(check.getMessage().getAllHeaderLines()));
        for (String expected : List.of("dkim=pass", "spf=pass", "arc=none", "dmarc=pass")) {
            if (!header.contains(expected)) {
                throw new IllegalStateException("chain check: no " + expected + " in\n" + header);
            }
        }
        deliver(check);
    }

    @TearDown
    public void tearDown() throws Exception {
        if (server != null) {
            server.close();
        }
        for (Mailet mailet : chain) {
            mailet.destroy();
        }
        onePass.destroy();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public String chain() throws Exception {
        Mail mail = mail();
        for (Mailet mailet : chain.subList(0, mailets)) {
            mailet.service(mail);
        }
        return deliver(mail);
    }

    /** The same checks as the four-mailet {@code chain} by one Authenticate: the message read once. */
    @Benchmark
    public String onePass() throws Exception {
        Mail mail = mail();
        onePass.service(mail);
        return deliver(mail);
    }

    @Benchmark
    public String alone() throws Exception {
        return deliver(mail());
    }

    /** The message written out as James writes a mail it delivers, then the mail disposed as James disposes it. */
    private static String deliver(Mail mail) throws Exception {
        mail.getMessage().writeTo(OutputStream.nullOutputStream());
        String name = mail.getName();
        LifecycleUtil.dispose(mail.getMessage()); // else James's leak detector logs every mail it finds undisposed
        return name;
    }

    /** A mail as James's spool holds one received over SMTP from 127.0.0.1. */
    private Mail mail() throws Exception {
        return FakeMail.builder().name("bench-" + (++count)).state(Mail.DEFAULT).sender(ThroughputServer.ORIGIN)
                .recipient(ThroughputServer.RECIPIENT).remoteAddr("127.0.0.1")
                .attribute(new Attribute(Mail.SMTP_HELO, AttributeValue.of("mta.remote.test")))
                .mimeMessage(new MimeMessageWrapper(MimeMessageInputStreamSource.create("bench-" + count,
                        new ByteArrayInputStream(message))))
                .build();
    }

    private static Mailet init(Mailet mailet, FakeMailContext context, String[] dnsParameter, String... more)
            throws Exception {
        FakeMailetConfig.Builder config = FakeMailetConfig.builder().mailetName(mailet.getClass().getSimpleName())
                .mailetContext(context).setProperty("authservId", "mx.example.net")
                .setProperty(dnsParameter[0], dnsParameter[1]);
        for (int i = 0; i < more.length; i += 2) {
            config.setProperty(more[i], more[i + 1]);
        }
        mailet.init(config.build());
        return mailet;
    }
}
