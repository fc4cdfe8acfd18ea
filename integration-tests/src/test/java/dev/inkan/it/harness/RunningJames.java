package dev.inkan.it.harness;

import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.dnsservice.api.DNSService;
import org.apache.james.dnsservice.api.InMemoryDNSService;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;

/**
 * A real James 3.8.1 memory server in this JVM, started from a {@link JamesConf} working directory. James's
 * own DNS is an {@link InMemoryDNSService} (it only needs 127.0.0.1, the RemoteDelivery gateway); the Inkan
 * mailets answer DKIM queries from the zone file their configuration names.
 */
public final class RunningJames implements AutoCloseable {

    static {
        // A failed start must fail the test, not call System.exit and kill the test JVM
        System.setProperty("james.exit.on.startup.error", "false");
    }

    private final GuiceJamesServer server;

    private RunningJames(GuiceJamesServer server) {
        this.server = server;
    }

    public static RunningJames start(JamesConf conf) throws Exception {
        DNSService dns = new InMemoryDNSService();
        GuiceJamesServer server = MemoryJamesServerMain.createServer(MemoryJamesConfiguration.builder()
                        .workingDirectory(conf.root().toFile())
                        .build())
                .overrideWith(binder -> binder.bind(DNSService.class).toInstance(dns));
        try {
            server.start();
        } catch (Exception | Error e) {
            server.stop();
            throw e;
        }
        return new RunningJames(server);
    }

    public int smtpPort() {
        return server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue();
    }

    public int imapPort() {
        return server.getProbe(ImapGuiceProbe.class).getImapPort();
    }

    public DataProbeImpl data() {
        return server.getProbe(DataProbeImpl.class);
    }

    public RunningJames domain(String domain) throws Exception {
        if (!data().containsDomain(domain)) {
            data().addDomain(domain);
        }
        return this;
    }

    /** A local mailbox user (its domain is added if needed); the password is {@link Mailboxes#PASSWORD}. */
    public RunningJames user(String address) throws Exception {
        domain(address.substring(address.indexOf('@') + 1));
        data().addUser(address, Mailboxes.PASSWORD);
        return this;
    }

    @Override
    public void close() {
        server.stop();
    }
}
