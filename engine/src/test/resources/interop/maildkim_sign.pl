#!/usr/bin/perl
# Sign messages with Mail::DKIM, one DKIM-Signature per request.
#
# Usage: perl maildkim_sign.pl REQUESTS.json
#   REQUESTS.json: [{"message": path, "selector": "sel", "domain": "example.com", "key": path,
#                    "algorithm": "rsa-sha256", "canonicalization": "relaxed/simple", "identity": null}, ...]
#   The key file holds a PEM RSA private key.
#
# Documented Mail::DKIM 1.20230212 API used: Mail::DKIM::Signer->new(Algorithm, Method, Domain, Selector,
# KeyFile, Identity), ->PRINT, ->CLOSE, ->signature->as_string; Mail::DKIM::TextWrap ("recommended")
# folds the signature. PRINT expects SMTP line ends (CRLF), so each line is re-terminated with CRLF, as
# the SYNOPSIS does.
#
# Observed in 1.20230212: without Algorithm it signs rsa-sha1, so it is always given; it writes no t= and
# oversigns nothing; as_string has no line end and folds with CRLF TAB; a body whose last line has no CRLF
# is hashed without one under simple (RFC 6376 §3.4.3 says add it), which every RFC verifier rejects.
#
# Prints one JSON line per request: {"message": path, "signature": "DKIM-Signature: ..."} (no line end)
use strict;
use warnings;
use JSON::PP;
use Mail::DKIM::Signer;
use Mail::DKIM::TextWrap;

sub sign_file {
    my ($request) = @_;
    my $dkim = Mail::DKIM::Signer->new(
        Algorithm => $request->{algorithm},
        Method    => $request->{canonicalization},
        Domain    => $request->{domain},
        Selector  => $request->{selector},
        KeyFile   => $request->{key},
        $request->{identity} ? ( Identity => $request->{identity} ) : (),
    );
    open my $fh, '<:raw', $request->{message} or die "cannot read $request->{message}: $!\n";
    while ( my $line = <$fh> ) {
        $line =~ s/\015?\012\z/\015\012/;
        $dkim->PRINT($line);
    }
    close $fh;
    $dkim->CLOSE;
    return { message => $request->{message}, signature => $dkim->signature->as_string };
}

open my $rf, '<:raw', $ARGV[0] or die "cannot read $ARGV[0]: $!\n";
my $requests = decode_json( do { local $/; <$rf> } );
$| = 1;
print JSON::PP->new->utf8->canonical->encode( sign_file($_) ), "\n" for @$requests;
