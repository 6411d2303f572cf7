"""The gateway's own request latency over one run, split between the busiest tenants and the rest.

Reads Prometheus scrapes of the gateway, one pair (before, after) for each run, and adds up the runs'
differences of the `gateway_requests_seconds` histogram buckets, per tenant: the time from the tenant's
resolution to the answer, so a wait for the tenant's bulkhead place or connection is in it and time
queued before the gateway read the request is not. Prints one line: the busiest `top` tenants' share of
the requests with their p50/p99, then the same for the other tenants in groups, each named with a
pattern its keys match.
    python3 latency_split.py --top 3 [--group name=key-regex ...] before.prom after.prom [before after ...]
"""
import argparse
import re
from collections import defaultdict

BUCKET = re.compile(r'^gateway_requests_seconds_bucket\{(?P<labels>[^}]*)\} (?P<value>\S+)')
LABEL = re.compile(r'(\w+)="([^"]*)"')


def buckets(path):
    """{tenant: {le: cumulative count}} summed over statuses."""
    found = defaultdict(lambda: defaultdict(float))
    with open(path) as scrape:
        for line in scrape:
            match = BUCKET.match(line)
            if match:
                labels = dict(LABEL.findall(match['labels']))
                found[labels['tenant']][float(labels['le'])] += float(match['value'])
    return found


def quantile(histogram, q):
    """The upper bound (ms) of the bucket holding quantile q of a cumulative {le: count} histogram."""
    total = histogram[float('inf')]
    for le in sorted(histogram):
        if histogram[le] >= q * total:
            return le * 1000
    return float('inf')


def merged(histograms):
    result = defaultdict(float)
    for histogram in histograms:
        for le, count in histogram.items():
            result[le] += count
    return result


def during(before_path, after_path):
    """{tenant: {le: count}} of the requests between two scrapes."""
    before, after = buckets(before_path), buckets(after_path)
    return {tenant: {le: count - before.get(tenant, {}).get(le, 0) for le, count in histogram.items()}
            for tenant, histogram in after.items()}


def main(scrapes, top, groups):
    totals = defaultdict(list)
    for before_path, after_path in zip(scrapes[::2], scrapes[1::2]):
        for tenant, histogram in during(before_path, after_path).items():
            totals[tenant].append(histogram)
    runs = {tenant: merged(histograms) for tenant, histograms in totals.items()}
    runs = {tenant: h for tenant, h in runs.items() if h[float('inf')] > 0 and tenant != 'none'}
    ranked = sorted(runs, key=lambda tenant: runs[tenant][float('inf')], reverse=True)
    total = sum(h[float('inf')] for h in runs.values())
    named = [(f'the {top} busiest tenants', ranked[:top])]
    for name, pattern in groups:
        members = [t for t in ranked[top:] if re.search(pattern, t)]
        named.append((f'{len(members)} other {name} tenants', members))
    parts = []
    for name, tenants in named:
        histogram = merged(runs[t] for t in tenants)
        count = histogram[float('inf')]
        if count:
            parts.append(f'{name}: {100 * count / total:.0f} % of the requests, p50 <= {quantile(histogram, 0.5):.1f} ms, '
                         f'p99 <= {quantile(histogram, 0.99):.1f} ms')
    print('; '.join(parts) + '.' if parts else 'no tenant requests recorded.')


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='The gateway\'s request latency, the busiest tenants apart.')
    parser.add_argument('--top', type=int, default=3, help='how many of the busiest tenants to show apart')
    parser.add_argument('--group', action='append', default=[], metavar='NAME=REGEX',
                        help='the other tenants whose keys match REGEX, shown as NAME')
    parser.add_argument('scrapes', nargs='+', help='Prometheus scrapes, before and after each run')
    args = parser.parse_args()
    if len(args.scrapes) % 2:
        parser.error('scrapes come in pairs: before and after each run')
    main(args.scrapes, args.top, [group.split('=', 1) for group in args.group])
