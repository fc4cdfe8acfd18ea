package dev.inkan.it.bench;

import dev.inkan.it.harness.Submit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Messages per second through a real James 3.8.1 over SMTP, with and without the Inkan mailets (issue 3,
 * "Performance"). One operation is one SMTP transaction completed end to end: accepted by James <em>and</em>
 * arrived where James delivers it. Each invocation sends {@value #MESSAGES} messages of 4 KiB over
 * {@code connections} open SMTP connections in parallel and returns when all of them have arrived, so the
 * score is sustained throughput, not the rate James accepts mail into its queue.
 *
 * <p>{@code setup} chooses the server ({@link ThroughputServer}), each started once per fork in a fresh JVM:
 * <ul>
 *   <li>{@code relay} / {@code relay-DkimSign}: conf-examples/signing-relay without / with DkimSign
 *       (RSA-2048); authenticated submission, RemoteDelivery to the SMTP sink;</li>
 *   <li>{@code inbound} / {@code inbound-DkimVerify}: conf-examples/verifying-inbound without / with
 *       DkimVerify and the DkimResultIs routing; mail signed with RSA-2048 from outside, delivered to a
 *       local mailbox, completion seen over IMAP;</li>
 *   <li>{@code chain-alone} / {@code chain}: conf-examples/dmarc-inbound without / with its Inkan mailets
 *       (DkimVerify, SpfCheck, ArcVerify, DmarcEvaluate), DNS from a real server on 127.0.0.1;
 *       {@code chain-dns-silent}: that server never answers; {@code chain-hostile}: each message also carries
 *       ten signatures whose selectors' name server never answers (see {@link ThroughputServer}).</li>
 * </ul>
 * <p>Beside JMH's score, each measurement iteration's CPU time per message is recorded ({@link CpuPerMessage}):
 * the whole JVM's CPU (James, the SMTP clients and the sink) during the invocations, divided by the messages.
 * It depends much less than messages/s on what else the (shared) machine is running.
 *
 * <p>Warm-up is fifteen 8-second iterations. With three, a JFR recording of the inbound chain found C2 still
 * compiling (about 8 s of compiler time in a 30-s window) and the chain's CPU per message falling from 6.3 to 4.7 ms
 * over its measurement iterations. With six, the JIT still spent 0.14 ms (James alone) and 0.48 ms (the chain) of
 * compile time per measured message, and the chain's CPU per message fell by a fifth across its five measurement
 * iterations ({@link CpuPerMessage}'s breakdown, 2026-12-07); James alone climbs from about 690 to 740 messages/s
 * between its seventh and fourteenth iterations. With fifteen the compile time per message is a quarter to a third
 * of that and James alone is flat. A mail server runs for days: steady state is what an operator gets.
 *
 * <p>Not a test: run by benchmarks/james-throughput.sh, never by the Maven build.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dlogback.configurationFile=bench-logback.xml", "-Djmh.shutdownTimeout=2"})
@Warmup(iterations = 15, time = 8)
@Measurement(iterations = 5, time = 8)
public class JamesThroughputBenchmark {

    /** Messages per invocation (one operation each). */
    public static final int MESSAGES = 100;

    @Param({"relay", "relay-DkimSign", "relay-DkimSign-ed25519", "inbound", "inbound-DkimVerify",
            "inbound-DkimVerify-ed25519", "chain-alone", "chain-alone-header", "chain-alone-mailets", "chain-alone-fields", "chain", "chain-no-received-spf", "chain-recording", "chain-dns-silent", "chain-hostile", "session-alone",
            "session", "session-dns-silent", "session-dns-silent-tempfail"})
    public String setup;

    /** SMTP connections sending in parallel. */
    @Param("4")
    public int connections;

    private ThroughputServer server;
    private List<Submit.Session> sessions;
    private ExecutorService senders;
    private final CpuPerMessage cpu = new CpuPerMessage();

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = ThroughputServer.start(setup);
        sessions = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            sessions.add(server.openSession());
        }
        senders = Executors.newFixedThreadPool(connections);
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        cpu.startIteration(iteration.getType() == IterationType.MEASUREMENT);
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        cpu.endIteration();
    }

    /** Outside the measured time: inbound mail goes to an emptied mailbox (see {@link ThroughputServer#nextRecipient}). */
    @Setup(Level.Invocation)
    public void freshMailbox() throws Exception {
        server.nextRecipient();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        cpu.report(setup);
        if (senders != null) {
            senders.shutdownNow();
        }
        if (sessions != null) {
            for (Submit.Session s : sessions) {
                s.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void smtpTransactions() throws Exception {
        CpuPerMessage.Mark cpuStart = cpu.now();
        long target = server.sent() + MESSAGES;
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Submit.Session session = sessions.get(c);
            int share = MESSAGES / connections + (c < MESSAGES % connections ? 1 : 0);
            running.add(senders.submit(() -> {
                for (int i = 0; i < share; i++) {
                    server.send(session);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        server.awaitArrived(target);
        cpu.add(cpuStart, MESSAGES);
    }
}
