#!/usr/bin/python3
r"""Validate the ARC chain of each message with dkimpy; DNS answers come only from the zone file.

Usage: /usr/bin/python3 dkimpy_arc_verify.py ZONE.json MESSAGE_FILE...
  ZONE.json: {"sel._domainkey.example.com": ["v=DKIM1; k=rsa; p=..."], ...}

Documented dkimpy 1.1.4 API used: dkim.arc_verify(message, logger=..., dnsfunc=f, minkey=1024), which returns
(cv, results, reason) with cv b"pass", b"fail", b"none", or None for a chain whose newest seal says cv=fail
("the chain is terminated"); dkimpy calls f(name, timeout=5) with the query name as bytes (trailing dot).

Prints one JSON line per message:
  {"file": ..., "result": "pass|fail|none|terminated", "detail": reason, "instances": N,
   "dns": [{"name": ..., "found": true}]}
"""
import json
import logging
import sys

import dkim


def verify_file(path, zone):
    queries = []

    def dnsfunc(name, timeout=5):
        key = name.decode("ascii").rstrip(".").lower()
        records = zone.get(key)
        queries.append({"name": key, "found": records is not None})
        return records[0].encode("utf-8") if records else None  # None: NXDOMAIN

    with open(path, "rb") as f:
        message = f.read()
    logger = logging.getLogger("dkimpy_arc_verify")
    logger.addHandler(logging.NullHandler())
    logger.propagate = False
    cv, results, reason = dkim.arc_verify(message, logger=logger, dnsfunc=dnsfunc, minkey=1024)
    result = "terminated" if cv is None else cv.decode("ascii")
    return {"file": path, "result": result, "detail": str(reason), "instances": len(results), "dns": queries}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        zone = {name.rstrip(".").lower(): records for name, records in json.load(f).items()}
    for path in sys.argv[2:]:
        print(json.dumps(verify_file(path, zone)), flush=True)


if __name__ == "__main__":
    main()
