#!/usr/bin/env python3
"""Self-check of lifeline_ref.py against values worked out by hand from
SPEC.md over the fixtures in ./fixtures.  Run: python3 selftest.py

Every expected number below is written as the arithmetic of the spec's
formula, not computed with the implementation.
"""

import json
import os
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.path.join(HERE, 'lifeline_ref.py')
FIX = os.path.join(HERE, 'fixtures')

failures = []
checks = 0


def run(cmd, ws, *extra):
    p = subprocess.run([sys.executable, REF, cmd, os.path.join(FIX, ws)] + list(extra),
                       capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def write_ws(path, files):
    for name, text in files.items():
        with open(os.path.join(path, name), 'w', encoding='utf-8') as f:
            f.write(text)


def near(a, b):
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def check(label, got, want):
    global checks
    checks += 1
    ok = near(got, want) if isinstance(want, float) else got == want
    if isinstance(want, float) and isinstance(got, bool):
        ok = False
    if not ok:
        failures.append('%s: got %r, want %r' % (label, got, want))


def T(days):
    """tenure factor: scale(days / 30.4375, 0, 36) = 1 + 9 * clamp(months / 36)."""
    return 1 + 9 * min(1.0, (days / 30.4375) / 36)


# ---------------------------------------------------------------------------
# basic  (as_of 2025-06-30 from lifeline.toml)
rc, out, err = run('report', 'basic')
check('basic report rc', rc, 0)
R = json.loads(out)
rc, out, err = run('accounts', 'basic')
check('basic accounts rc', rc, 0)
A = {a['id']: a for a in json.loads(out)}

check('as_of', R['as_of'], '2025-06-30')
# A5 starts 2025-07-15 > as_of: not listed; file order kept
check('listed accounts', [a['id'] for a in json.loads(out)], ['A1', 'A2', 'A3', 'A4'])

a1 = A['A1']
# usage: last(30) rows 06-10 (8), 06-20 (8) -> u_now 8; prev(30) 05-15 (8) -> u_prev 8;
# the 07-05 row is after as_of.  trend 0, utilization 8/10 = 0.8
# 0.7*scale(0.8,0,0.8) + 0.3*scale(0,-0.5,0.5) = 0.7*10 + 0.3*5.5 = 8.65
check('A1 usage', a1['factors']['usage'], 8.65)
# support: k1 closed 06-10 csat 5 -> scale(5,1,5) = 10; no unresolved ticket
check('A1 support', a1['factors']['support'], 10.0)
# payment: 12 paid rows 2024-07-15..2025-06-15 in last(365) -> on_time 1 -> 10
check('A1 payment', a1['factors']['payment'], 10.0)
# expansion: scale(0.8, 0.5, 1) = 1 + 9*0.6 = 6.4
check('A1 expansion', a1['factors']['expansion'], 6.4)
check('A1 relationship', a1['factors']['relationship'], 10.0)   # contacts 6
check('A1 tenure', a1['factors']['tenure'], 10.0)               # > 36 months
# nps: latest nps in last(365) is 2025-05-01 score 9 -> 1 + 9*0.9 = 9.1
check('A1 nps', a1['factors']['nps'], 9.1)
# health = (25*8.65 + 20*10 + 15*10 + 15*6.4 + 10*10 + 10*10 + 5*9.1) / 100
#        = (216.25 + 200 + 150 + 96 + 100 + 100 + 45.5) / 100 = 9.0775
check('A1 health', a1['health'], 9.0775)
# at 2025-05-31: u_now 8 (05-15), u_prev 4 (04-15) -> trend 1 -> usage 0.7*10+0.3*10 = 10;
# ticket opened 06-05 not yet there -> support 8; nps still 9.1 (05-01 latest)
# health30 = (250 + 160 + 150 + 96 + 100 + 100 + 45.5) / 100 = 9.015 -> delta 0.0625
check('A1 health_delta', a1['health_delta'], 0.0625)
# last_activity 2025-06-20 (usage > 0) -> 10 days; no rule fires (renewal 46 days
# away but health >= 7; 13 revenue dates, median gap 31, 15 days since the last)
check('A1 days_inactive', a1['days_inactive'], 10)
check('A1 risk', (a1['risk'], a1['reasons']), ('low', []))
# lifespan: active at 2024-06-30 = {A1, A3}; A3 churned 2025-03-01 -> rate 1/2 -> L = 2
# annual 12 * 1000 = 12000; clv = 12000*0.75/1.1 + 12000*0.75/1.1**2
check('A1 annual', a1['annual_revenue'], 12000.0)
check('A1 simple_clv', a1['simple_clv'], 24000.0)
clv1 = 9000 / 1.1 + 9000 / 1.21          # 8181.818... + 7438.016... = 15619.834...
check('A1 clv', a1['clv'], clv1)
check('A1 net_clv', a1['net_clv'], clv1 - 2000)
check('A1 lifetime', a1['lifetime_revenue'], 12 * 1000.0 + 1200)  # 2024-06..2025-05 + 1200
check('A1 tier', a1['tier'], 'platinum')
check('A1 owner', a1['owner'], 'Kim')

a2 = A['A2']
# support: k2 unresolved urgent -> 8 - 1.5 - 1.5 = 5
check('A2 support', a2['factors']['support'], 5.0)
# payment: paid 1, late 1, failed 1 -> on_time 1/3 -> scale = 1; 1 - 2 = -1 -> clamp 1
check('A2 payment', a2['factors']['payment'], 1.0)
check('A2 usage N/A', a2['factors']['usage'], None)
check('A2 expansion N/A', a2['factors']['expansion'], None)
check('A2 relationship N/A', a2['factors']['relationship'], None)
# tenure: 2024-12-31 .. 2025-06-30 = 181 days
check('A2 tenure', a2['factors']['tenure'], T(181))
# nps: no nps survey, csat 2 on 2025-04-01 -> scale(2,1,5) = 1 + 9/4 = 3.25
check('A2 nps', a2['factors']['nps'], 3.25)
h2 = (20 * 5 + 15 * 1 + 10 * T(181) + 5 * 3.25) / 50
check('A2 health', a2['health'], h2)
# at 2025-05-31: no ticket yet -> 8; paid+late, no failed -> on_time 0.5 -> 1; tenure 151 days
h2_30 = (20 * 8 + 15 * 1 + 10 * T(151) + 5 * 3.25) / 50
check('A2 health_delta', a2['health_delta'], h2 - h2_30)
# last_activity 2025-03-15 (late row) -> 16 + 30 + 31 + 30 = 107 days
check('A2 days_inactive', a2['days_inactive'], 107)
check('A2 risk', (a2['risk'], a2['reasons']),
      ('high', ['inactive', 'low_health', 'stale_ticket', 'failed_payment']))
# mrr 0 -> annual = paid 100 + late 100 in last(365) = 200
check('A2 annual', a2['annual_revenue'], 200.0)
check('A2 simple_clv', a2['simple_clv'], 400.0)
check('A2 clv', a2['clv'], 150 / 1.1 + 150 / 1.21)
check('A2 tier', a2['tier'], 'bronze')
check('A2 owner null', a2['owner'], None)
check('A2 name', a2['name'], 'Beta, Inc.')

a3 = A['A3']
check('A3 risk', (a3['risk'], a3['reasons'], a3['tier']), ('churned', [], None))
check('A3 annual', a3['annual_revenue'], 0.0)
check('A3 clv', a3['clv'], 0.0)
check('A3 net_clv', a3['net_clv'], -300.0)
check('A3 lifetime', a3['lifetime_revenue'], 1500.0)           # 3 x 500
# last_activity 2024-06-20 -> 365 + 10 = 375 days
check('A3 days_inactive', a3['days_inactive'], 375)
# health: support 8 (csat ticket closed 2024-10-01, outside last(90)), relationship 1,
# tenure 10, nps scale(3,0,10) = 3.7, payment N/A (no row after 2024-06-30)
h3 = (20 * 8 + 10 * 1 + 10 * 10 + 5 * 3.7) / 45                 # 288.5 / 45
# at 2025-05-31 the 2024-06-20 paid row is in last(365) -> payment 10 (w 15)
h3_30 = (288.5 + 15 * 10) / 60
check('A3 health', a3['health'], h3)
check('A3 health_delta', a3['health_delta'], h3 - h3_30)

a4 = A['A4']
# started 2025-06-20 > 2025-05-31 -> no delta; support 8 (no tickets); nps scale(8,0,10)=8.2
h4 = (20 * 8 + 10 * T(10) + 5 * 8.2) / 35
check('A4 health', a4['health'], h4)
check('A4 health_delta', a4['health_delta'], None)
check('A4 days_inactive', a4['days_inactive'], None)
check('A4 risk', a4['risk'], 'low')
check('A4 annual', a4['annual_revenue'], 2400.0)
check('A4 clv', a4['clv'], 1800 / 1.1 + 1800 / 1.21)
# n = 3: k1 = ceil(0.15) = 1, k2 = ceil(0.6) = 1, k3 = ceil(1.5) = 2; A1 > A4 > A2
check('A4 tier', a4['tier'], 'silver')

K = R['kpis']
check('kpi accounts', (K['accounts'], K['active'], K['churned']), (4, 3, 1))
check('kpi mrr', K['mrr'], 1200.0)
check('kpi arpc', K['arpc'], 400.0)
check('kpi churn_rate', K['churn_rate'], 50.0)
check('kpi retention_rate', K['retention_rate'], 50.0)
# S = {A1: then 1000 (2024-06-15), now 1200; A3: then 500 (2024-06-20), now 0}
check('kpi nrr', K['nrr'], 1200 / 1500 * 100)                   # 80
check('kpi grr', K['grr'], (1000 + 0) / 1500 * 100)             # 66.67
check('kpi expansion', K['expansion'], 200.0)
check('kpi contraction', K['contraction'], 0.0)
check('kpi churned_revenue', K['churned_revenue'], 500.0)
check('kpi repeat', K['repeat_purchase_rate'], 3 / 3 * 100)     # A1, A2, A3 all >= 2
# nps surveys in last(365): 10, 9 (promoters), 3 (detractor), 8 (passive)
check('kpi nps', K['nps'], (2 - 1) / 4 * 100)
# csat ratings: survey 2, ticket 5 (closed 2025-06-10), ticket 4 (closed 2024-10-01)
check('kpi csat', K['csat'], 2 / 3 * 100)
check('kpi avg_health', K['avg_health'], (9.0775 + h2 + h4) / 3)
check('kpi avg_clv', K['avg_clv'], (clv1 + (150 / 1.1 + 150 / 1.21) + (1800 / 1.1 + 1800 / 1.21)) / 3)
check('kpi clv_cac_ratio', K['clv_cac_ratio'], clv1 / 2000)     # only A1 has cac > 0
check('kpi revenue_at_risk', K['revenue_at_risk'], 200.0)       # A2
check('kpi lifespan', K['lifespan_years'], 2.0)
check('risk_counts', R['risk_counts'], {'low': 2, 'medium': 0, 'high': 1, 'churned': 1})
check('tier names', [t['tier'] for t in R['tiers']], ['platinum', 'gold', 'silver', 'bronze'])
check('tier counts', [t['accounts'] for t in R['tiers']], [1, 0, 1, 1])
check('gold empty', (R['tiers'][1]['clv_total'], R['tiers'][1]['mrr_total'], R['tiers'][1]['min_clv']),
      (0.0, 0.0, None))
check('platinum mrr_total', R['tiers'][0]['mrr_total'], 1000.0)
check('bronze min_clv', R['tiers'][3]['min_clv'], 150 / 1.1 + 150 / 1.21)
NT = R['nps_trend']
check('trend months', (len(NT), NT[0]['month'], NT[-1]['month']), (12, '2024-07', '2025-06'))
# 2024-06-01 survey is outside the twelve months
check('trend 2024-08', (NT[1]['responses'], NT[1]['promoters'], NT[1]['nps']), (1, 1, 100.0))
check('trend 2024-09', (NT[2]['detractors'], NT[2]['nps']), (1, -100.0))
check('trend 2025-06', (NT[11]['passives'], NT[11]['nps']), (1, 0.0))
check('trend empty month', (NT[0]['responses'], NT[0]['nps']), (0, None))

# --as-of flag wins over lifeline.toml: at 2025-05-31 A4 has not started yet
rc, out, err = run('accounts', 'basic', '--as-of', '2025-05-31')
check('flag as_of ids', [a['id'] for a in json.loads(out)], ['A1', 'A2', 'A3'])

# ---------------------------------------------------------------------------
# dialect: a single .csv path; as_of = latest date = 2025-01-01 (from a timestamp)
rc, out, err = run('accounts', os.path.join('dialect', 'accounts.csv'))
check('dialect rc', rc, 0)
D = json.loads(out)
check('dialect ids', [a['id'] for a in D], ['X1', 'X2', 'x2'])
check('dialect names', [a['name'] for a in D], ['Acme, "The" Co', 'Plain Co', 'Caf\u00e9 \u2615'])
check('dialect owners', [a['owner'] for a in D], ['multi\r\nline', 'note with "quote"', None])
# X1: only tenure counts (no other table): 2024-01-01 .. 2025-01-01 = 366 days
check('X1 health', D[0]['health'], T(366))                       # 4.00616...
check('X1 delta', D[0]['health_delta'], T(366) - T(336))
check('X1 risk', (D[0]['risk'], D[0]['reasons']), ('medium', ['fair_health']))
# lifespan: active at 2024-01-02 = {X1}, none lost -> rate 0 -> L = 10
check('X1 clv', D[0]['clv'], sum(1200 * 0.75 / 1.1 ** t for t in range(1, 11)))
check('X1 simple_clv', D[0]['simple_clv'], 12000.0)
# X2 starts on as_of: tenure 0 -> 1 -> health 1 -> low_health
check('X2 health', D[1]['health'], 1.0)
check('X2 risk', (D[1]['risk'], D[1]['reasons']), ('high', ['low_health']))
# x2: contacts 3 -> scale(3,1,6) = 1 + 9*2/5 = 4.6; tenure 184 days
check('x2 relationship', D[2]['factors']['relationship'], 4.6)
check('x2 health', D[2]['health'], (10 * 4.6 + 10 * T(184)) / 20)
# n=3 -> k1=1, k2=1, k3=2; X2 and x2 tie at clv 0, byte order "X2" < "x2"
check('dialect tiers', [a['tier'] for a in D], ['platinum', 'silver', 'bronze'])
rc, out, err = run('report', os.path.join('dialect', 'accounts.csv'))
DR = json.loads(out)
check('dialect as_of', DR['as_of'], '2025-01-01')
check('dialect no-table KPIs', (DR['kpis']['nrr'], DR['kpis']['expansion'], DR['kpis']['nps'],
                                DR['kpis']['csat'], DR['kpis']['churn_rate']),
      (None, None, None, None, 0.0))
check('dialect trend nulls', all(m['nps'] is None and m['responses'] == 0 for m in DR['nps_trend']), True)

# ---------------------------------------------------------------------------
# config: as_of 2025-01-31 (TOML date), only the nps weight is non-zero,
# lifespan fixed at 2.5 with margin 1 and no discount, tiers 50/0/0/50
rc, out, err = run('accounts', 'config')
check('config rc', rc, 0)
check('config orphan warning', 'surveys.csv:3' in err and 'NOPE' in err, True)
C = {a['id']: a for a in json.loads(out)}
check('B1 health', C['B1']['health'], 10.0)        # nps 10 -> scale(10,0,10) = 10
check('B1 delta', C['B1']['health_delta'], None)   # at 2025-01-01 no survey -> health null
check('B2 health null', C['B2']['health'], None)
check('B2 tenure still reported', C['B2']['factors']['tenure'], 10.0)
check('B2 risk', C['B2']['risk'], 'low')           # null health fires no rule
# B3: usage > 0 last on 2023-12-01 -> 366 + 31 + 30 = 427 days > 365 -> lapsed 2024-11-30
check('B3 days_inactive', C['B3']['days_inactive'], 427)
check('B3 churned', (C['B3']['risk'], C['B3']['tier']), ('churned', None))
check('B3 usage (weight 0) reported', C['B3']['factors']['usage'], 1.0)
# clv = 1200*1*1 + 1200*1*1 + 1200*1*0.5 = 3000
check('B1 clv', C['B1']['clv'], 3000.0)
check('B1 simple', C['B1']['simple_clv'], 1200 * 2.5)
check('B2 clv', C['B2']['clv'], 600 + 600 + 300.0)
check('config tiers', (C['B1']['tier'], C['B2']['tier']), ('platinum', 'bronze'))
rc, out, err = run('report', 'config')
CR = json.loads(out)
check('config as_of', CR['as_of'], '2025-01-31')
# active at 2024-02-01: B1, B2, B3; B3 lost -> 1/3
check('config churn_rate', CR['kpis']['churn_rate'], 1 / 3 * 100)
check('config lifespan', CR['kpis']['lifespan_years'], 2.5)
check('config nps (orphan left out)', CR['kpis']['nps'], 100.0)
check('config avg_health', CR['kpis']['avg_health'], 10.0)
check('config tier counts', [t['accounts'] for t in CR['tiers']], [1, 0, 0, 1])

# ---------------------------------------------------------------------------
# exact sums (SPEC §13 v2): 1e16 + 1 - 1e16 is 1, not the 0 of running addition
with tempfile.TemporaryDirectory() as tmp:
    write_ws(tmp, {
        'accounts.csv': 'id,name,start_date\nS1,Sum,2025-01-01\n',
        'transactions.csv': 'account_id,date,amount\nS1,2025-01-02,1e16\n'
                            'S1,2025-01-03,1\nS1,2025-01-04,-1e16\n',
    })
    rc, out, err = run('accounts', tmp)
    check('fsum lifetime_revenue', json.loads(out)[0]['lifetime_revenue'], 1.0)
    check('fsum annual_revenue', json.loads(out)[0]['annual_revenue'], 1.0)

# ---------------------------------------------------------------------------
# §14.1 sBG: Fader & Hardie (2007), "How to project customer retention",
# survivors of 1000 customers after years 0-7. Each lost customer leaves
# 30 days before the renewal it misses; as_of is the 7th renewal.
def sbg_workspace(path, survivors):
    lines = ['id,name,start_date,mrr,status,churn_date']
    i = 0
    for t in range(1, len(survivors)):
        for _ in range(survivors[t - 1] - survivors[t]):
            i += 1
            left = '%04d-12-02' % (2009 + t)
            lines.append('C%d,C%d,2010-01-01,100,churned,%s' % (i, i, left))
    for _ in range(survivors[-1]):
        i += 1
        lines.append('C%d,C%d,2010-01-01,100,active,' % (i, i))
    write_ws(path, {'accounts.csv': '\n'.join(lines) + '\n',
                    'lifeline.toml': 'as_of = 2017-01-01\n[forecast]\nmodel = "subscription"\n'})


def close(label, got, want, digits):
    check(label, round(got, digits), round(want, digits))


for label, survivors, alpha, beta, ll in (
        ('High End', [1000, 869, 743, 653, 593, 551, 517, 491], 0.668, 3.806, -1611.16),
        ('Regular', [1000, 631, 468, 382, 326, 289, 262, 241], 0.704, 1.182, -1680.27)):
    with tempfile.TemporaryDirectory() as tmp:
        sbg_workspace(tmp, survivors)
        rc, out, err = run('report', tmp)
        S = json.loads(out)['forecast']['subscription']
        close('sBG %s alpha' % label, S['alpha'], alpha, 3)
        close('sBG %s beta' % label, S['beta'], beta, 3)
        close('sBG %s LL' % label, S['log_likelihood'], ll, 2)
        check('sBG %s counts' % label, (S['accounts'], S['churned'], S['period_months']),
              (1000, 1000 - survivors[-1], 12))
        # S(1) = beta / (alpha + beta)
        check('sBG %s S(1)' % label, S['survival'][0], S['beta'] / (S['alpha'] + S['beta']))
        rc, out, err = run('accounts', tmp)
        last = json.loads(out)[-1]
        check('sBG %s renewal_probability' % label, last['renewal_probability'],
              (S['beta'] + 7) / (S['alpha'] + S['beta'] + 7))
        check('sBG %s churned: no forecast' % label, json.loads(out)[0]['predicted_clv'], None)

# A homogeneous book (20 % leave in each of two years, exactly geometric) has
# no maximum inside the range: the model is none.
with tempfile.TemporaryDirectory() as tmp:
    sbg_workspace(tmp, [100, 80, 64])
    write_ws(tmp, {'lifeline.toml': 'as_of = 2012-01-01\n[forecast]\nmodel = "subscription"\n'})
    rc, out, err = run('report', tmp)
    check('sBG homogeneous: none', json.loads(out)['forecast']['subscription'], None)

# ---------------------------------------------------------------------------
# §14.2 BG/NBD and Gamma-Gamma on the CDNOW sample of Fader, Hardie & Lee
# (2,357 customers, calibration to 1997-09-30), from the lifetimes wheel.
sys.path.insert(0, HERE)
import lifeline_forecast  # noqa: E402


def cdnow_rows(tmp):
    subprocess.run([sys.executable, '-m', 'pip', 'download', '-q', '--no-deps',
                    'lifetimes==0.11.3', '-d', tmp], check=True, capture_output=True)
    wheel = [f for f in os.listdir(tmp) if f.endswith('.whl')][0]
    with zipfile.ZipFile(os.path.join(tmp, wheel)) as z:
        return z.read('lifetimes/datasets/CDNOW_sample.txt').decode('ascii').split('\n')


with tempfile.TemporaryDirectory() as tmp:
    first = {}
    tx = ['account_id,date,amount']
    for line in cdnow_rows(tmp):
        if not line.strip():
            continue
        cid, _, d, _, amount = line.split()
        d = '%s-%s-%s' % (d[:4], d[4:6], d[6:])
        first[cid] = min(first.get(cid, d), d)
        tx.append('%s,%s,%s' % (cid, d, amount))
    ws = os.path.join(tmp, 'cdnow')
    os.mkdir(ws)
    write_ws(ws, {
        'accounts.csv': 'id,name,start_date\n' + ''.join(
            '%s,%s,%s\n' % (c, c, d) for c, d in first.items()),
        'transactions.csv': '\n'.join(tx) + '\n',
        'lifeline.toml': 'as_of = 1997-09-30\n[forecast]\nmodel = "purchases"\n',
    })
    rc, out, err = run('report', ws)
    P = json.loads(out)['forecast']['purchases']
    check('CDNOW accounts', (P['accounts'], P['value_accounts']), (2357, 946))
    close('BG/NBD r', P['r'], 0.2426, 4)
    close('BG/NBD alpha', P['alpha'], 4.414, 3)
    close('BG/NBD a', P['a'], 0.793, 3)
    close('BG/NBD b', P['b'], 2.426, 3)
    close('BG/NBD LL', P['log_likelihood'], -9582.4, 1)
    close('Gamma-Gamma p', P['p'], 6.25, 2)
    close('Gamma-Gamma q', P['q'], 3.74, 2)
    close('Gamma-Gamma gamma', P['gamma'], 15.44, 2)
    E39 = lifeline_forecast.bgnbd_expected(P['r'], P['alpha'], P['a'], P['b'], 2, 30.43, 38.86, [39.0])
    close('BG/NBD E(39) for x=2, t_x=30.43, T=38.86', float(E39[0]), 1.226, 3)
    rc, out, err = run('accounts', ws)
    c4 = json.loads(out)[0]      # 00004: 1997-01-01, 01-18, 08-02 -> x = 2
    A = P['a'] / (P['b'] + 1) * ((P['alpha'] + 272 / 7) / (P['alpha'] + 213 / 7)) ** (P['r'] + 2)
    check('CDNOW 00004 p_alive', c4['p_alive'], 1 / (1 + A))
    m = (29.73 + 14.96) / 2
    check('CDNOW 00004 expected_value', c4['expected_value'],
          (P['gamma'] + m * 2) * P['p'] / (P['p'] * 2 + P['q'] - 1))

# ---------------------------------------------------------------------------
# errors / broken / missing
rc, out, err = run('report', 'errors')
check('errors rc', rc, 65)
check('errors stdout empty', out, '')
for frag in ["accounts.csv:5: column start_date: value '2025-02-30'",
             "accounts.csv:6: column ",              # 5 fields for a 4-column header
             "accounts.csv:7: column mrr: value '.5'",
             "accounts.csv:7: column id: value 'A1'",  # duplicate id
             "usage.csv:2: column active_users: value '-3'",
             "surveys.csv:2: column score: value '11'",
             "tickets.csv:1: column closed",
             "transactions.csv:1: column account_id",  # 0-byte file
             "column weights.usage: value '-1'",
             "column tiers:",
             "column foo:"]:
    check('errors has %r' % frag, frag in err, True)
check('errors: orphan is a warning, not an error',
      any('ZZ' in l and l.startswith('warning') for l in err.splitlines()), True)
rc, out, err = run('report', 'broken')
check('broken rc', rc, 65)
for frag in ['accounts.csv:2: column name', 'accounts.csv:3: column name',
             'accounts.csv:4: column name']:
    check('broken has %r' % frag, frag in err, True)
rc, out, err = run('report', 'no-such-workspace')
check('missing path rc', rc, 66)

if failures:
    for f in failures:
        print('FAIL', f)
    print('%d of %d checks failed' % (len(failures), checks))
    sys.exit(1)
print('selftest: all %d checks passed' % checks)
