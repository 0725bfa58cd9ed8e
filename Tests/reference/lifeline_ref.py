#!/usr/bin/env python3
"""Independent reference implementation of the Lifeline analytics spec
(/work/shared/SPEC.md, v2), Python 3.11; the forecast (§14) needs scipy.

    python3 lifeline_ref.py report   WORKSPACE [--as-of YYYY-MM-DD]
    python3 lifeline_ref.py accounts WORKSPACE [--as-of YYYY-MM-DD]
    python3 lifeline_ref.py cohorts  WORKSPACE [--as-of YYYY-MM-DD]
    python3 lifeline_ref.py tasks    WORKSPACE [--as-of YYYY-MM-DD]

Exit codes: 0 ok (orphan warnings may be on stderr), 64 usage error,
65 data error (one line per error on stderr), 66 workspace path missing.

Written from the spec alone, for differential testing; the readings taken
where the spec is open are listed in READINGS.md next to this file.
"""

import calendar
import copy
import datetime
import json
import math
import os
import re
import sys

import lifeline_forecast as F

try:
    import tomllib
except ImportError:  # pragma: no cover - Python < 3.11
    tomllib = None

EXIT_USAGE = 64
EXIT_DATAERR = 65
EXIT_NOINPUT = 66

# ---------------------------------------------------------------------------
# Errors


class Problems:
    def __init__(self):
        self._errors = []   # (file rank, line, seq, text)
        self._files = {}
        self.warnings = []

    @property
    def errors(self):
        """Errors grouped by file (in the order files were read), then by line."""
        return [e[3] for e in sorted(self._errors)]

    @staticmethod
    def _fmt(file, line, column, value, expected):
        v = value if value is not None else ''
        v = v.replace('\r', '\\r').replace('\n', '\\n')
        return "%s:%d: column %s: value '%s': %s" % (file, line, column, v, expected)

    def error(self, file, line, column, value, expected):
        rank = self._files.setdefault(file, len(self._files))
        self._errors.append((rank, line, len(self._errors),
                             self._fmt(file, line, column, value, expected)))

    def warn(self, file, line, column, value, expected):
        self.warnings.append(self._fmt(file, line, column, value, expected))


# ---------------------------------------------------------------------------
# CSV reader (RFC 4180 over bytes)

BOM = b'\xef\xbb\xbf'


def _is_blank(line):
    # line without its line end; blank = empty or only spaces / tabs
    return line.strip(b' \t') == b''


def read_csv_records(data, fname, problems):
    """Yield (start_line, [field bytes]) for every non-blank record.

    Records with a syntax error (bad character after a closing quote,
    unterminated quote) are reported and not yielded.
    """
    records = []
    n = len(data)
    pos = 0
    if data.startswith(BOM):
        pos = 3
    lineno = 1
    while pos < n:
        nl = data.find(b'\n', pos)
        end = n if nl == -1 else nl
        line = data[pos:end]
        if b'"' not in line:
            # fast path: a single physical line without quotes
            if line.endswith(b'\r'):
                line = line[:-1]
            if not _is_blank(line):
                records.append((lineno, [f.strip(b' ') for f in line.split(b',')]))
            lineno += 1
            pos = end + 1
            continue
        # slow path: character level, may span several physical lines
        start_line = lineno
        fields = []
        bad = None  # (column index, value, message)
        i = pos
        finished = False
        while not finished:
            j = i
            while j < n and data[j] == 0x20:
                j += 1
            if j < n and data[j] == 0x22:
                # quoted field
                buf = bytearray()
                k = j + 1
                while True:
                    q = data.find(b'"', k)
                    if q == -1:
                        buf += data[k:]
                        lineno += data.count(b'\n', j, n)
                        if bad is None:
                            bad = (len(fields), bytes(buf[:40]), 'a closing quote (the quoted field is not terminated)')
                        i = n
                        finished = True
                        fields = None
                        break
                    buf += data[k:q]
                    if q + 1 < n and data[q + 1] == 0x22:
                        buf += b'"'
                        k = q + 2
                        continue
                    k = q + 1
                    break
                if fields is None:
                    break
                lineno += data.count(b'\n', j, k)
                while k < n and data[k] == 0x20:
                    k += 1
                if k >= n:
                    fields.append(bytes(buf))
                    i = n
                    finished = True
                elif data[k] == 0x2C:
                    fields.append(bytes(buf))
                    i = k + 1
                elif data[k] == 0x0A:
                    fields.append(bytes(buf))
                    i = k + 1
                    lineno += 1
                    finished = True
                elif data[k] == 0x0D and (k + 1 >= n or data[k + 1] == 0x0A):
                    fields.append(bytes(buf))
                    i = k + 2 if k + 1 < n else n
                    lineno += 1 if k + 1 < n else 0
                    finished = True
                else:
                    # junk after the closing quote: report, skip to , or line end
                    e = k
                    while e < n and data[e] not in (0x2C, 0x0A):
                        e += 1
                    if bad is None:
                        bad = (len(fields), bytes(buf) + b'"' + data[k:e],
                               'a comma or the line end after the closing quote')
                    fields.append(bytes(buf))
                    if e >= n:
                        i = n
                        finished = True
                    elif data[e] == 0x2C:
                        i = e + 1
                    else:
                        i = e + 1
                        lineno += 1
                        finished = True
            else:
                # unquoted field: up to the next comma or line end
                c = data.find(b',', i)
                l = data.find(b'\n', i)
                if c != -1 and (l == -1 or c < l):
                    fields.append(data[i:c].strip(b' '))
                    i = c + 1
                else:
                    e = n if l == -1 else l
                    v = data[i:e]
                    if v.endswith(b'\r'):
                        v = v[:-1]
                    fields.append(v.strip(b' '))
                    i = e + 1 if l != -1 else n
                    lineno += 1
                    finished = True
        pos = i
        if bad is not None:
            col_idx, val, msg = bad
            problems.append((start_line, col_idx, val, msg))
            continue
        records.append((start_line, fields))
    return records


def _decode(b):
    try:
        return b.decode('utf-8'), True
    except UnicodeDecodeError:
        return b.decode('utf-8', 'replace'), False


class Table:
    def __init__(self, name, path):
        self.name = name          # display file name
        self.path = path
        self.present = False
        self.rows = []            # list of (line, {col: str or None})
        self.ok = True


def load_table(path, display, required_cols, named_cols, probs, must_exist):
    t = Table(display, path)
    if not os.path.exists(path):
        if must_exist:
            probs.error(display, 0, '-', '', 'the file %s is required' % os.path.basename(path))
            t.ok = False
        return t
    t.present = True
    probs._files.setdefault(display, len(probs._files))
    try:
        with open(path, 'rb') as f:
            data = f.read()
    except OSError as e:
        probs.error(display, 0, '-', '', 'a readable file (%s)' % e.strerror)
        t.ok = False
        return t
    syntax = []
    records = read_csv_records(data, display, syntax)
    header = None
    header_line = 1
    if records and (not syntax or records[0][0] < syntax[0][0]):
        header_line, hfields = records[0]
        records = records[1:]
        header = []
        for hb in hfields:
            s, good = _decode(hb)
            if not good:
                probs.error(display, header_line, s, s, 'UTF-8 text')
                t.ok = False
            header.append(s.strip(' ').lower())
    for (line, col_idx, val, msg) in syntax:
        if header is not None and col_idx < len(header):
            col = header[col_idx]
        else:
            col = '#%d' % (col_idx + 1)
        probs.error(display, line, col, _decode(val)[0], msg)
    if header is None:
        if not syntax:
            for c in required_cols:
                probs.error(display, 1, c, '', 'a header row naming the required column %s (the file is empty)' % c)
        t.ok = False
        return t
    index = {}
    for i, h in enumerate(header):
        if h in named_cols:
            if h in index:
                probs.error(display, header_line, h, h, 'each column only once in the header')
                t.ok = False
            else:
                index[h] = i
    for c in required_cols:
        if c not in index:
            probs.error(display, header_line, c, '', 'a column named %s in the header' % c)
            t.ok = False
    if not t.ok:
        return t
    width = len(header)
    for line, fields in records:
        if len(fields) != width:
            probs.error(display, line, '*', '%d fields' % len(fields),
                        '%d fields, as many as the header has' % width)
            t.ok = False
            continue
        row = {}
        good_row = True
        for i, fb in enumerate(fields):
            s, good = _decode(fb)
            if not good:
                probs.error(display, line, header[i] or '#%d' % (i + 1), s, 'UTF-8 text')
                t.ok = False
                good_row = False
        if not good_row:
            continue
        for c, i in index.items():
            s = fields[i].decode('utf-8')
            row[c] = s if s != '' else None
        t.rows.append((line, row))
    return t


# ---------------------------------------------------------------------------
# Value types

NUM_RE = re.compile(r'[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?')
INT_RE = re.compile(r'[0-9]+')
DATE_RE = re.compile(
    r'([0-9]{4})-([0-9]{2})-([0-9]{2})'
    r'(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?'
    r'(?:Z|[+-]([0-9]{2}):([0-9]{2}))?)?')


def parse_number(s):
    if s is None or not NUM_RE.fullmatch(s):
        return None
    try:
        v = float(s)
    except (ValueError, OverflowError):
        return None
    if not math.isfinite(v):
        return None
    return v


def parse_int(s):
    if s is None or not INT_RE.fullmatch(s):
        return None
    try:
        return int(s)
    except ValueError:
        return None


def parse_date(s):
    """Return the proleptic Gregorian ordinal of the date as written, or None."""
    if s is None:
        return None
    m = DATE_RE.fullmatch(s)
    if not m:
        return None
    y, mo, d, hh, mi, ss, tzh, tzm = m.groups()
    if hh is not None:
        if int(hh) > 23 or int(mi) > 59:
            return None
        if ss is not None and int(ss) > 60:
            return None
        if tzh is not None and (int(tzh) > 23 or int(tzm) > 59):
            return None
    try:
        return datetime.date(int(y), int(mo), int(d)).toordinal()
    except ValueError:
        return None


def ord2str(o):
    d = datetime.date.fromordinal(o)
    return '%04d-%02d-%02d' % (d.year, d.month, d.day)


class RowParser:
    """Typed access to one row's named columns, reporting data errors."""

    def __init__(self, table, line, row, probs):
        self.t = table
        self.line = line
        self.row = row
        self.probs = probs
        self.ok = True

    def _err(self, col, value, expected):
        self.probs.error(self.t.name, self.line, col, value, expected)
        self.ok = False

    def text(self, col, required=False):
        v = self.row.get(col)
        if v is None and required:
            self._err(col, '', 'a value (the column is required)')
        return v

    def date(self, col, required=False):
        v = self.row.get(col)
        if v is None:
            if required:
                self._err(col, '', 'a date YYYY-MM-DD (the column is required)')
            return None
        o = parse_date(v)
        if o is None:
            self._err(col, v, 'a date YYYY-MM-DD (or an ISO 8601 timestamp) that exists')
        return o

    def number(self, col, required=False, default=None, nonneg=False):
        v = self.row.get(col)
        if v is None:
            if required:
                self._err(col, '', 'a number (the column is required)')
            return default
        x = parse_number(v)
        if x is None:
            self._err(col, v, 'a finite number such as 12 or -3.5 or 1e3')
            return default
        if nonneg and x < 0:
            self._err(col, v, 'a number >= 0')
            return default
        return x

    def integer(self, col, required=False, lo=None, hi=None):
        v = self.row.get(col)
        if v is None:
            if required:
                self._err(col, '', 'a whole number (the column is required)')
            return None
        x = parse_int(v)
        if x is None:
            self._err(col, v, 'a whole number made of the digits 0-9')
            return None
        if (lo is not None and x < lo) or (hi is not None and x > hi):
            self._err(col, v, 'a whole number from %d to %d' % (lo, hi))
            return None
        return x

    def enum(self, col, choices, default=None, required=False):
        v = self.row.get(col)
        if v is None:
            if required:
                self._err(col, '', 'one of %s (the column is required)' % ', '.join(choices))
            return default
        lv = v.lower()
        if lv not in choices:
            self._err(col, v, 'one of %s' % ', '.join(choices))
            return default
        return lv


# ---------------------------------------------------------------------------
# lifeline.toml

FACTORS = ['usage', 'support', 'payment', 'expansion', 'relationship', 'tenure', 'nps']

DEFAULT_WEIGHTS = {'usage': 25, 'support': 20, 'payment': 15, 'expansion': 15,
                   'relationship': 10, 'tenure': 10, 'nps': 5}
DEFAULT_RISK = {'inactive_days': 60, 'low_health': 4.0, 'stale_ticket_days': 14,
                'failed_payment_days': 60, 'usage_decline': 0.25,
                'purchase_gap_factor': 1.5, 'fair_health': 6.0, 'renewal_days': 90,
                'renewal_health': 7.0, 'lapse_days': 365}
DEFAULT_TIERS = {'platinum': 5, 'gold': 15, 'silver': 30, 'bronze': 50}
DEFAULT_CLV = {'gross_margin': 0.75, 'discount_rate': 0.10, 'max_lifespan_years': 10}
TIER_NAMES = ['platinum', 'gold', 'silver', 'bronze']
KPI_ORDER = ['accounts', 'active', 'churned', 'mrr', 'arpc', 'churn_rate', 'retention_rate',
             'nrr', 'grr', 'expansion', 'contraction', 'churned_revenue',
             'repeat_purchase_rate', 'nps', 'csat', 'avg_health', 'avg_clv',
             'clv_cac_ratio', 'revenue_at_risk', 'lifespan_years',
             'purchase_frequency', 'avg_deal_size']
GOAL_METRICS = KPI_ORDER


class Config:
    def __init__(self):
        self.as_of = None
        self.weights = {k: float(v) for k, v in DEFAULT_WEIGHTS.items()}
        self.risk = dict(DEFAULT_RISK)
        self.tiers = dict(DEFAULT_TIERS)
        self.gross_margin = 0.75
        self.discount_rate = 0.10
        self.max_lifespan_years = 10.0
        self.lifespan_years = None
        self.forecast_model = 'auto'
        self.period_months = 12
        self.horizon_months = 12
        self.cohort_months = 24
        self.goals_start = None
        self.goals = []             # (metric, target_6, target_12), file order
        self.goals_baseline = {}
        self.rules = []             # Rule


class Rule:
    def __init__(self, name, when, play, due_days, cooldown_days):
        self.name = name
        self.when = when            # parsed expression (see parse_when)
        self.play = play
        self.due_days = due_days
        self.cooldown_days = cooldown_days


def _toml_line(text, table, key):
    """Best-effort line number of `key` inside `[table]` (table None = root)."""
    cur = None
    lines = text.split('\n')
    for i, raw in enumerate(lines, 1):
        s = raw.strip()
        if s.startswith('['):
            m = re.match(r'\[\s*([A-Za-z0-9_."\' -]+?)\s*\]', s)
            cur = m.group(1).strip().strip('"\'') if m else None
            if cur is not None:
                cur = re.sub(r'\s*\.\s*', '.', cur)
            if table is not None and cur == table and key is None:
                return i
            if cur == (key if table is None else '%s.%s' % (table, key)):
                return i
            continue
        m = re.match(r'["\']?([A-Za-z0-9_-]+)["\']?\s*(\.\s*["\']?([A-Za-z0-9_-]+)["\']?)?\s*=', s)
        if not m:
            continue
        k1, k2 = m.group(1), m.group(3)
        if table is None:
            if cur is None and k1 == key and k2 is None:
                return i
        else:
            if cur == table and k1 == key:
                return i
            if cur is None and k1 == table and (key is None or k2 == key):
                return i
    return 1


def _is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _tval(v):
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return 'true' if v else 'false'
    if isinstance(v, dict):
        return '{...}'
    if isinstance(v, list):
        return '[...]'
    return str(v)


# ---------------------------------------------------------------------------
# §17 `when` expressions

TEXT_SIGNALS = ('id', 'name', 'owner', 'plan', 'status', 'risk', 'tier')
FOLDED_SIGNALS = ('status', 'risk', 'tier')
NUMBER_SIGNALS = (
    'health', 'health_delta', 'mrr', 'annual_revenue', 'clv', 'net_clv', 'lifetime_revenue',
    'predicted_clv', 'renewal_probability', 'p_alive', 'days_inactive', 'utilization',
    'usage_trend', 'tenure_months', 'days_to_renewal', 'days_since_churn', 'nps',
    'open_tickets', 'urgent_open_tickets', 'oldest_open_ticket_days', 'failed_payments',
) + tuple('factor_' + f for f in FACTORS)
KEYWORDS = ('and', 'or', 'not', 'in')
WHEN_TOKEN = re.compile(
    r'(?P<number>[+-]?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)'
    r'|(?P<string>"[^"]*")'
    r'|(?P<op><=|>=|==|!=|<|>)'
    r'|(?P<punct>[()\[\],])'
    r'|(?P<word>[A-Za-z_][A-Za-z0-9_]*)')


class WhenError(Exception):
    pass


def _when_tokens(src):
    tokens = []
    i = 0
    while True:
        while i < len(src) and src[i] in ' \t\r\n':
            i += 1
        if i == len(src):
            return tokens
        m = WHEN_TOKEN.match(src, i)
        if not m:
            raise WhenError('unexpected %r at character %d' % (src[i], i + 1))
        kind = m.lastgroup
        text = m.group(kind)
        if kind == 'number':
            value = float(text)
            if not math.isfinite(value):
                raise WhenError('number %s is not finite' % text)
            tokens.append(('number', value))
        elif kind == 'string':
            tokens.append(('string', text[1:-1]))
        else:
            tokens.append((kind, text))
        i = m.end()


def parse_when(src):
    """Parse a rule condition into nested tuples:
    ('or', [n..]) | ('and', [n..]) | ('not', n) | ('cmp', signal, op, literal)
    | ('in', signal, [literals]).  Raises WhenError."""
    toks = _when_tokens(src)
    pos = [0]

    def peek():
        return toks[pos[0]] if pos[0] < len(toks) else (None, None)

    def take(kind, text=None):
        k, t = peek()
        if k != kind or (text is not None and t != text):
            want = text or kind
            raise WhenError('expected %s, found %s' % (want, 'the end' if k is None else repr(t)))
        pos[0] += 1
        return t

    def literal(signal):
        k, t = peek()
        if k not in ('number', 'string'):
            raise WhenError('expected a number or a "string" after %s' % signal)
        if (k == 'string') != (signal in TEXT_SIGNALS):
            raise WhenError('%s compares with a %s' % (
                signal, 'string in double quotes' if signal in TEXT_SIGNALS else 'number'))
        pos[0] += 1
        return t

    def expr():
        items = [term()]
        while peek() == ('word', 'or'):
            pos[0] += 1
            items.append(term())
        return items[0] if len(items) == 1 else ('or', items)

    def term():
        items = [factor()]
        while peek() == ('word', 'and'):
            pos[0] += 1
            items.append(factor())
        return items[0] if len(items) == 1 else ('and', items)

    def factor():
        k, t = peek()
        if (k, t) == ('word', 'not'):
            pos[0] += 1
            return ('not', factor())
        if (k, t) == ('punct', '('):
            pos[0] += 1
            e = expr()
            take('punct', ')')
            return e
        signal = take('word')
        if signal in KEYWORDS or (signal not in TEXT_SIGNALS and signal not in NUMBER_SIGNALS):
            raise WhenError('unknown signal %s' % signal)
        k, t = peek()
        if (k, t) == ('word', 'in'):
            pos[0] += 1
            take('punct', '[')
            items = [literal(signal)]
            while peek() == ('punct', ','):
                pos[0] += 1
                items.append(literal(signal))
            take('punct', ']')
            return ('in', signal, items)
        op = take('op')
        return ('cmp', signal, op, literal(signal))

    e = expr()
    if pos[0] != len(toks):
        raise WhenError('unexpected %r after the condition' % (toks[pos[0]][1],))
    return e


COMPARE = {'<': lambda a, b: a < b, '<=': lambda a, b: a <= b, '>': lambda a, b: a > b,
           '>=': lambda a, b: a >= b, '==': lambda a, b: a == b, '!=': lambda a, b: a != b}


def eval_when(node, signals):
    kind = node[0]
    if kind == 'or':
        return any(eval_when(n, signals) for n in node[1])
    if kind == 'and':
        return all(eval_when(n, signals) for n in node[1])
    if kind == 'not':
        return not eval_when(node[1], signals)
    signal = node[1]
    value = signals[signal]
    if value is None:
        return False
    fold = (lambda v: v.lower()) if signal in FOLDED_SIGNALS else (lambda v: v)
    if kind == 'in':
        return any(fold(value) == fold(v) for v in node[2])
    return COMPARE[node[2]](fold(value), fold(node[3]))


def _toml_date(v):
    """A TOML date, date-time (its date as written) or §1 date string, as an
    ordinal; None for anything else."""
    if isinstance(v, str):
        return parse_date(v)
    if isinstance(v, datetime.datetime):
        return datetime.date(v.year, v.month, v.day).toordinal()
    if isinstance(v, datetime.date):
        return v.toordinal()
    return None


def _rules_line(text, index):
    """Line of the index-th (0-based) [[rules]] header, 1 if not found."""
    seen = 0
    for i, raw in enumerate(text.split('\n'), 1):
        if re.match(r'\s*\[\[\s*rules\s*\]\]', raw):
            if seen == index:
                return i
            seen += 1
    return 1


def load_config(path, probs):
    cfg = Config()
    if path is None or not os.path.exists(path):
        return cfg
    name = 'lifeline.toml'
    disp = path
    try:
        with open(path, 'rb') as f:
            raw = f.read()
    except OSError as e:
        probs.error(disp, 0, '-', '', 'a readable file (%s)' % e.strerror)
        return cfg
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError:
        probs.error(disp, 1, '-', raw.decode('utf-8', 'replace')[:40], 'UTF-8 text')
        return cfg
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r'line (\d+)', str(e))
        probs.error(disp, int(m.group(1)) if m else 1, '-', '', 'valid TOML (%s)' % e)
        return cfg

    def err(table, key, value, expected):
        full = key if table is None else ('%s.%s' % (table, key) if key else table)
        probs.error(disp, _toml_line(text, table, key), full, _tval(value), expected)

    for k, v in doc.items():
        if k == 'as_of':
            if isinstance(v, str):
                o = parse_date(v)
                if o is None:
                    err(None, k, v, 'a date "YYYY-MM-DD" that exists')
                else:
                    cfg.as_of = o
            elif isinstance(v, datetime.datetime):
                cfg.as_of = datetime.date(v.year, v.month, v.day).toordinal()
            elif isinstance(v, datetime.date):
                cfg.as_of = v.toordinal()
            else:
                err(None, k, v, 'a date "YYYY-MM-DD"')
        elif k in ('currency', 'theme'):
            if not isinstance(v, str):
                err(None, k, v, 'a string')
        elif k in ('weights', 'risk', 'tiers', 'clv', 'forecast', 'cohorts', 'goals'):
            if not isinstance(v, dict):
                err(None, k, v, 'a table [%s]' % k)
                continue
            _load_section(cfg, k, v, err)
        elif k == 'rules':
            if not isinstance(v, list) or not all(isinstance(t, dict) for t in v):
                err(None, k, v, 'an array of tables [[rules]]')
                continue
            _load_rules(cfg, v, lambda i, key, value, expected: probs.error(
                disp, _rules_line(text, i), key, _tval(value), expected))
        else:
            err(None, k, v, 'a known key (as_of, currency, theme, [weights], [risk], [tiers], '
                            '[clv], [forecast], [cohorts], [goals], [[rules]])')
    return cfg


def _whole_in(v, lo, hi):
    """v as an int when it is a whole number (TOML integer or integral float)
    in [lo, hi]; else None."""
    if not _is_number(v) or not math.isfinite(float(v)) or float(v) != math.floor(float(v)):
        return None
    if not lo <= v <= hi:
        return None
    return int(v)


TARGET_RE = re.compile(r'([+-])([0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)(%?)')


def parse_target(v):
    """A goal target as ('value', x) | ('add', signed x) | ('percent', signed x),
    or None when malformed."""
    if _is_number(v):
        return ('value', float(v)) if math.isfinite(float(v)) else None
    if not isinstance(v, str):
        return None
    m = TARGET_RE.fullmatch(v)
    if not m:
        return None
    x = float(m.group(2))
    if not math.isfinite(x):
        return None
    if m.group(1) == '-':
        x = -x
    return ('percent' if m.group(3) else 'add', x)


def _load_rules(cfg, tables, err):
    names = set()
    for i, t in enumerate(tables):
        label = 'rules.%s' % t['name'] if isinstance(t.get('name'), str) else 'rules[%d]' % (i + 1)
        good = True
        for key in t:
            if key not in ('name', 'when', 'play', 'due_days', 'cooldown_days'):
                err(i, '%s.%s' % (label, key), t[key], 'a known rule key (name, when, play, due_days, cooldown_days)')
                good = False
        for key in ('name', 'when', 'play'):
            if key not in t:
                err(i, '%s.%s' % (label, key), '', 'a value (the key is required)')
                good = False
            elif not isinstance(t[key], str) or t[key] == '':
                err(i, '%s.%s' % (label, key), t[key], 'a non-empty string')
                good = False
        days = {}
        for key, default in (('due_days', 7), ('cooldown_days', 30)):
            v = t.get(key, default)
            days[key] = _whole_in(v, 0, 1000000)
            if days[key] is None:
                err(i, '%s.%s' % (label, key), v, 'a whole number from 0 to 1000000')
                good = False
        name = t.get('name')
        if isinstance(name, str):
            if name in names:
                err(i, '%s.name' % label, name, 'a rule name used once')
                good = False
            names.add(name)
        when = None
        if isinstance(t.get('when'), str):
            try:
                when = parse_when(t['when'])
            except WhenError as e:
                err(i, '%s.when' % label, t['when'], 'a valid condition (%s)' % e)
                good = False
        if good:
            cfg.rules.append(Rule(name, when, t['play'], days['due_days'], days['cooldown_days']))


def _load_section(cfg, sec, tbl, err):
    def number(key, v, nonneg=True):
        if not _is_number(v) or not math.isfinite(float(v)):
            err(sec, key, v, 'a number')
            return None
        if nonneg and v < 0:
            err(sec, key, v, 'a number >= 0')
            return None
        return float(v)

    def whole(key, v):
        if not _is_number(v) or not math.isfinite(float(v)) or float(v) != math.floor(float(v)):
            err(sec, key, v, 'a whole number')
            return None
        if v < 0:
            err(sec, key, v, 'a whole number >= 0')
            return None
        return int(v)

    if sec == 'weights':
        for k, v in tbl.items():
            if k not in DEFAULT_WEIGHTS:
                err(sec, k, v, 'a known weight (%s)' % ', '.join(FACTORS))
                continue
            x = number(k, v)
            if x is not None:
                cfg.weights[k] = x
    elif sec == 'risk':
        for k, v in tbl.items():
            if k not in DEFAULT_RISK:
                err(sec, k, v, 'a known risk key (%s)' % ', '.join(DEFAULT_RISK))
                continue
            if k.endswith('_days'):
                x = whole(k, v)
            else:
                x = number(k, v)
            if x is not None:
                cfg.risk[k] = x
    elif sec == 'tiers':
        good = True
        for k, v in tbl.items():
            if k not in DEFAULT_TIERS:
                err(sec, k, v, 'a known tier (%s)' % ', '.join(TIER_NAMES))
                good = False
                continue
            x = whole(k, v)
            if x is None:
                good = False
            else:
                cfg.tiers[k] = x
        if good and sum(cfg.tiers[t] for t in TIER_NAMES) != 100:
            err(sec, None, '%d' % sum(cfg.tiers[t] for t in TIER_NAMES),
                'tier cuts platinum + gold + silver + bronze summing to 100')
    elif sec == 'forecast':
        for k, v in tbl.items():
            if k == 'model':
                if v not in ('auto', 'subscription', 'purchases'):
                    err(sec, k, v, 'one of "auto", "subscription", "purchases"')
                else:
                    cfg.forecast_model = v
            elif k == 'period_months':
                x = _whole_in(v, 1, 12)
                if x not in (1, 3, 6, 12):
                    err(sec, k, v, 'one of 1, 3, 6, 12')
                else:
                    cfg.period_months = x
            elif k == 'horizon_months':
                x = _whole_in(v, 1, 120)
                if x is None:
                    err(sec, k, v, 'a whole number from 1 to 120')
                else:
                    cfg.horizon_months = x
            else:
                err(sec, k, v, 'a known forecast key (model, period_months, horizon_months)')
    elif sec == 'cohorts':
        for k, v in tbl.items():
            if k != 'months':
                err(sec, k, v, 'a known cohorts key (months)')
                continue
            x = _whole_in(v, 1, 120)
            if x is None:
                err(sec, k, v, 'a whole number from 1 to 120')
            else:
                cfg.cohort_months = x
    elif sec == 'goals':
        for k, v in tbl.items():
            if k == 'start':
                o = _toml_date(v)
                if o is None:
                    err(sec, k, v, 'a date "YYYY-MM-DD"')
                else:
                    cfg.goals_start = o
            elif k == 'baseline':
                if not isinstance(v, dict):
                    err(sec, k, v, 'a table [goals.baseline]')
                    continue
                for m, x in v.items():
                    if m not in GOAL_METRICS:
                        err('goals.baseline', m, x, 'a known metric (%s)' % ', '.join(GOAL_METRICS))
                    elif not _is_number(x) or not math.isfinite(float(x)):
                        err('goals.baseline', m, x, 'a finite number')
                    else:
                        cfg.goals_baseline[m] = float(x)
            elif k not in GOAL_METRICS:
                err(sec, k, v, 'a known metric (%s)' % ', '.join(GOAL_METRICS))
            else:
                targets = [parse_target(t) for t in v] if isinstance(v, list) else []
                if len(targets) != 2 or None in targets:
                    err(sec, k, v, 'a pair [6-month target, 12-month target], each "+N%", '
                                   '"-N%", "+N", "-N" or a number')
                else:
                    cfg.goals.append((k, targets[0], targets[1]))
    elif sec == 'clv':
        for k, v in tbl.items():
            if k not in ('gross_margin', 'discount_rate', 'max_lifespan_years', 'lifespan_years'):
                err(sec, k, v, 'a known clv key (gross_margin, discount_rate, max_lifespan_years, lifespan_years)')
                continue
            x = number(k, v)
            if x is None:
                continue
            if k == 'gross_margin':
                cfg.gross_margin = x
            elif k == 'discount_rate':
                cfg.discount_rate = x
            elif k == 'max_lifespan_years':
                cfg.max_lifespan_years = x
            else:
                cfg.lifespan_years = x


# ---------------------------------------------------------------------------
# Workspace model


class Account:
    __slots__ = ('order', 'line', 'id', 'name', 'start', 'mrr', 'status', 'churn_date',
                 'renewal', 'seats', 'contacts', 'cac', 'owner', 'plan',
                 'usage', 'tx', 'tickets', 'surveys',
                 'last_activity', 'days_inactive', 'churned_on')

    def __init__(self):
        self.usage = []     # (date, users)
        self.tx = []        # (date, amount, status)
        self.tickets = []   # (opened, closed|None, priority, csat|None)
        self.surveys = []   # (date, kind, score)


class Workspace:
    def __init__(self):
        self.accounts = []
        self.by_id = {}
        self.has = {'usage': False, 'transactions': False, 'tickets': False, 'surveys': False}
        self.dates = []     # every parsed date except renewal_date
        # raw rows: (account_id, ...), attached after as_of is known
        self.usage = []
        self.tx = []
        self.tickets = []
        self.surveys = []
        self.task_rows = []  # (line, rule, account_id, status, date), §17


def load_workspace(path, probs):
    ws = Workspace()
    if os.path.isdir(path):
        def p(name):
            return os.path.join(path, name)
        acc_path = p('accounts.csv')
        others = True
        toml_path = p('lifeline.toml')
    else:
        acc_path = path
        others = False
        toml_path = None

    acc = load_table(acc_path, acc_path, ['id', 'name', 'start_date'],
                     {'id', 'name', 'start_date', 'mrr', 'status', 'churn_date', 'renewal_date',
                      'seats', 'contacts', 'cac', 'owner', 'plan'}, probs, True)
    for line, row in acc.rows:
        rp = RowParser(acc, line, row, probs)
        a = Account()
        a.line = line
        a.id = rp.text('id', True)
        a.name = rp.text('name', True)
        a.start = rp.date('start_date', True)
        a.mrr = rp.number('mrr', default=0.0, nonneg=True)
        a.status = rp.enum('status', ('active', 'churned'), default='active')
        a.churn_date = rp.date('churn_date')
        a.renewal = rp.date('renewal_date')
        a.seats = rp.integer('seats')
        a.contacts = rp.integer('contacts')
        a.cac = rp.number('cac', default=0.0, nonneg=True)
        a.owner = rp.text('owner')
        a.plan = rp.text('plan')
        for d in (a.start, a.churn_date):
            if d is not None:
                ws.dates.append(d)
        if a.id is not None:
            if a.id in ws.by_id:
                rp._err('id', a.id, 'a unique account id (line %d has it too)' % ws.by_id[a.id].line)
                continue
        if not rp.ok:
            # keep the id known so that other tables do not call its rows orphans
            if a.id is not None:
                ws.by_id[a.id] = a
            continue
        a.order = len(ws.accounts)
        ws.accounts.append(a)
        ws.by_id[a.id] = a

    if not others:
        return ws, load_config(None, probs)

    def orphan(t, line, aid):
        probs.warn(t.name, line, 'account_id', aid, 'an id from accounts.csv (row left out)')

    t = load_table(p('usage.csv'), p('usage.csv'), ['account_id', 'date', 'active_users'],
                   {'account_id', 'date', 'active_users'}, probs, False)
    ws.has['usage'] = t.present
    for line, row in t.rows:
        rp = RowParser(t, line, row, probs)
        aid = rp.text('account_id', True)
        d = rp.date('date', True)
        u = rp.integer('active_users', True)
        if d is not None:
            ws.dates.append(d)
        if rp.ok:
            if aid in ws.by_id:
                ws.usage.append((aid, d, u))
            else:
                orphan(t, line, aid)

    t = load_table(p('transactions.csv'), p('transactions.csv'), ['account_id', 'date', 'amount'],
                   {'account_id', 'date', 'amount', 'status', 'id'}, probs, False)
    ws.has['transactions'] = t.present
    for line, row in t.rows:
        rp = RowParser(t, line, row, probs)
        aid = rp.text('account_id', True)
        d = rp.date('date', True)
        amt = rp.number('amount', True)
        st = rp.enum('status', ('paid', 'late', 'failed', 'open'), default='paid')
        if d is not None:
            ws.dates.append(d)
        if rp.ok:
            if aid in ws.by_id:
                ws.tx.append((aid, d, amt, st))
            else:
                orphan(t, line, aid)

    t = load_table(p('tickets.csv'), p('tickets.csv'), ['account_id', 'opened', 'closed'],
                   {'account_id', 'opened', 'closed', 'id', 'priority', 'csat'}, probs, False)
    ws.has['tickets'] = t.present
    for line, row in t.rows:
        rp = RowParser(t, line, row, probs)
        aid = rp.text('account_id', True)
        op = rp.date('opened', True)
        cl = rp.date('closed')
        pr = rp.enum('priority', ('low', 'normal', 'high', 'urgent'), default='normal')
        cs = rp.integer('csat', lo=1, hi=5)
        for d in (op, cl):
            if d is not None:
                ws.dates.append(d)
        if rp.ok:
            if aid in ws.by_id:
                ws.tickets.append((aid, op, cl, pr, cs))
            else:
                orphan(t, line, aid)

    t = load_table(p('surveys.csv'), p('surveys.csv'), ['account_id', 'date', 'kind', 'score'],
                   {'account_id', 'date', 'kind', 'score'}, probs, False)
    ws.has['surveys'] = t.present
    for line, row in t.rows:
        rp = RowParser(t, line, row, probs)
        aid = rp.text('account_id', True)
        d = rp.date('date', True)
        kind = rp.enum('kind', ('nps', 'csat'), required=True)
        if kind == 'nps':
            sc = rp.integer('score', True, 0, 10)
        elif kind == 'csat':
            sc = rp.integer('score', True, 1, 5)
        else:
            sc = rp.integer('score', True)
        if d is not None:
            ws.dates.append(d)
        if rp.ok:
            if aid in ws.by_id:
                ws.surveys.append((aid, d, kind, sc))
            else:
                orphan(t, line, aid)

    cfg = load_config(toml_path, probs)

    t = load_table(p('tasks.csv'), p('tasks.csv'), ['rule', 'account_id', 'status', 'date'],
                   {'rule', 'account_id', 'status', 'date', 'note'}, probs, False)
    rule_names = {rule.name for rule in cfg.rules}
    for line, row in t.rows:
        rp = RowParser(t, line, row, probs)
        rule = rp.text('rule', True)
        aid = rp.text('account_id', True)
        status = rp.enum('status', ('done', 'snoozed'), required=True)
        d = rp.date('date', True)
        if not rp.ok:
            continue
        if rule not in rule_names:
            probs.warn(t.name, line, 'rule', rule, 'a rule named in lifeline.toml (row left out)')
        elif aid not in ws.by_id:
            orphan(t, line, aid)
        else:
            ws.task_rows.append((line, rule, aid, status, d))
    return ws, cfg


# ---------------------------------------------------------------------------
# Analytics


def scale(x, lo, hi):
    v = (x - lo) / (hi - lo)
    if v < 0:
        v = 0.0
    elif v > 1:
        v = 1.0
    return 1 + 9 * v


def clamp(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def attach_rows(ws, as_of):
    """A view of each taking-part account (a copy of it) holding its
    taking-part rows, in file order; the loaded accounts stay untouched so that
    the analytics can run at several as_of dates."""
    part = {}
    for loaded in ws.accounts:
        if loaded.start <= as_of:
            a = copy.copy(loaded)
            a.usage = []
            a.tx = []
            a.tickets = []
            a.surveys = []
            part[a.id] = a
    for aid, d, u in ws.usage:
        a = part.get(aid)
        if a is not None and d <= as_of:
            a.usage.append((d, u))
    for aid, d, amt, st in ws.tx:
        a = part.get(aid)
        if a is not None and d <= as_of:
            a.tx.append((d, amt, st))
    for aid, op, cl, pr, cs in ws.tickets:
        a = part.get(aid)
        if a is not None and op <= as_of:
            a.tickets.append((op, cl, pr, cs))
    for aid, d, kind, sc in ws.surveys:
        a = part.get(aid)
        if a is not None and d <= as_of:
            a.surveys.append((d, kind, sc))
    return list(part.values())


def usage_signals(a, A):
    """(has_usage, u_now, u_prev, trend, utilization) at as_of A."""
    has = False
    now = []
    prev = []
    for d, u in a.usage:
        if d > A:
            continue
        has = True
        if A - 30 < d:
            now.append(u)
        elif A - 60 < d:
            prev.append(u)
    u_now = math.fsum(now) / len(now) if now else 0.0
    u_prev = math.fsum(prev) / len(prev) if prev else 0.0
    if u_prev > 0:
        trend = (u_now - u_prev) / u_prev
    elif u_now > 0:
        trend = 1.0
    else:
        trend = 0.0
    util = None
    if has and a.seats is not None and a.seats > 0:
        util = u_now / a.seats
    return has, float(u_now), float(u_prev), float(trend), util


def unresolved(tk, A):
    op, cl, pr, cs = tk
    return op <= A and (cl is None or cl > A)


def health_at(a, A, ws, cfg):
    """Return (health or None, factors dict) at as_of A."""
    has, u_now, u_prev, trend, util = usage_signals(a, A)
    f = {}
    # usage
    if not has:
        f['usage'] = None
    elif u_now == 0:
        f['usage'] = 1.0
    elif util is not None:
        f['usage'] = 0.7 * scale(util, 0, 0.8) + 0.3 * scale(trend, -0.5, 0.5)
    else:
        f['usage'] = scale(trend, -0.5, 0.5)
    # support
    if not ws.has['tickets']:
        f['support'] = None
    else:
        ratings = []
        n_un = 0
        n_hi = 0
        for tk in a.tickets:
            op, cl, pr, cs = tk
            if op > A:
                continue
            if cl is not None and A - 90 < cl <= A and cs is not None:
                ratings.append(cs)
            if cl is None or cl > A:
                n_un += 1
                if pr in ('high', 'urgent'):
                    n_hi += 1
        base = scale(math.fsum(ratings) / len(ratings), 1, 5) if ratings else 8.0
        f['support'] = float(clamp(base - 1.5 * n_un - 1.5 * n_hi, 1, 10))
    # payment
    n_paid = n_late = n_failed = 0
    for d, amt, st in a.tx:
        if A - 365 < d <= A:
            if st == 'paid':
                n_paid += 1
            elif st == 'late':
                n_late += 1
            elif st == 'failed':
                n_failed += 1
    tot = n_paid + n_late + n_failed
    if tot == 0:
        f['payment'] = None
    else:
        on_time = n_paid / tot
        f['payment'] = float(clamp(scale(on_time, 0.5, 1) - 2 * n_failed, 1, 10))
    # expansion
    f['expansion'] = None if util is None else scale(util, 0.5, 1)
    # relationship
    f['relationship'] = None if a.contacts is None else scale(a.contacts, 1, 6)
    # tenure
    f['tenure'] = scale((A - a.start) / 30.4375, 0, 36)
    # nps
    best_nps = None
    best_csat = None
    for d, kind, sc in a.surveys:
        if not (A - 365 < d <= A):
            continue
        if kind == 'nps':
            if best_nps is None or d >= best_nps[0]:
                best_nps = (d, sc)
        else:
            if best_csat is None or d >= best_csat[0]:
                best_csat = (d, sc)
    if best_nps is not None:
        f['nps'] = scale(best_nps[1], 0, 10)
    elif best_csat is not None:
        f['nps'] = scale(best_csat[1], 1, 5)
    else:
        f['nps'] = None
    # health
    used = [(cfg.weights[k], f[k]) for k in FACTORS
            if f[k] is not None and cfg.weights[k] != 0]
    den = math.fsum(w for w, s in used)
    health = math.fsum(w * s for w, s in used) / den if den > 0 else None
    return health, f


def active_at(a, D):
    return a.start <= D and not (a.churned_on is not None and a.churned_on <= D)


def add_months(o, months):
    """The date `months` calendar months after ordinal o, on the same day of
    the month or the month's last day when it is shorter (§14.1)."""
    d = datetime.date.fromordinal(o)
    m = d.year * 12 + d.month - 1 + months
    y, mo = divmod(m, 12)
    return datetime.date(y, mo + 1, min(d.day, calendar.monthrange(y, mo + 1)[1])).toordinal()


def compute(ws, cfg, as_of):
    accts = attach_rows(ws, as_of)
    R = cfg.risk

    # signals at as_of
    for a in accts:
        la = None
        for d, u in a.usage:
            if u > 0 and (la is None or d > la):
                la = d
        for d, amt, st in a.tx:
            if st in ('paid', 'late') and (la is None or d > la):
                la = d
        a.last_activity = la
        a.days_inactive = None if la is None else as_of - la
        if a.status == 'churned':
            if a.churn_date is not None:
                a.churned_on = a.churn_date
            elif la is not None:
                a.churned_on = la
            else:
                a.churned_on = a.start
        elif a.days_inactive is not None and a.days_inactive > R['lapse_days']:
            a.churned_on = la + R['lapse_days']
        else:
            a.churned_on = None

    # workspace-wide churn and lifespan
    year_ago = as_of - 365
    den = 0
    lost = 0
    for a in accts:
        if active_at(a, year_ago):
            den += 1
            if not active_at(a, as_of):
                lost += 1
    annual_churn_rate = lost / den if den else None
    if cfg.lifespan_years is not None:
        L = cfg.lifespan_years
    elif annual_churn_rate is None or annual_churn_rate == 0:
        L = cfg.max_lifespan_years
    else:
        L = min(max(1 / annual_churn_rate, 1.0), cfg.max_lifespan_years)
    L = float(L)

    gm = cfg.gross_margin
    dr = cfg.discount_rate
    Lfloor = math.floor(L)
    Lceil = math.ceil(L)

    results = []
    for a in accts:
        r = {}
        active = active_at(a, as_of)
        health, factors = health_at(a, as_of, ws, cfg)
        if a.start > as_of - 30:
            delta = None
        else:
            h30, _ = health_at(a, as_of - 30, ws, cfg)
            delta = None if (health is None or h30 is None) else health - h30
        # revenue
        revenue = [(d, amt) for d, amt, st in a.tx if st in ('paid', 'late')]
        lifetime = math.fsum(amt for d, amt in revenue)
        rev_365 = math.fsum(amt for d, amt in revenue if as_of - 365 < d)
        rev_dates = {d for d, amt in revenue}
        # risk
        reasons = []
        if not active:
            risk = 'churned'
        else:
            has, u_now, u_prev, trend, util = usage_signals(a, as_of)
            high = []
            if a.days_inactive is not None and a.days_inactive > R['inactive_days']:
                high.append('inactive')
            if health is not None and health < R['low_health']:
                high.append('low_health')
            if any(unresolved(tk, as_of) and as_of - tk[0] > R['stale_ticket_days'] for tk in a.tickets):
                high.append('stale_ticket')
            fpd = R['failed_payment_days']
            if any(st == 'failed' and as_of - fpd < d <= as_of for d, amt, st in a.tx):
                high.append('failed_payment')
            med = []
            if u_prev > 0 and trend <= -R['usage_decline']:
                med.append('usage_decline')
            if len(rev_dates) >= 3:
                ds = sorted(rev_dates)
                gaps = sorted(ds[i + 1] - ds[i] for i in range(len(ds) - 1))
                m = len(gaps)
                if m % 2 == 1:
                    median = float(gaps[m // 2])
                else:
                    median = (gaps[m // 2 - 1] + gaps[m // 2]) / 2
                if as_of - ds[-1] > R['purchase_gap_factor'] * median:
                    med.append('purchase_gap')
            if health is not None and health < R['fair_health']:
                med.append('fair_health')
            if (a.renewal is not None and 0 <= a.renewal - as_of <= R['renewal_days']
                    and health is not None and health < R['renewal_health']):
                med.append('renewal_soon')
            if high:
                risk, reasons = 'high', high
            elif med:
                risk, reasons = 'medium', med
            else:
                risk = 'low'
        # clv
        if active:
            annual = 12 * a.mrr if a.mrr > 0 else rev_365
            simple = annual * L
            clv = math.fsum(annual * gm * (1.0 if t <= Lfloor else L - Lfloor) / (1 + dr) ** t
                            for t in range(1, Lceil + 1))
            net = clv - a.cac
        else:
            annual = 0.0
            simple = 0.0
            clv = 0.0
            net = 0.0 - a.cac
        r.update(acct=a, active=active, health=health, delta=delta, factors=factors,
                 risk=risk, reasons=reasons, annual=float(annual), simple=float(simple),
                 clv=float(clv), net=float(net), lifetime=float(lifetime), tier=None)
        results.append(r)

    # tiers
    act = [r for r in results if r['active']]
    n = len(act)
    ranked = sorted(act, key=lambda r: (-r['clv'], r['acct'].id.encode('utf-8')))
    T = cfg.tiers
    k1 = (n * T['platinum'] + 99) // 100
    k2 = (n * (T['platinum'] + T['gold']) + 99) // 100
    k3 = (n * (T['platinum'] + T['gold'] + T['silver']) + 99) // 100
    for i, r in enumerate(ranked, 1):
        if i <= k1:
            r['tier'] = 'platinum'
        elif i <= k2:
            r['tier'] = 'gold'
        elif i <= k3:
            r['tier'] = 'silver'
        else:
            r['tier'] = 'bronze'
    tiers_out = []
    for tn in TIER_NAMES:
        members = [r for r in ranked if r['tier'] == tn]
        clv_total = math.fsum(r['clv'] for r in members)
        mrr_total = math.fsum(r['acct'].mrr for r in members)
        tiers_out.append({'tier': tn, 'accounts': len(members), 'clv_total': clv_total,
                          'mrr_total': mrr_total,
                          'min_clv': min(r['clv'] for r in members) if members else None})

    # KPIs
    k = {}
    k['accounts'] = len(results)
    k['active'] = n
    k['churned'] = len(results) - n
    mrr = math.fsum(r['acct'].mrr for r in act)
    k['mrr'] = mrr
    k['arpc'] = mrr / n if n else None
    k['churn_rate'] = annual_churn_rate * 100 if annual_churn_rate is not None else None
    k['retention_rate'] = 100 - k['churn_rate'] if k['churn_rate'] is not None else None

    if ws.has['transactions']:
        D0 = as_of - 365
        S = []      # (then, now) of the accounts billed a year before
        repeat2 = repeat1 = 0
        for r in results:
            revenue = [(d, amt) for d, amt, st in r['acct'].tx if st in ('paid', 'late')]
            then = math.fsum(amt for d, amt in revenue if D0 - 30 < d <= D0)
            now = math.fsum(amt for d, amt in revenue if as_of - 30 < d <= as_of)
            if len(revenue) >= 1:
                repeat1 += 1
            if len(revenue) >= 2:
                repeat2 += 1
            if then > 0:
                S.append((then, now))
        s_then = math.fsum(then for then, now in S)
        k['nrr'] = math.fsum(now for then, now in S) / s_then * 100 if S else None
        k['grr'] = math.fsum(min(now, then) for then, now in S) / s_then * 100 if S else None
        k['expansion'] = math.fsum(max(0.0, now - then) for then, now in S)
        k['contraction'] = math.fsum(max(0.0, then - now) for then, now in S if now > 0)
        k['churned_revenue'] = math.fsum(then for then, now in S if now == 0)
        k['repeat_purchase_rate'] = repeat2 / repeat1 * 100 if repeat1 else None
    else:
        for key in ('nrr', 'grr', 'expansion', 'contraction', 'churned_revenue',
                    'repeat_purchase_rate'):
            k[key] = None

    # nps / csat
    prom = det = resp = 0
    c_good = c_all = 0
    for r in results:
        a = r['acct']
        for d, kind, sc in a.surveys:
            if not (as_of - 365 < d <= as_of):
                continue
            if kind == 'nps':
                resp += 1
                if sc >= 9:
                    prom += 1
                elif sc <= 6:
                    det += 1
            else:
                c_all += 1
                if sc >= 4:
                    c_good += 1
        for op, cl, pr, cs in a.tickets:
            if cs is not None and cl is not None and as_of - 365 < cl <= as_of:
                c_all += 1
                if cs >= 4:
                    c_good += 1
    k['nps'] = (prom - det) / resp * 100 if (ws.has['surveys'] and resp) else None
    k['csat'] = c_good / c_all * 100 if c_all else None

    hs = [r['health'] for r in act if r['health'] is not None]
    k['avg_health'] = math.fsum(hs) / len(hs) if hs else None
    k['avg_clv'] = math.fsum(r['clv'] for r in act) / n if n else None
    with_cac = [r for r in act if r['acct'].cac > 0]
    if with_cac:
        m = len(with_cac)
        k['clv_cac_ratio'] = ((math.fsum(r['clv'] for r in with_cac) / m)
                              / (math.fsum(r['acct'].cac for r in with_cac) / m))
    else:
        k['clv_cac_ratio'] = None
    k['revenue_at_risk'] = math.fsum(r['annual'] for r in act if r['risk'] == 'high')
    k['lifespan_years'] = L

    risk_counts = {'low': 0, 'medium': 0, 'high': 0, 'churned': 0}
    for r in results:
        risk_counts[r['risk']] += 1

    # NPS trend
    d = datetime.date.fromordinal(as_of)
    months = []
    y, m = d.year, d.month
    for _ in range(12):
        months.append((y, m))
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    months.reverse()
    buckets = {ym: [0, 0, 0, 0] for ym in months}  # responses, prom, pass, det
    for r in results:
        for sd, kind, sc in r['acct'].surveys:
            if kind != 'nps' or sd > as_of:
                continue
            dd = datetime.date.fromordinal(sd)
            b = buckets.get((dd.year, dd.month))
            if b is None:
                continue
            b[0] += 1
            if sc >= 9:
                b[1] += 1
            elif sc >= 7:
                b[2] += 1
            else:
                b[3] += 1
    trend = []
    for (y, m) in months:
        b = buckets[(y, m)]
        trend.append({'month': '%04d-%02d' % (y, m), 'responses': b[0], 'promoters': b[1],
                      'passives': b[2], 'detractors': b[3],
                      'nps': (b[1] - b[3]) / b[0] * 100 if b[0] else None})

    # §16 metrics that are also KPIs
    if ws.has['transactions']:
        per_account = [[(d, amt) for d, amt, st in r['acct'].tx
                         if st in ('paid', 'late') and as_of - 365 < d] for r in act]
        k['purchase_frequency'] = (math.fsum(len({d for d, amt in rows}) for rows in per_account)
                                   / n) if n else None
        deals = [amt for rows in per_account for d, amt in rows if amt > 0]
        k['avg_deal_size'] = math.fsum(deals) / len(deals) if deals else None
    else:
        k['purchase_frequency'] = None
        k['avg_deal_size'] = None

    ints = {'accounts', 'active', 'churned'}
    kpis = {}
    for key in KPI_ORDER:
        v = k[key]
        kpis[key] = v if (v is None or key in ints) else float(v)
    return {'as_of': as_of, 'results': results, 'kpis': kpis, 'risk_counts': risk_counts,
            'tiers': tiers_out, 'nps_trend': trend}


def report_json(ws, cfg, an, fc):
    return {'as_of': ord2str(an['as_of']), 'kpis': an['kpis'], 'risk_counts': an['risk_counts'],
            'tiers': an['tiers'], 'nps_trend': an['nps_trend'], 'forecast': fc,
            'goals': goals_json(ws, cfg, an)}


def accounts_json(an):
    out = []
    for r in an['results']:
        a = r['acct']
        out.append({
            'id': a.id, 'name': a.name, 'owner': a.owner,
            'health': r['health'], 'health_delta': r['delta'],
            'factors': {f: (None if r['factors'][f] is None else float(r['factors'][f]))
                        for f in FACTORS},
            'risk': r['risk'], 'reasons': r['reasons'], 'tier': r['tier'],
            'annual_revenue': r['annual'], 'simple_clv': r['simple'], 'clv': r['clv'],
            'net_clv': r['net'], 'lifetime_revenue': r['lifetime'],
            'days_inactive': a.days_inactive,
        })
        out[-1].update(r['forecast'])
    return out


# ---------------------------------------------------------------------------
# §14 forecast

PER_ACCOUNT_FORECAST = ('renewal_probability', 'p_alive', 'expected_purchases',
                        'expected_value', 'predicted_clv')
WEEKS_PER_MONTH = 30.4375 / 7


def forecast(cfg, an):
    """Fit both models; set r['forecast'] (the five §10 v2 fields) on every
    account and return the report's "forecast" object."""
    as_of = an['as_of']
    results = an['results']
    act = [r for r in results if r['active']]
    model = cfg.forecast_model
    if model == 'auto':
        model = 'subscription' if 2 * sum(1 for r in act if r['acct'].mrr > 0) >= len(act) else 'purchases'
    for r in results:
        r['forecast'] = dict.fromkeys(PER_ACCOUNT_FORECAST)
    subscription = _forecast_subscription(cfg, as_of, results, model == 'subscription')
    purchases = _forecast_purchases(cfg, as_of, results, model == 'purchases')
    return {'model': model, 'subscription': subscription, 'purchases': purchases}


def _forecast_subscription(cfg, as_of, results, chosen):
    P = cfg.period_months
    churned_at = []
    censored_at = []
    renewals = {}
    for r in results:
        a = r['acct']
        n = 0
        alive = 0
        while add_months(a.start, (n + 1) * P) <= as_of:
            n += 1
            if active_at(a, add_months(a.start, n * P)):
                alive += 1
        renewals[a.id] = n
        if n == 0:
            continue
        if alive < n:
            churned_at.append(alive + 1)
        else:
            censored_at.append(n)
    if len(churned_at) + len(censored_at) < 20 or not churned_at or not censored_at:
        return None
    fit = F.fit_sbg(churned_at, censored_at)
    if fit is None:
        return None
    alpha, beta, ll = fit
    for r in results:
        if not r['active']:
            continue
        n = renewals[r['acct'].id]
        r['forecast']['renewal_probability'] = F.sbg_renewal_probability(alpha, beta, n)
        if chosen:
            r['forecast']['predicted_clv'] = F.sbg_predicted_clv(
                alpha, beta, n, r['annual'], cfg.gross_margin, cfg.discount_rate, P,
                cfg.max_lifespan_years)
    return {'alpha': alpha, 'beta': beta, 'log_likelihood': ll,
            'accounts': len(churned_at) + len(censored_at), 'churned': len(churned_at),
            'period_months': P, 'survival': F.sbg_survival(alpha, beta, 12)}


def _forecast_purchases(cfg, as_of, results, chosen):
    rfm = []        # (result, x, t_x, T, m or None)
    for r in results:
        values = {}
        for d, amt, st in r['acct'].tx:
            if st in ('paid', 'late'):
                values.setdefault(d, []).append(amt)
        if not values:
            continue
        dates = sorted(values)
        x = len(dates) - 1
        m = math.fsum(math.fsum(values[d]) for d in dates[1:]) / x if x else None
        rfm.append((r, x, (dates[-1] - dates[0]) / 7, (as_of - dates[0]) / 7, m))
    if len(rfm) < 20 or not any(x > 0 for _, x, _, _, _ in rfm):
        return None
    fit = F.fit_bgnbd([v[1] for v in rfm], [v[2] for v in rfm], [v[3] for v in rfm])
    if fit is None:
        return None
    r_, alpha, a, b, ll = fit
    out = {'r': r_, 'alpha': alpha, 'a': a, 'b': b, 'log_likelihood': ll, 'accounts': len(rfm),
           'p': None, 'q': None, 'gamma': None, 'value_log_likelihood': None,
           'value_accounts': None}
    valued = [v for v in rfm if v[1] >= 1 and v[4] > 0]
    gg = F.fit_gamma_gamma([v[1] for v in valued], [v[4] for v in valued]) if len(valued) >= 20 else None
    if gg is not None and gg[1] <= 1:
        gg = None
    if gg is not None:
        out.update(p=gg[0], q=gg[1], gamma=gg[2], value_log_likelihood=gg[3],
                   value_accounts=len(valued))
    months = int(math.floor(12 * cfg.max_lifespan_years))
    weeks = [i * WEEKS_PER_MONTH for i in range(months + 1)]
    d_m = (1 + cfg.discount_rate) ** (1 / 12) - 1
    for res, x, tx, T, m in rfm:
        fc = res['forecast']
        fc['p_alive'] = F.bgnbd_p_alive(r_, alpha, a, b, x, tx, T)
        fc['expected_purchases'] = float(F.bgnbd_expected(
            r_, alpha, a, b, x, tx, T, [cfg.horizon_months * WEEKS_PER_MONTH])[0])
        if gg is None:
            continue
        p, q, gamma = gg[0], gg[1], gg[2]
        if x >= 1 and m > 0:
            fc['expected_value'] = (gamma + m * x) * p / (p * x + q - 1)
        else:
            fc['expected_value'] = p * gamma / (q - 1)
        if chosen:
            E = F.bgnbd_expected(r_, alpha, a, b, x, tx, T, weeks)
            fc['predicted_clv'] = cfg.gross_margin * fc['expected_value'] * math.fsum(
                float(E[i] - E[i - 1]) / (1 + d_m) ** i for i in range(1, months + 1))
    return out


# ---------------------------------------------------------------------------
# §15 cohorts


def _month_index(o):
    d = datetime.date.fromordinal(o)
    return d.year * 12 + d.month - 1


def _month_end(index):
    y, m = divmod(index, 12)
    return datetime.date(y, m + 1, calendar.monthrange(y, m + 1)[1]).toordinal()


def cohorts_json(ws, cfg, an):
    as_of = an['as_of']
    now = _month_index(as_of)
    groups = {}
    for r in an['results']:
        c = _month_index(r['acct'].start)
        if now - cfg.cohort_months < c:
            groups.setdefault(c, []).append(r['acct'])
    rows = []
    sums = []       # per age: [active, N, rev(k) and rev(0) over cohorts with rev(0) > 0]
    for c in sorted(groups):
        accts = groups[c]
        N = len(accts)
        logo = []
        revenue = []
        for k in range(now - c + 1):
            D = min(_month_end(c + k), as_of)
            alive = sum(1 for a in accts if active_at(a, D))
            logo.append(alive / N * 100)
            revenue.append(math.fsum(amt for a in accts for d, amt, st in a.tx
                                     if st in ('paid', 'late') and _month_index(d) == c + k))
            if len(sums) <= k:
                sums.append([0, 0, [], []])
            sums[k][0] += alive
            sums[k][1] += N
        has_revenue = ws.has['transactions'] and revenue[0] > 0
        if has_revenue:
            for k, rev in enumerate(revenue):
                sums[k][2].append(rev)
                sums[k][3].append(revenue[0])
        y, m = divmod(c, 12)
        rows.append({'month': '%04d-%02d' % (y, m + 1), 'accounts': N, 'logo': logo,
                     'revenue': [rev / revenue[0] * 100 for rev in revenue] if has_revenue else None})
    average = {'logo': [alive / N * 100 for alive, N, _, _ in sums],
               'revenue': [math.fsum(revs) / math.fsum(firsts) * 100 if revs else None
                           for _, _, revs, firsts in sums]}
    return {'as_of': ord2str(as_of), 'cohorts': rows, 'average': average}


# ---------------------------------------------------------------------------
# §16 goals


def goals_json(ws, cfg, an):
    if cfg.goals_start is None:
        return []
    start = cfg.goals_start
    as_of = an['as_of']
    at_start = None
    if start <= as_of and any(m not in cfg.goals_baseline for m, _, _ in cfg.goals):
        at_start = compute(ws, cfg, start)['kpis']
    year = add_months(start, 12) - start
    expected = clamp((as_of - start) / year, 0, 1) * 100
    out = []
    for metric, t6, t12 in cfg.goals:
        if metric in cfg.goals_baseline:
            baseline = cfg.goals_baseline[metric]
        else:
            baseline = None if at_start is None else at_start[metric]
        current = an['kpis'][metric]
        targets = [_target(t, baseline) for t in (t6, t12)]
        progress = [None if (current is None or baseline is None or t is None or t == baseline)
                    else (current - baseline) / (t - baseline) * 100 for t in targets]
        out.append({'metric': metric, 'baseline': _float(baseline), 'current': _float(current),
                    'target_6': targets[0], 'target_12': targets[1],
                    'progress_6': progress[0], 'progress_12': progress[1],
                    'expected_12': float(expected),
                    'on_track': progress[1] is not None and progress[1] >= expected})
    return out


def _float(v):
    return None if v is None else float(v)


def _target(target, baseline):
    kind, x = target
    if kind == 'value':
        return x
    if baseline is None:
        return None
    if kind == 'add':
        return baseline + x
    return baseline * (1 + x / 100)


# ---------------------------------------------------------------------------
# §17 rules and tasks


def account_signals(ws, r, as_of):
    a = r['acct']
    has, u_now, u_prev, trend, util = usage_signals(a, as_of)
    latest_nps = None
    for d, kind, sc in a.surveys:
        if kind == 'nps' and as_of - 365 < d and (latest_nps is None or d >= latest_nps[0]):
            latest_nps = (d, sc)
    sig = {
        'id': a.id, 'name': a.name, 'owner': a.owner, 'plan': a.plan,
        'status': 'active' if r['active'] else 'churned', 'risk': r['risk'], 'tier': r['tier'],
        'health': r['health'], 'health_delta': r['delta'], 'mrr': a.mrr,
        'annual_revenue': r['annual'], 'clv': r['clv'], 'net_clv': r['net'],
        'lifetime_revenue': r['lifetime'], 'predicted_clv': r['forecast']['predicted_clv'],
        'renewal_probability': r['forecast']['renewal_probability'],
        'p_alive': r['forecast']['p_alive'], 'days_inactive': a.days_inactive,
        'utilization': util, 'usage_trend': trend,
        'tenure_months': (as_of - a.start) / 30.4375,
        'days_to_renewal': None if a.renewal is None else a.renewal - as_of,
        'days_since_churn': None if r['active'] else as_of - a.churned_on,
        'nps': None if latest_nps is None else latest_nps[1],
        'open_tickets': None, 'urgent_open_tickets': None, 'oldest_open_ticket_days': None,
        'failed_payments': None,
    }
    if ws.has['tickets']:
        open_ = [tk for tk in a.tickets if unresolved(tk, as_of)]
        sig['open_tickets'] = len(open_)
        sig['urgent_open_tickets'] = sum(1 for tk in open_ if tk[2] in ('high', 'urgent'))
        if open_:
            sig['oldest_open_ticket_days'] = max(as_of - tk[0] for tk in open_)
    if ws.has['transactions']:
        sig['failed_payments'] = sum(1 for d, amt, st in a.tx if st == 'failed' and as_of - 60 < d)
    for f in FACTORS:
        sig['factor_' + f] = r['factors'][f]
    return sig


def tasks_json(ws, cfg, an):
    as_of = an['as_of']
    latest = {}     # (rule, account) -> (date, line, status)
    for line, rule, aid, status, d in ws.task_rows:
        if status == 'done' and d > as_of:
            continue
        key = (rule, aid)
        if key not in latest or (d, line) >= latest[key][:2]:
            latest[key] = (d, line, status)
    tasks = []
    for i, rule in enumerate(cfg.rules):
        for order, r in enumerate(an['results']):
            a = r['acct']
            if not eval_when(rule.when, account_signals(ws, r, as_of)):
                continue
            row = latest.get((rule.name, a.id))
            if row is not None:
                d, _, status = row
                if status == 'done' and as_of < d + rule.cooldown_days:
                    continue
                if status == 'snoozed' and as_of < d:
                    continue
            tasks.append(((as_of + rule.due_days, i, order),
                          {'rule': rule.name, 'account': a.id, 'name': a.name, 'owner': a.owner,
                           'play': rule.play, 'due': ord2str(as_of + rule.due_days)}))
    tasks.sort(key=lambda t: t[0])
    return [t[1] for t in tasks]


# ---------------------------------------------------------------------------
# CLI


COMMANDS = ('report', 'accounts', 'cohorts', 'tasks')


def usage_exit(msg):
    sys.stderr.write('lifeline_ref: %s\n' % msg)
    sys.stderr.write('usage: lifeline_ref.py report|accounts|cohorts|tasks WORKSPACE [--as-of YYYY-MM-DD]\n')
    sys.exit(EXIT_USAGE)


def run(argv):
    if len(argv) < 1 or argv[0] not in COMMANDS:
        usage_exit('expected a command: report, accounts, cohorts or tasks')
    cmd = argv[0]
    ws_path = None
    flag = None
    i = 1
    while i < len(argv):
        x = argv[i]
        if x == '--as-of':
            if i + 1 >= len(argv):
                usage_exit('--as-of needs a date')
            flag = argv[i + 1]
            i += 2
            continue
        if x.startswith('--as-of='):
            flag = x[len('--as-of='):]
        elif x == '--json':
            pass
        elif x.startswith('-') and x != '-':
            usage_exit('unknown option %s' % x)
        elif ws_path is None:
            ws_path = x
        else:
            usage_exit('more than one workspace given')
        i += 1
    if ws_path is None:
        usage_exit('no workspace given')
    flag_ord = None
    if flag is not None:
        flag_ord = parse_date(flag)
        if flag_ord is None or not re.fullmatch(r'[0-9]{4}-[0-9]{2}-[0-9]{2}', flag):
            usage_exit("--as-of: '%s' is not a date YYYY-MM-DD" % flag)
    if not os.path.exists(ws_path):
        sys.stderr.write('lifeline_ref: %s: no such file or directory\n' % ws_path)
        return EXIT_NOINPUT
    probs = Problems()
    ws, cfg = load_workspace(ws_path, probs)
    for e in probs.errors:
        sys.stderr.write(e + '\n')
    for w in probs.warnings:
        sys.stderr.write('warning: ' + w + '\n')
    if probs.errors:
        return EXIT_DATAERR
    if flag_ord is not None:
        as_of = flag_ord
    elif cfg.as_of is not None:
        as_of = cfg.as_of
    elif ws.dates:
        as_of = max(ws.dates)
    else:
        as_of = datetime.date.today().toordinal()
    an = compute(ws, cfg, as_of)
    if cmd == 'cohorts':
        out = cohorts_json(ws, cfg, an)
    else:
        fc = forecast(cfg, an)
        if cmd == 'report':
            out = report_json(ws, cfg, an, fc)
        elif cmd == 'accounts':
            out = accounts_json(an)
        else:
            out = tasks_json(ws, cfg, an)
    sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False, allow_nan=True) + '\n')
    return 0


def main():
    try:
        sys.stdout.reconfigure(encoding='utf-8')
        sys.stderr.reconfigure(encoding='utf-8', errors='replace')
    except AttributeError:
        pass
    sys.exit(run(sys.argv[1:]))


if __name__ == '__main__':
    main()
