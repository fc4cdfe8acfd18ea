#!/usr/bin/perl
# Act as one ARC hop with Mail::DKIM: validate the incoming chain, record the result, seal.
#
# Usage: perl maildkim_arc_seal.pl ZONE.json REQUESTS.json
#   REQUESTS.json: [{"message": path, "selector": ..., "domain": ..., "key": PEM path, "srv_id": ...,
#                    "timestamp": seconds}, ...]
#
# Documented Mail::DKIM 1.20230212 API used: Mail::DKIM::ARC::Verifier (see maildkim_arc_verify.pl) and
# Mail::DKIM::ARC::Signer->new(Algorithm => 'rsa-sha256', Chain => pass|fail|none, Domain, SrvId, Selector,
# KeyFile, Timestamp), ->PRINT, ->CLOSE, ->result ("sealed" or "skipped"), ->result_detail, ->as_string (the
# new ARC-Seal, ARC-Message-Signature and ARC-Authentication-Results).
# The POD: "any email being ARC signed must have an Authentication-Results header"; observed: it must come
# before the first ARC field, so the hop's "Authentication-Results: <srv_id>; arc=<result>" goes on top.
#
# Prints one JSON line per request: {"prefix": new set + A-R field, "cv": ..., "detail": ..., "sealed": ...}
use strict;
use warnings;
use FindBin;
use JSON::PP;
use Mail::DKIM::ARC::Signer;
use Mail::DKIM::ARC::Verifier;
require "$FindBin::Bin/maildkim_zone.pl";

sub feed {
    my ( $target, $text ) = @_;
    for my $line ( split /(?<=\012)/, $text ) {
        $line =~ s/\015?\012\z/\015\012/;
        $target->PRINT($line);
    }
    $target->CLOSE;
}

my $resolver = ZoneResolver->from_file( $ARGV[0] );
Mail::DKIM::DNS::resolver($resolver);
open my $rf, '<:raw', $ARGV[1] or die "cannot read $ARGV[1]: $!\n";
my $requests = decode_json( do { local $/; <$rf> } );
$| = 1;
for my $r (@$requests) {
    open my $fh, '<:raw', $r->{message} or die "cannot read $r->{message}: $!\n";
    my $message = do { local $/; <$fh> };
    my $arc = Mail::DKIM::ARC::Verifier->new( Strict => 1 );
    feed( $arc, $message );
    my $cv = $arc->result eq 'pass' ? 'pass' : $arc->result eq 'none' ? 'none' : 'fail';
    my $ar = "Authentication-Results: $r->{srv_id}; arc=$cv\015\012";
    my $signer = Mail::DKIM::ARC::Signer->new(
        Algorithm => 'rsa-sha256', Chain => $cv, Domain => $r->{domain}, SrvId => $r->{srv_id},
        Selector => $r->{selector}, KeyFile => $r->{key}, Timestamp => $r->{timestamp} );
    feed( $signer, $ar . $message );
    my $sealed = $signer->result eq 'sealed' ? JSON::PP::true : JSON::PP::false;
    print JSON::PP->new->utf8->canonical->encode( { prefix => $signer->as_string . $ar, cv => $cv,
        detail => $arc->result_detail . '; signer: ' . ( $signer->result_detail // $signer->result ),
        sealed => $sealed } ), "\n";
}
