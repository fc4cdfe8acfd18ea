# A Net::DNS::Resolver stand-in for Mail::DKIM::DNS::resolver: answers ->send($name, $type) from the zone file
# (NXDOMAIN for any other name) and logs every query. The same as in maildkim_verify.pl, shared by the ARC
# scripts.
use strict;
use warnings;
use JSON::PP;
use Net::DNS;

package ZoneResolver {
    sub from_file {
        my ( $class, $file ) = @_;
        open my $zf, '<:raw', $file or die "cannot read $file: $!\n";
        my $zone = JSON::PP::decode_json( do { local $/; <$zf> } );
        my %lower = map { ( my $n = lc $_ ) =~ s/\.$//; ( $n => $zone->{$_} ) } keys %$zone;
        return bless { zone => \%lower, log => [] }, $class;
    }

    sub send {
        my ( $self, $name, $type ) = @_;
        ( my $key = lc $name ) =~ s/\.$//;
        my $records = $self->{zone}{$key};
        push @{ $self->{log} }, { name => $key, found => $records ? JSON::PP::true : JSON::PP::false };
        my $packet = Net::DNS::Packet->new( $name, $type, 'IN' );
        $packet->header->qr(1);
        $packet->header->rcode( $records ? 'NOERROR' : 'NXDOMAIN' );
        for my $text ( $type eq 'TXT' && $records ? @$records : () ) {
            my @strings = unpack '(a255)*', $text;
            $packet->push( answer => Net::DNS::RR->new( name => $name, type => 'TXT', txtdata => \@strings ) );
        }
        return $packet;
    }

    sub errorstring { return 'NOERROR' }
}

1;
