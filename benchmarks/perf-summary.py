#!/usr/bin/env python3
"""Summarise a `perf script` dump of the James throughput benchmark's JVM (benchmarks/james-throughput.sh --perf).

    benchmarks/perf-summary.py PERF_SCRIPT_TEXT [MESSAGES] [--pool NAME]...

Prints, from the call-graph samples (`perf record -g`, JIT frames named through the JVM's perf map):
  - samples by thread pool (thread names without their numbers);
  - on James's spool threads (which run the mailets): samples by mailet or matcher (the innermost one on the
    stack), and how many carry an Inkan frame (dev.inkan.*);
  - Inkan's samples by their innermost Inkan frame, and the JDK/James frames they spend their time in;
  - with --pool NAME (e.g. blocking-call-w, James's mailbox delivery; perf keeps 15 characters of a thread's name):
    James's methods (org.apache.james.*, Mime4j included) most often on that pool's stacks (inclusive).
With MESSAGES (messages received during the recording), each count is also given as ms per message
(samples x the sampling period / messages).
"""
import collections
import re
import sys

MAILET = re.compile(r' ([\w.$]+)\.(service|match)\(org\.apache\.mailet\.Mail\)')
FRAMEWORK = ('MailetProcessorImpl', 'AbstractStateCompositeProcessor', 'ProcessorImpl', 'Lambda', 'MatcherSplitter')


def frame(line):
    """The method of one stack line, without address, offset and argument list."""
    text = line.strip()
    text = text.split(' ', 1)[1] if ' ' in text else text
    text = text.split('+0x')[0]
    name = text.split('(')[0].split(' ')[-1]
    return name or text


def is_inkan(line):
    return 'dev.inkan.' in line and 'dev.inkan.it.' not in line


def main():
    args = sys.argv[1:]
    pools_asked = []
    while '--pool' in args:
        i = args.index('--pool')
        if i + 1 >= len(args):
            sys.exit('--pool needs a thread pool name')
        pools_asked.append(args[i + 1])
        del args[i:i + 2]
    if not args:
        sys.exit(__doc__)
    messages = float(args[1]) if len(args) > 1 else None
    samples = [s for s in open(args[0], errors='replace').read().split('\n\n') if s.strip()]
    if not samples:
        sys.exit('no samples in ' + sys.argv[1])
    period_ms = None
    head = samples[0].strip().split('\n')[0].split()
    for i, word in enumerate(head):
        if word.endswith('cpu-clock:') and i > 0 and head[i - 1].isdigit():
            period_ms = int(head[i - 1]) / 1e6

    def per_message(count):
        if messages and period_ms:
            return ' %8.4f ms/msg' % (count * period_ms / messages)
        return ''

    def table(title, counter, total, limit=25):
        print('\n' + title)
        for key, count in counter.most_common(limit):
            print('%7d %5.1f%%%s  %s' % (count, 100.0 * count / total, per_message(count), key))

    pools = collections.Counter()
    spool = []
    asked = {name: [] for name in pools_asked}
    for s in samples:
        thread = s.strip().split('\n')[0].split()[0]
        pool = re.sub(r'-\d+$', '', thread)
        pools[pool] += 1
        if pool == 'spooler':
            spool.append(s.strip().split('\n')[1:])
        if pool in asked:
            asked[pool].append(s.strip().split('\n')[1:])
    print('%d samples%s' % (len(samples), ', %.3f ms each' % period_ms if period_ms else ''))
    table('by thread pool', pools, len(samples), 20)
    for name, stacks in asked.items():
        if not stacks:
            print('\nno samples on thread pool ' + name)
            continue
        inclusive = collections.Counter()
        for lines in stacks:
            for method in set(frame(line) for line in lines):
                if method.startswith('org.apache.james.') and '$$Lambda' not in method:
                    inclusive[method] += 1
        table('thread pool %s: James methods on its stacks (inclusive), %d samples' % (name, len(stacks)),
              inclusive, len(stacks), 30)
    if not spool:
        print('\nno samples on spooler threads')
        return

    by_mailet = collections.Counter()
    inkan_count = 0
    innermost = collections.Counter()
    below = collections.Counter()
    for lines in spool:
        key = '(James: no mailet on the stack)'
        for line in lines:
            m = MAILET.search(line)
            if m and not any(f in m.group(1) for f in FRAMEWORK):
                key = m.group(1).split('.')[-1] + '.' + m.group(2)
                break
        inkan = [i for i, line in enumerate(lines) if is_inkan(line)]
        if inkan:
            inkan_count += 1
            key += ' [Inkan]'
            first = inkan[0]
            innermost[frame(lines[first])] += 1
            under = [frame(line) for line in lines[:first]]
            below[under[-1] if under else '(its own code)'] += 1
        by_mailet[key] += 1
    table('spooler threads by mailet or matcher ([Inkan]: an Inkan frame on the stack)', by_mailet, len(spool), 30)
    print('\nInkan samples on the spooler threads: %d of %d (%.1f%%)%s' % (
        inkan_count, len(spool), 100.0 * inkan_count / len(spool), per_message(inkan_count)))
    if inkan_count:
        table('Inkan samples by innermost Inkan frame', innermost, inkan_count, 30)
        table('Inkan samples by the first frame below Inkan code (where the time is spent)', below, inkan_count, 25)


if __name__ == '__main__':
    main()
