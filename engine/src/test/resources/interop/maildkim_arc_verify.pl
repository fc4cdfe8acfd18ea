#!/usr/bin/perl
# Validate the ARC chain of each message with Mail::DKIM; DNS answers come only from the zone file.
#
# Usage: perl maildkim_arc_verify.pl ZONE.json MESSAGE_FILE...
#
# Documented Mail::DKIM 1.20230212 API used: Mail::DKIM::DNS::resolver($res) (see maildkim_verify.pl),
# Mail::DKIM::ARC::Verifier->new(Strict => 1) ("rejects sha1 hashes and signing keys shorter than 1024 bits"),
# ->PRINT, ->CLOSE, ->result ("pass", "fail", "invalid", "none"), ->result_detail.
# Observed in 1.20230212: ARC signatures and seals are rsa-sha256 only (no ed25519-sha256).
#
# Prints one JSON line per message: {"file": ..., "result": ..., "detail": ..., "dns": [...]}
use strict;
use warnings;
use FindBin;
use JSON::PP;
use Mail::DKIM::ARC::Verifier;
require "$FindBin::Bin/maildkim_zone.pl";

sub verify_file {
    my ( $path, $resolver ) = @_;
    $resolver->{log} = [];
    open my $fh, '<:raw', $path or die "cannot read $path: $!\n";
    my $arc = Mail::DKIM::ARC::Verifier->new( Strict => 1 );
    eval {
        while ( my $line = <$fh> ) {
            $line =~ s/\015?\012\z/\015\012/;
            $arc->PRINT($line);
        }
        $arc->CLOSE;
        1;
    } or return { file => $path, result => 'error', detail => "$@", dns => $resolver->{log} };
    close $fh;
    return { file => $path, result => $arc->result, detail => $arc->result_detail, dns => $resolver->{log} };
}

my $resolver = ZoneResolver->from_file( $ARGV[0] );
Mail::DKIM::DNS::resolver($resolver);
$| = 1;
print JSON::PP->new->utf8->canonical->encode( verify_file( $_, $resolver ) ), "\n" for @ARGV[ 1 .. $#ARGV ];
