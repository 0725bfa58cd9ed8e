#!/usr/bin/env python3
"""Structural comparison of two JSON documents (Lifeline differential tests).

    python3 compare.py A.json B.json [--strict-types]

Equal when: same object keys, same array lengths and order, same null-ness,
strings equal, booleans equal, integers equal exactly, and any other numbers
equal within 1e-9 relative (or 1e-12 absolute near zero).

Forecast numbers (SPEC §14.3) are compared more loosely, as the spec checks
them: the shape parameters under $.forecast (alpha, beta, r, a, b, p, q,
gamma) to 1e-6 relative; every other number under $.forecast, and the
per-account renewal_probability, p_alive and expected_purchases, to 1e-5
relative or 1e-9 absolute; the money among them (expected_value,
predicted_clv) to 1e-5 relative or 1e-6 absolute. Integers stay exact.

A JSON integer and a JSON float are compared by value (Swift prints the double
12000.0 as `12000`, Python as `12000.0`); pass --strict-types to also report an
integer on one side against a non-integer literal on the other.

Exit 0 with a one-line summary when equal; exit 1 listing up to 30 differences
(JSON paths with both values; array elements that are objects with an "id"
are named by that id); exit 2 when a file cannot be read or parsed.
"""

import json
import math
import re
import sys

REL = 1e-9
ABS = 1e-12
MAX_SHOWN = 30

SHAPE_PARAMETERS = {'alpha', 'beta', 'r', 'a', 'b', 'p', 'q', 'gamma'}
MONEY = {'expected_value', 'predicted_clv'}
ACCOUNT_FORECAST = re.compile(
    r'\$\[[^\]]*\]\.(renewal_probability|p_alive|expected_purchases|expected_value|predicted_clv)$')


class Num:
    """A JSON number remembering whether it was written as an integer."""
    __slots__ = ('value', 'is_int', 'text')

    def __init__(self, value, is_int, text):
        self.value = value
        self.is_int = is_int
        self.text = text


def _load(path):
    with open(path, 'rb') as f:
        raw = f.read()
    text = raw.decode('utf-8-sig')
    return json.loads(
        text,
        parse_int=lambda s: Num(int(s), True, s),
        parse_float=lambda s: Num(float(s), False, s),
        parse_constant=lambda s: Num(float(s), False, s),
    )


def _show(v):
    if isinstance(v, Num):
        return v.text
    if isinstance(v, dict):
        return '{…%d keys}' % len(v)
    if isinstance(v, list):
        return '[…%d items]' % len(v)
    return json.dumps(v, ensure_ascii=False)


def _kind(v):
    if v is None:
        return 'null'
    if isinstance(v, bool):
        return 'bool'
    if isinstance(v, Num):
        return 'number'
    if isinstance(v, str):
        return 'string'
    if isinstance(v, list):
        return 'array'
    return 'object'


def _tolerance(path):
    """(relative, absolute) tolerance for the number at this JSON path."""
    key = path.rsplit('.', 1)[-1].split('[', 1)[0]
    if path.startswith('$.forecast.'):
        if key in SHAPE_PARAMETERS:
            return 1e-6, 0.0
        return 1e-5, (1e-6 if key in MONEY else 1e-9)
    if ACCOUNT_FORECAST.match(path):
        return 1e-5, (1e-6 if key in MONEY else 1e-9)
    return REL, ABS


def _num_equal(a, b, path):
    if a.is_int and b.is_int:
        return a.value == b.value
    rel, abs_ = _tolerance(path)
    x = float(a.value)
    y = float(b.value)
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    if x == y:
        return True
    d = abs(x - y)
    if d <= abs_:
        return True
    return d <= rel * max(abs(x), abs(y))


def _elem_path(path, i, item):
    if isinstance(item, dict) and isinstance(item.get('id'), str):
        return '%s[%d id=%s]' % (path, i, item['id'])
    if isinstance(item, dict):
        for key in ('tier', 'month'):
            if isinstance(item.get(key), str):
                return '%s[%d %s=%s]' % (path, i, key, item[key])
    return '%s[%d]' % (path, i)


def compare(a, b, path, diffs, stats, strict):
    ka, kb = _kind(a), _kind(b)
    if ka != kb:
        diffs.append('%s: %s vs %s' % (path, _show(a), _show(b)))
        return
    if ka == 'object':
        for k in a:
            if k not in b:
                diffs.append('%s.%s: present (%s) vs missing' % (path, k, _show(a[k])))
        for k in b:
            if k not in a:
                diffs.append('%s.%s: missing vs present (%s)' % (path, k, _show(b[k])))
        for k in a:
            if k in b:
                compare(a[k], b[k], '%s.%s' % (path, k), diffs, stats, strict)
        return
    if ka == 'array':
        if len(a) != len(b):
            diffs.append('%s: length %d vs %d' % (path, len(a), len(b)))
        for i in range(min(len(a), len(b))):
            pa = _elem_path(path, i, a[i])
            pb = _elem_path(path, i, b[i])
            p = pa if pa == pb else '%s|%s' % (pa, pb[len(path):])
            compare(a[i], b[i], p, diffs, stats, strict)
        return
    stats['values'] += 1
    if ka == 'number':
        if not _num_equal(a, b, path):
            diffs.append('%s: %s vs %s' % (path, a.text, b.text))
        elif strict and a.is_int != b.is_int:
            diffs.append('%s: %s vs %s (integer vs non-integer literal)' % (path, a.text, b.text))
        return
    if a != b:
        diffs.append('%s: %s vs %s' % (path, _show(a), _show(b)))


def main(argv):
    strict = '--strict-types' in argv
    files = [x for x in argv if x != '--strict-types']
    if len(files) != 2:
        sys.stderr.write('usage: compare.py A.json B.json [--strict-types]\n')
        return 2
    docs = []
    for p in files:
        try:
            docs.append(_load(p))
        except (OSError, ValueError) as e:
            sys.stderr.write('compare.py: %s: %s\n' % (p, e))
            return 2
    diffs = []
    stats = {'values': 0}
    compare(docs[0], docs[1], '$', diffs, stats, strict)
    if diffs:
        for d in diffs[:MAX_SHOWN]:
            print(d)
        more = len(diffs) - MAX_SHOWN
        print('%d difference(s) between %s and %s%s' % (
            len(diffs), files[0], files[1],
            ' (%d more not shown)' % more if more > 0 else ''))
        return 1
    print('equal: %d values compared' % stats['values'])
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
