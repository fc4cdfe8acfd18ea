#!/usr/bin/python3
r"""Act as one ARC hop with dkimpy: validate the incoming chain, record the result, seal.

Usage: /usr/bin/python3 dkimpy_arc_seal.py ZONE.json REQUESTS.json
  REQUESTS.json: [{"message": path, "selector": ..., "domain": ..., "key": PEM path, "srv_id": ...,
                   "timestamp": seconds}, ...]

Documented dkimpy 1.1.4 API used: dkim.arc_verify (see dkimpy_arc_verify.py) and
dkim.arc_sign(message, selector, domain, privkey, srv_id, include_headers=None, timestamp=...), which returns
the new ARC-Seal, ARC-Message-Signature and ARC-Authentication-Results lines, or [] when it will not seal.

Observed in 1.1.4: arc_sign takes the cv= from the "arc=" result of the message's Authentication-Results for
srv_id and seals nothing without such a field; it signs rsa-sha256 only (signature_algorithm is ignored and the
key must be PEM). So, as a real hop would, this script validates the chain first and puts
"Authentication-Results: <srv_id>; arc=<result>" on top of the message before sealing.

Prints one JSON line per request: {"prefix": the text to put on top of the message (new set, then the A-R
field), "cv": the validation result used, "detail": its reason}.
"""
import json
import sys

import dkim


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        zone = {name.rstrip(".").lower(): records for name, records in json.load(f).items()}

    def dnsfunc(name, timeout=5):
        records = zone.get(name.decode("ascii").rstrip(".").lower())
        return records[0].encode("utf-8") if records else None

    with open(sys.argv[2], encoding="utf-8") as f:
        requests = json.load(f)
    for r in requests:
        with open(r["message"], "rb") as f:
            message = f.read()
        cv, _, reason = dkim.arc_verify(message, dnsfunc=dnsfunc, minkey=1024)
        result = "fail" if cv is None else cv.decode("ascii")
        ar = ("Authentication-Results: %s; arc=%s\r\n" % (r["srv_id"], result)).encode("ascii")
        with open(r["key"], "rb") as f:
            key = f.read()
        fields = dkim.arc_sign(ar + message, r["selector"].encode(), r["domain"].encode(), key,
                               r["srv_id"].encode(), timestamp=r["timestamp"])
        prefix = b"".join(fields) + ar
        print(json.dumps({"prefix": prefix.decode("utf-8"), "cv": result, "detail": str(reason)}), flush=True)


if __name__ == "__main__":
    main()
