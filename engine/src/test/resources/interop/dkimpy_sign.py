#!/usr/bin/python3
r"""Sign messages with dkimpy, one DKIM-Signature per request.

Usage: /usr/bin/python3 dkimpy_sign.py REQUESTS.json
  REQUESTS.json: [{"message": path, "selector": "sel", "domain": "example.com", "key": path,
                   "algorithm": "rsa-sha256|ed25519-sha256", "canonicalization": "relaxed/simple",
                   "identity": null, "length": false, "linesep": "\r\n"}, ...]
  The key file holds a PKCS#1 PEM for RSA, or the base64 of the 32-byte seed for Ed25519.

Documented dkimpy 1.1.4 API used: dkim.sign(message, selector, domain, privkey, identity=None,
canonicalize=(header, body), signature_algorithm=..., include_headers=None, length=False, linesep=...).
include_headers=None means dkimpy's default list (DKIM.SHOULD present in the message, From signed twice).

Observed in 1.1.4: the module-level dkim.sign defaults to canonicalize=(relaxed, simple), so it is always
passed; dkimpy always writes i=@domain, q=dns/txt and t=, and signs every instance of each default field
(including MIME-Version and Content-*, which Inkan's default list leaves out); parse_pem_private_key finds
the key with the regex b"--\n(.*?)\n--", so the PEM must use LF line ends (Inkan's toPem() does here).

Prints one JSON line per request: {"message": path, "signature": "DKIM-Signature: ...<linesep>"}
"""
import json
import sys

import dkim


def sign(request):
    with open(request["message"], "rb") as f:
        message = f.read()
    with open(request["key"], "rb") as f:
        key = f.read().strip()
    identity = request.get("identity")
    header, body = request["canonicalization"].split("/")
    signature = dkim.sign(
        message,
        request["selector"].encode("ascii"),
        request["domain"].encode("ascii"),
        key,
        identity=identity.encode("ascii") if identity else None,
        canonicalize=(header.encode("ascii"), body.encode("ascii")),
        signature_algorithm=request["algorithm"].encode("ascii"),
        length=bool(request.get("length")),
        linesep=request.get("linesep", "\r\n").encode("ascii"),
    )
    return {"message": request["message"], "signature": signature.decode("ascii")}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        requests = json.load(f)
    for request in requests:
        print(json.dumps(sign(request)), flush=True)


if __name__ == "__main__":
    main()
