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
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Message;
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
    private final Duration timeout;
    private final int retries;

    RetryingResolver(List<SimpleResolver> servers, Duration timeout, int retries) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one DNS server is needed");
        }
        this.servers = List.copyOf(servers);
        this.timeout = timeout;
        this.retries = retries;
        this.servers.forEach(server -> server.setTimeout(timeout));
    }

    @Override
    public Message send(Message query) throws IOException {
        IOException last = null;
        for (int round = 0; round <= retries; round++) {
            for (SimpleResolver server : servers) {
                try {
                    return attempt(server, query);
                } catch (InterruptedIOException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw e;
                    }
                    last = e;
                } catch (IOException e) {
                    last = e;
                }
                LOG.debug("DNS query {}/{} to {} failed: {}", query.getQuestion().getName(),
                        Type.string(query.getQuestion().getType()), server.getAddress(), last.toString());
            }
        }
        throw last;
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
