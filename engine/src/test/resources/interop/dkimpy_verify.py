#!/usr/bin/python3
r"""Verify every DKIM-Signature of each message with dkimpy; DNS answers come only from the zone file.

Usage: /usr/bin/python3 dkimpy_verify.py ZONE.json MESSAGE_FILE...
  ZONE.json: {"sel._domainkey.example.com": ["v=DKIM1; k=rsa; p=..."], ...}

Documented dkimpy 1.1.4 API used: dkim.DKIM(message, logger=..., minkey=1024) and, per signature,
DKIM.verify(idx=i, dnsfunc=f). dkimpy calls f(name, timeout=5) with the query name as bytes
(b"sel._domainkey.example.com.", trailing dot) and takes the TXT record as bytes, or None for none.

Observed in 1.1.4: verify raises DKIMException subclasses (body hash mismatch, x= past, ...) where
dkim.verify() would return False, so an exception is reported as "fail" with its text; a bad b= is a plain
False with nothing logged. t= and x= get 10 hours of slop. The verifier appends one more "from" to the
h= list (its "bug#644046" fix), harmless for a message with one From. The message parser rejects a field
name followed by white space before the colon.

Prints one JSON line per message:
  {"file": ..., "signatures": [{"index": 0, "result": "pass|fail", "detail": ...}],
   "dns": [{"name": ..., "found": true}], "error": "only when dkimpy could not parse the message"}
"""
import json
import logging
import sys

import dkim


class Collect(logging.Handler):
    """Keeps dkimpy's log lines (it explains failures only through its logger)."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def verify_file(path, zone):
    queries = []

    def dnsfunc(name, timeout=5):
        key = name.decode("ascii").rstrip(".").lower()
        records = zone.get(key)
        queries.append({"name": key, "found": records is not None})
        return records[0].encode("utf-8") if records else None  # None: NXDOMAIN

    with open(path, "rb") as f:
        message = f.read()
    log = Collect()
    logger = logging.getLogger("dkimpy_verify." + path)
    logger.addHandler(log)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        d = dkim.DKIM(message, logger=logger, minkey=1024)
    except dkim.DKIMException as e:  # the message itself could not be parsed
        return {"file": path, "signatures": [], "dns": queries, "error": "%s: %s" % (type(e).__name__, e)}
    count = len([name for name, _ in d.headers if name.lower() == b"dkim-signature"])
    signatures = []
    for idx in range(count):
        log.lines.clear()
        try:
            if d.verify(idx=idx, dnsfunc=dnsfunc):
                result, detail = "pass", ""
            else:  # dkimpy logs only key problems; a bad b= is a plain False
                result, detail = "fail", "; ".join(log.lines) or "signature did not verify"
        except dkim.DKIMException as e:  # as dkim.verify() does: an exception means the check failed
            result, detail = "fail", "%s: %s" % (type(e).__name__, e)
        signatures.append({"index": idx, "result": result, "detail": detail})
    return {"file": path, "signatures": signatures, "dns": queries}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        zone = {name.rstrip(".").lower(): records for name, records in json.load(f).items()}
    for path in sys.argv[2:]:
        print(json.dumps(verify_file(path, zone)), flush=True)


if __name__ == "__main__":
    main()
