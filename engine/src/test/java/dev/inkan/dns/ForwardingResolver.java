package dev.inkan.dns;

import java.net.InetAddress;

/** Test support: a resolver that passes every query on; tests override the queries whose answers they shape. */
public class ForwardingResolver implements DnsResolver {

    private final DnsResolver delegate;

    public ForwardingResolver(DnsResolver delegate) {
        this.delegate = delegate;
    }

    @Override
    public DnsAnswer<String> txt(String name) {
        return delegate.txt(name);
    }

    @Override
    public DnsAnswer<InetAddress> a(String name) {
        return delegate.a(name);
    }

    @Override
    public DnsAnswer<InetAddress> aaaa(String name) {
        return delegate.aaaa(name);
    }

    @Override
    public DnsAnswer<MxHost> mx(String name) {
        return delegate.mx(name);
    }

    @Override
    public DnsAnswer<String> ptr(InetAddress address) {
        return delegate.ptr(address);
    }
}
