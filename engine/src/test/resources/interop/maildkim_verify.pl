#!/usr/bin/perl
# Verify every DKIM-Signature of each message with Mail::DKIM; DNS answers come only from the zone file.
#
# Usage: perl maildkim_verify.pl ZONE.json MESSAGE_FILE...
#   ZONE.json: {"sel._domainkey.example.com": ["v=DKIM1; k=rsa; p=..."], ...}
#
# Documented Mail::DKIM 1.20230212 API used:
#   Mail::DKIM::DNS::resolver($res)  "get or replace the instance of Net::DNS::Resolver that Mail::DKIM
#                                    uses"; ours answers ->send($name, $type) from the zone (NXDOMAIN
#                                    for any other name) and logs every query;
#   Mail::DKIM::Verifier->new, ->PRINT, ->CLOSE, ->signatures, $sig->result, $sig->result_detail.
# PRINT expects SMTP line ends (CRLF), so each line is re-terminated with CRLF first, as the SYNOPSIS does.
#
# Observed in 1.20230212: no ed25519-sha256 (such a signature comes back "invalid", detail "invalid
# (unsupported algorithm ed25519-sha256)"); the simple body canonicalization adds no CRLF to a body whose
# last line lacks one (RFC 6376 §3.4.3 says add it); l=0 is read as "no l=" (DkimCommon.pm tests the
# value for truth); result_detail repeats the result: "fail (body has been altered)".
#
# Prints one JSON line per message:
#   {"file": ..., "signatures": [{"index": 0, "result": "pass|fail|invalid|...", "detail": ...}],
#    "dns": [{"name": ..., "found": true}], "error": "only when Mail::DKIM died on the message"}
use strict;
use warnings;
use JSON::PP;
use Mail::DKIM::Verifier;
use Net::DNS;

package ZoneResolver {
    sub new {
        my ( $class, $zone ) = @_;
        return bless { zone => $zone, log => [] }, $class;
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
            # a character-string holds at most 255 octets: split long records as a publisher would
            my @strings = unpack '(a255)*', $text;
            $packet->push( answer => Net::DNS::RR->new( name => $name, type => 'TXT', txtdata => \@strings ) );
        }
        return $packet;
    }

    sub errorstring { return 'NOERROR' }
}

sub verify_file {
    my ( $path, $resolver ) = @_;
    $resolver->{log} = [];
    open my $fh, '<:raw', $path or die "cannot read $path: $!\n";
    my $dkim = Mail::DKIM::Verifier->new();
    eval {
        while ( my $line = <$fh> ) {
            $line =~ s/\015?\012\z/\015\012/;
            $dkim->PRINT($line);
        }
        $dkim->CLOSE;
        1;
    } or return { file => $path, signatures => [], dns => $resolver->{log}, error => "$@" };
    close $fh;
    my $index = 0;
    my @signatures = map {
        { index => $index++, result => $_->result, detail => $_->result_detail }
    } $dkim->signatures;
    return { file => $path, signatures => \@signatures, dns => $resolver->{log} };
}

open my $zf, '<:raw', $ARGV[0] or die "cannot read $ARGV[0]: $!\n";
my $raw = do { local $/; <$zf> };
my $zone = decode_json($raw);
my $resolver = ZoneResolver->new( { map { ( my $n = lc $_ ) =~ s/\.$//; ( $n => $zone->{$_} ) } keys %$zone } );
Mail::DKIM::DNS::resolver($resolver);
$| = 1;
print JSON::PP->new->utf8->canonical->encode( verify_file( $_, $resolver ) ), "\n" for @ARGV[ 1 .. $#ARGV ];
