package dev.inkan.it.harness;

import com.google.common.net.InetAddresses;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.dnsservice.api.DNSService;
import org.apache.james.dnsservice.api.InMemoryDNSService;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.MailRepositoryProbeImpl;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.apache.mailet.Mail;

/**
 * A real James 3.8.1 memory server in this JVM, started from a {@link JamesConf} working directory. James's
 * own DNS is an {@link InMemoryDNSService} (it only needs IP literals: the RemoteDelivery gateway, authorizedAddresses); the Inkan
 * mailets answer DKIM queries from the zone file their configuration names.
 */
public final class RunningJames implements James {

    static {
        // A failed start must fail the test, not call System.exit and kill the test JVM
        System.setProperty("james.exit.on.startup.error", "false");
    }

    private final GuiceJamesServer server;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private RunningJames(GuiceJamesServer server) {
        this.server = server;
    }

    public static RunningJames start(JamesConf conf) throws Exception {
        DNSService dns = new InMemoryDNSService() {
            /**
             * IP literals resolve to themselves, as in James's real DNSService: its NetMatcher looks up each address
             * and mask of {@code authorizedAddresses}, and each client address it compares with them.
             */
            @Override
            public InetAddress getByName(String host) throws UnknownHostException {
                return InetAddresses.isInetAddress(host) ? InetAddresses.forString(host) : super.getByName(host);
            }
        };
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

    @Override
    public int smtpPort() {
        return server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue();
    }

    @Override
    public int imapPort() {
        return server.getProbe(ImapGuiceProbe.class).getImapPort();
    }

    /** The port of WebAdmin, when {@code webadmin.properties} enables it ({@link JamesConf#webAdmin}). */
    public int webAdminPort() {
        return server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort().getValue();
    }

    public DataProbeImpl data() {
        return server.getProbe(DataProbeImpl.class);
    }

    @Override
    public RunningJames domain(String domain) throws Exception {
        if (!data().containsDomain(domain)) {
            data().addDomain(domain);
        }
        return this;
    }

    @Override
    public RunningJames user(String address) throws Exception {
        domain(address.substring(address.indexOf('@') + 1));
        data().addUser(address, Mailboxes.PASSWORD);
        return this;
    }

    @Override
    public RunningJames addressMapping(String localPart, String domain, String target) throws Exception {
        data().addAddressMapping(localPart, domain, target);
        return this;
    }

    @Override
    public List<byte[]> repository(String url) throws Exception {
        MailRepositoryProbeImpl probe = server.getProbe(MailRepositoryProbeImpl.class);
        MailRepositoryUrl repository = MailRepositoryUrl.from(url);
        if (!probe.listRepositoryUrls().contains(repository)) {
            return List.of();
        }
        List<byte[]> out = new ArrayList<>();
        for (MailKey key : probe.listMailKeys(repository)) {
            Mail mail = probe.getMail(repository, key);
            if (mail != null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                mail.getMessage().writeTo(bytes);
                out.add(bytes.toByteArray());
            }
        }
        return out;
    }

    /** Stops James; stopping it again changes nothing. */
    @Override
    public void close() {
        if (stopped.getAndSet(true)) {
            return;
        }
        server.stop();
    }
}
