#!/usr/bin/perl
# Sign messages with Mail::DKIM's DomainKeys signer (RFC 4870), one DomainKey-Signature per request.
#
# Usage: perl maildkim_dk_sign.pl REQUESTS.json
#   REQUESTS.json: [{"message": path, "selector": "sel", "domain": "example.com", "key": path,
#                    "canonicalization": "nofws" | "simple", "headers": "from:subject" | null}, ...]
#   The key file holds a PEM RSA private key.
#
# Documented Mail::DKIM 1.20230212 API used: Mail::DKIM::Signer->new(Policy, KeyFile), a policy sub that calls
# $signer->add_signature(Mail::DKIM::DkSignature->new(Algorithm, Method, Headers, Domain, Selector, Query)) (as
# Mail::DKIM's own t/signer_dk.t and Mail::DKIM::SignerPolicy describe), ->PRINT, ->CLOSE, ->signatures,
# ->as_string. Without "headers" no h= is written (every field signed).
#
# Prints one JSON line per request: {"message": path, "signature": "DomainKey-Signature: ..."} (no line end)
use strict;
use warnings;
use JSON::PP;
use Mail::DKIM::Signer;
use Mail::DKIM::DkSignature;
use Mail::DKIM::TextWrap;

sub sign_file {
    my ($request) = @_;
    my $dkim = Mail::DKIM::Signer->new(
        KeyFile => $request->{key},
        Policy  => sub {
            my $signer = shift;
            $signer->add_signature(
                Mail::DKIM::DkSignature->new(
                    Algorithm => 'rsa-sha1',
                    Method    => $request->{canonicalization},
                    $request->{headers} ? ( Headers => $request->{headers} ) : (),
                    Domain    => $request->{domain},
                    Selector  => $request->{selector},
                    Query     => 'dns',
                )
            );
            return;
        },
    );
    open my $fh, '<:raw', $request->{message} or die "cannot read $request->{message}: $!\n";
    while ( my $line = <$fh> ) {
        $line =~ s/\015?\012\z/\015\012/;
        $dkim->PRINT($line);
    }
    close $fh;
    $dkim->CLOSE;
    my ($signature) = $dkim->signatures;
    return { message => $request->{message}, signature => $signature->as_string };
}

open my $rf, '<:raw', $ARGV[0] or die "cannot read $ARGV[0]: $!\n";
my $requests = decode_json( do { local $/; <$rf> } );
$| = 1;
print JSON::PP->new->utf8->canonical->encode( sign_file($_) ), "\n" for @$requests;
