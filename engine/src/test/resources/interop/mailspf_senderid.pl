#!/usr/bin/perl
# Evaluates a batch of Sender ID checks with Mail::SPF (Debian libmail-spf-perl), scopes "pra" and "mfrom",
# DNS answered from the given zone data through Net::DNS::Resolver::Programmable
# (libnet-dns-resolver-programmable-perl). Run by dev.inkan.senderid.MailSpfSenderIdInteropTest.
#
# Argument: a JSON file
#   {"zones": {"<zone id>": {"<lower-case name>": [["TIMEOUT"] | ["<type>", <value>], ...]}},
#    "cases": [{"id", "zone", "scope", "identity", "ip", "helo", "receiver"}]}
# (the zone format of dev.inkan.spf.SpfTestZone#toJson, as the pyspf driver reads it: names case-insensitive,
# unknown names NXDOMAIN, a TIMEOUT entry times out every type with no record before it, TXT values lists of
# character-strings). Prints one JSON object per case: {"id", "result", "text", "error"}.
use strict;
use warnings;
use JSON::PP;
use Mail::SPF;
use Net::DNS;
use Net::DNS::Resolver::Programmable;

my $json = JSON::PP->new->canonical;
my $file = shift or die "usage: $0 BATCH.json\n";
open my $in, '<:raw', $file or die "cannot read $file: $!\n";
my $batch = $json->decode( do { local $/; <$in> } );

sub resolver_for {
    my ($zone) = @_;
    return Net::DNS::Resolver::Programmable->new(
        resolver_code => sub {
            my ( $domain, $type ) = @_;
            ( my $name = lc $domain ) =~ s/\.$//;
            my $entries = $zone->{$name};
            return ('NXDOMAIN') if !$entries;
            my ( @answers, $seen_type );
            for my $entry (@$entries) {
                my ( $rtype, $value ) = @$entry;
                if ( $rtype eq 'TIMEOUT' ) {
                    return ('query timed out') if !$seen_type;
                    last;
                }
                next if $rtype ne $type;
                $seen_type = 1;
                return ('query timed out') if !ref $value && $value eq 'TIMEOUT';
                push @answers, rr( $name, $rtype, $value );
            }
            return ( 'NOERROR', 1, @answers );
        }
    );
}

sub rr {
    my ( $name, $type, $value ) = @_;
    return Net::DNS::RR->new( name => $name, type => $type, txtdata => [@$value] ) if $type eq 'TXT' || $type eq 'SPF';
    return Net::DNS::RR->new( name => $name, type => 'MX', preference => $value->[0], exchange => $value->[1] )
        if $type eq 'MX';
    return Net::DNS::RR->new( name => $name, type => 'PTR', ptrdname => $value ) if $type eq 'PTR';
    return Net::DNS::RR->new( name => $name, type => $type, address => $value );
}

my %resolvers;
for my $case ( @{ $batch->{cases} } ) {
    my %out = ( id => $case->{id} );
    my $resolver = $resolvers{ $case->{zone} } //= resolver_for( $batch->{zones}{ $case->{zone} } );
    eval {
        my $server = Mail::SPF::Server->new(
            dns_resolver                  => $resolver,
            hostname                      => $case->{receiver},
            default_authority_explanation => 'DEFAULT',
        );
        my $request = Mail::SPF::Request->new(
            scope         => $case->{scope},
            identity      => $case->{identity},
            ip_address    => $case->{ip},
            helo_identity => $case->{helo},
        );
        my $result = $server->process($request);
        $out{result} = $result->code;
        $out{text}   = $result->text;
        1;
    } or do {
        my $error = $@ || 'unknown error';
        $out{error} = ref $error && $error->can('text') ? ref($error) . ': ' . $error->text : "$error";
    };
    print $json->encode( \%out ), "\n";
}
