package dev.inkan.dns;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * The transport under {@link DnsjavaResolver}'s {@code Lookup}: sends a query to each server in turn,
 * {@code retries + 1} rounds, and waits at most {@code timeout} for each attempt (RFC 1035 §4.2.1 leaves
 * retransmission to the resolver; this follows resolv.conf's "timeout"/"attempts"). UDP with fallback to
 * TCP on truncation is dnsjava's {@link SimpleResolver}.
 *
 * <p>It exists instead of dnsjava's {@code ExtendedResolver} because in dnsjava 3.5.2 a per-server
 * timeout only fires when the NIO selector has been idle for a whole second, and an overall timeout is
 * reported as a plain {@code IOException} ("network error") rather than a timeout. Here each attempt is
 * bounded by the caller's clock, and running out of attempts after a timeout throws a
 * {@link SocketTimeoutException}, which {@code Lookup} reports as "timed out".
 *
 * <p>Immutable once built; the setters of {@link Resolver} are not supported.
 */
final class RetryingResolver implements Resolver {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingResolver.class);

    private final List<SimpleResolver> servers;
    private final List<ServerHealth> health;
    private final Duration timeout;
    private final int retries;

    /**
     * @param breakerThreshold failed attempts in a row that make a server suspect, so that a probe decides whether
     *     its circuit breaker opens ({@link ServerHealth})
     * @param probeInterval how often a query is let through to a server whose breaker is open
     */
    RetryingResolver(List<SimpleResolver> servers, Duration timeout, int retries, int breakerThreshold,
            Duration probeInterval) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one DNS server is needed");
        }
        this.servers = List.copyOf(servers);
        this.timeout = timeout;
        this.retries = retries;
        this.servers.forEach(server -> server.setTimeout(timeout));
        this.health = this.servers.stream()
                .map(s -> new ServerHealth(breakerThreshold, probeInterval)).toList();
    }

    @Override
    public Message send(Message query) throws IOException {
        IOException last = null;
        for (int round = 0; round <= retries; round++) {
            for (int i = 0; i < servers.size(); i++) {
                SimpleResolver server = servers.get(i);
                ServerHealth serverHealth = health.get(i);
                ServerHealth.Access access = serverHealth.access(System.nanoTime());
                if (access != ServerHealth.Access.SEND) {
                    if (access == ServerHealth.Access.PROBE_AND_SKIP) {
                        probe(server, serverHealth);
                    }
                    if (last == null) {
                        last = new SocketTimeoutException("server " + server.getAddress()
                                + " not answering (circuit breaker open)");
                    }
                    continue;
                }
                try {
                    Message reply = attempt(server, query);
                    transition(server, serverHealth.answered(System.nanoTime()));
                    return reply;
                } catch (InterruptedIOException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw e;
                    }
                    failed(server, serverHealth);
                    last = e;
                } catch (IOException e) {
                    // a timeout (ours, or dnsjava's own, which 3.5.2 reports as a plain IOException), or the
                    // network refusing: either way the server did not answer
                    failed(server, serverHealth);
                    last = e;
                }
                LOG.debug("DNS query {}/{} to {} failed: {}", query.getQuestion().getName(),
                        Type.string(query.getQuestion().getType()), server.getAddress(), last.toString());
            }
        }
        throw last;
    }

    private void failed(SimpleResolver server, ServerHealth serverHealth) {
        if (serverHealth.failed(System.nanoTime()) == ServerHealth.Transition.SUSPECTED) {
            probe(server, serverHealth);
        }
    }

    /**
     * Asks {@code server} for the root's NS records in the background: any recursive resolver answers that from
     * its cache, so no answer means the server is down, not that some domain's name servers are ({@link
     * ServerHealth}). Nobody waits for it; it only moves the breaker.
     */
    private void probe(SimpleResolver server, ServerHealth serverHealth) {
        Message probe = Message.newQuery(Record.newRecord(Name.root, Type.NS, DClass.IN));
        server.sendAsync(probe).toCompletableFuture().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((reply, failure) -> transition(server, failure == null
                        ? serverHealth.answered(System.nanoTime()) : serverHealth.probeFailed(System.nanoTime())));
    }

    private static void transition(SimpleResolver server, ServerHealth.Transition transition) {
        if (transition == ServerHealth.Transition.OPENED) {
            LOG.warn("DNS server {} is not answering: circuit breaker open, its queries fail at once until it answers"
                    + " a probe", server.getAddress());
        } else if (transition == ServerHealth.Transition.CLOSED) {
            LOG.warn("DNS server {} answers again: circuit breaker closed", server.getAddress());
        }
    }

    /** Whether every server's breaker is open (for diagnostics and tests). */
    boolean allOpen() {
        return health.stream().allMatch(ServerHealth::isOpen);
    }

    private Message attempt(SimpleResolver server, Message query) throws IOException {
        CompletableFuture<Message> reply = server.sendAsync(query).toCompletableFuture();
        try {
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.cancel(false);
            throw new SocketTimeoutException("timed out after " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            reply.cancel(false);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        }
    }

    @Override
    public CompletionStage<Message> sendAsync(Message query, Executor executor) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return send(query);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    @Override
    public Duration getTimeout() {
        return timeout.multipliedBy((long) servers.size() * (retries + 1));
    }

    @Override
    public void setTimeout(Duration timeout) {
        throw immutable();
    }

    @Override
    public void setPort(int port) {
        throw immutable();
    }

    @Override
    public void setTCP(boolean flag) {
        throw immutable();
    }

    @Override
    public void setIgnoreTruncation(boolean flag) {
        throw immutable();
    }

    @Override
    public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {
        throw immutable();
    }

    @Override
    public void setTSIGKey(TSIG key) {
        throw immutable();
    }

    private static UnsupportedOperationException immutable() {
        return new UnsupportedOperationException("configured once through DnsjavaResolver.builder()");
    }

    @Override
    public String toString() {
        return "RetryingResolver" + servers.stream().map(SimpleResolver::getAddress).toList()
                + " timeout=" + timeout + " retries=" + retries;
    }
}
