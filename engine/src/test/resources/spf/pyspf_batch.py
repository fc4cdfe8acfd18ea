"""Evaluates a batch of SPF checks with pyspf (Debian python3-spf), DNS answered from given zone data.

Run by dev.inkan.spf.PyspfInteropTest with /usr/bin/python3. Reads one JSON document on stdin:

  {"zones": {"<zone id>": {"<lower-case name>": [["TIMEOUT"] | ["<type>", <value>], ...]}},
   "cases": [{"id": "...", "zone": "<zone id>", "ip": "...", "helo": "...", "mailfrom": "...",
              "receiver": "..."}]}

and writes {"pyspf": "<version>", "results": [{"id", "result", "explanation", "mechanism", "error"}]} on stdout.

DNS goes through pyspf's documented test hook: spf.DNSLookup is replaced, as pyspf's own test driver
(test/testspf.py) does, with a function serving the zone data by the same rules: names case-insensitive,
labels over 63 characters a DNS error, a TIMEOUT entry times out every type that has no record before it,
TXT/SPF values are lists of character-strings (here strings whose characters are the octets).
"""
import json
import sys

import spf

ZONE = {}


def dns_lookup(name, qtype, strict=True, timeout=None):
    labels = []
    for label in name.split('.'):
        if label:
            if len(label) > 63:
                raise spf.TempError('DNS label too long')
            labels.append(label)
    name = '.'.join(labels)
    entries = ZONE.get(name.lower())
    if entries is None:
        return []
    answers = []
    seen_type = False
    for entry in entries:
        if entry[0] == 'TIMEOUT':
            if not seen_type:
                raise spf.TempError('DNS timeout')
            break
        rtype, value = entry
        if rtype == qtype:
            seen_type = True
        if value == 'TIMEOUT':
            if rtype == qtype:
                raise spf.TempError('DNS timeout')
            continue
        if rtype in ('TXT', 'SPF'):
            value = [s.encode('latin-1') for s in value]
        elif rtype == 'MX':
            value = (value[0], value[1])
        answers.append(((name, rtype), value))
    return answers


spf.DNSLookup = dns_lookup


def main():
    global ZONE
    batch = json.load(sys.stdin)
    results = []
    for case in batch['cases']:
        ZONE = batch['zones'][case['zone']]
        out = {'id': case['id'], 'result': None, 'explanation': None, 'mechanism': None, 'error': None}
        try:
            q = spf.query(i=case['ip'], s=case['mailfrom'], h=case['helo'], receiver=case.get('receiver'),
                          strict=True)
            q.set_default_explanation('DEFAULT')
            result, _code, explanation = q.check()
            out['result'] = result
            out['explanation'] = explanation
            out['mechanism'] = getattr(q, 'mechanism', None)
        except Exception as e:  # a crash inside pyspf is reported, not fatal for the batch
            out['error'] = '%s: %s' % (type(e).__name__, e)
        results.append(out)
    version = getattr(spf, '__version__', 'unknown')
    json.dump({'pyspf': version, 'results': results}, sys.stdout)


if __name__ == '__main__':
    main()
