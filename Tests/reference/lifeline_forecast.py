"""Maximum-likelihood fits of SPEC §14 for the Lifeline reference: the
shifted-beta-geometric (sBG) retention model, BG/NBD and Gamma-Gamma.

Each fit works on log-parameters bounded to [ln 1e-6, ln 1e6] (§14.3):
L-BFGS-B from several starting points, then Newton steps until no step moves
a log-parameter by more than 1e-10. Gradients are taken by complex step
(exact to rounding), the Hessian by central differences of the gradient.
A fit whose best point lies on a bound, or that Newton cannot polish, has no
maximum inside the range: the model is none (None is returned).
"""

import math
import os

# L-BFGS-B's small steps are slower, not faster, with a threaded BLAS.
os.environ.setdefault('OPENBLAS_NUM_THREADS', '1')
os.environ.setdefault('OMP_NUM_THREADS', '1')

import numpy as np  # noqa: E402 (after the thread settings above)
from scipy import optimize, special  # noqa: E402

LOG_LO = math.log(1e-6)
LOG_HI = math.log(1e6)
BOUND_GAP = 1e-6        # a log-parameter this close to a bound is on it
STEP_TOL = 1e-10        # §14.3: stop when no step moves a log-parameter further
NEWTON_ITERATIONS = 50
CSTEP = 1e-30


def _gradient(nll, z):
    g = np.empty(len(z))
    for i in range(len(z)):
        zz = z.astype(complex)
        zz[i] += CSTEP * 1j
        g[i] = nll(zz).imag / CSTEP
    return g


def _hessian(nll, z):
    k = len(z)
    h = 1e-5
    H = np.empty((k, k))
    for i in range(k):
        e = np.zeros(k)
        e[i] = h
        H[:, i] = (_gradient(nll, z + e) - _gradient(nll, z - e)) / (2 * h)
    return (H + H.T) / 2


def maximise(nll, starts):
    """Minimise nll (a function of the log-parameter vector that also takes
    complex input) over the box; the log-parameters of the interior minimum,
    or None when there is none."""
    k = len(starts[0])
    best = None
    for s in starts:
        res = optimize.minimize(lambda z: float(nll(z).real), np.array(s, dtype=float),
                                jac=lambda z: _gradient(nll, z), method='L-BFGS-B',
                                bounds=[(LOG_LO, LOG_HI)] * k,
                                options={'maxiter': 5000, 'ftol': 1e-15, 'gtol': 1e-9})
        if np.all(np.isfinite(res.x)) and np.isfinite(res.fun) and (best is None or res.fun < best.fun):
            best = res
    if best is None:
        return None
    z = best.x.copy()
    if np.any(z <= LOG_LO + BOUND_GAP) or np.any(z >= LOG_HI - BOUND_GAP):
        return None
    for _ in range(NEWTON_ITERATIONS):
        H = _hessian(nll, z)
        if not np.all(np.isfinite(H)) or np.any(np.linalg.eigvalsh(H) <= 0):
            return None
        step = -np.linalg.solve(H, _gradient(nll, z))
        z = z + step
        if np.any(z <= LOG_LO) or np.any(z >= LOG_HI):
            return None
        if np.max(np.abs(step)) <= STEP_TOL:
            return z
    return None


# ---------------------------------------------------------------------------
# sBG


def sbg_log_survival(alpha, beta, tmax):
    """ln S(0..tmax) and ln P(1..tmax) (index 0 unused) for scalar or complex
    alpha, beta: S(t) = prod_{j<=t} (beta+j-1)/(alpha+beta+j-1) and
    P(t) = S(t-1) * alpha / (alpha+beta+t-1), the closed forms of §14.1's
    recursion."""
    j = np.arange(1, tmax + 1)
    lnS = np.concatenate([[0.0], np.cumsum(np.log(beta + j - 1) - np.log(alpha + beta + j - 1))])
    lnP = np.concatenate([[0.0], lnS[:-1] + np.log(alpha) - np.log(alpha + beta + j - 1)])
    return lnS, lnP


def sbg_terms(alpha, beta, churned_at, censored_at):
    tmax = max([1] + list(churned_at) + list(censored_at))
    lnS, lnP = sbg_log_survival(alpha, beta, tmax)
    return np.concatenate([lnP[np.asarray(churned_at, dtype=int)],
                           lnS[np.asarray(censored_at, dtype=int)]])


def fit_sbg(churned_at, censored_at):
    """churned_at: t(a) of each churned account; censored_at: n(a) of each
    censored one. Returns (alpha, beta, LL) or None."""
    def nll(z):
        return -np.sum(sbg_terms(np.exp(z[0]), np.exp(z[1]), churned_at, censored_at))
    starts = [(0.0, 0.0), (math.log(0.5), math.log(3.0)), (math.log(3.0), math.log(0.5)),
              (math.log(10.0), math.log(10.0))]
    z = maximise(nll, starts)
    if z is None:
        return None
    alpha, beta = float(np.exp(z[0])), float(np.exp(z[1]))
    return alpha, beta, math.fsum(sbg_terms(alpha, beta, churned_at, censored_at))


def sbg_survival(alpha, beta, periods):
    lnS, _ = sbg_log_survival(alpha, beta, periods)
    return [float(v) for v in np.exp(lnS[1:])]


def sbg_renewal_probability(alpha, beta, n):
    return (beta + n) / (alpha + beta + n)


def sbg_predicted_clv(alpha, beta, n, annual_revenue, gross_margin, discount_rate,
                      period_months, max_lifespan_years):
    d = (1 + discount_rate) ** (period_months / 12) - 1
    H = math.floor(max_lifespan_years * 12 / period_months)
    terms = []
    R = 1.0
    for k in range(1, H + 1):
        R *= (beta + n + k - 1) / (alpha + beta + n + k - 1)
        terms.append(R / (1 + d) ** k)
    return gross_margin * (annual_revenue * period_months / 12) * math.fsum(terms)


# ---------------------------------------------------------------------------
# BG/NBD


def bgnbd_terms(r, alpha, a, b, x, tx, T):
    lg = special.loggamma
    head = (lg(r + x) - lg(r) + r * np.log(alpha) + lg(a + b) + lg(b + x) - lg(b)
            - lg(a + b + x))
    l3 = -(r + x) * np.log(alpha + T)
    rep = x > 0
    xr = np.where(rep, x, 1.0)
    l4 = np.where(rep, np.log(a) - np.log(b + xr - 1) - (r + x) * np.log(alpha + tx), l3)
    m = np.maximum(l3.real, l4.real)
    tail = m + np.log(np.exp(l3 - m) + np.where(rep, np.exp(l4 - m), 0.0))
    return head + tail


def fit_bgnbd(x, tx, T):
    """x, t_x, T arrays (weeks). Returns (r, alpha, a, b, LL) or None."""
    x = np.asarray(x, dtype=float)
    tx = np.asarray(tx, dtype=float)
    T = np.asarray(T, dtype=float)

    def nll(z):
        p = np.exp(z)
        return -np.sum(bgnbd_terms(p[0], p[1], p[2], p[3], x, tx, T))
    scale = math.log(max(float(np.mean(T)), 1.0))
    starts = [(0.0, 0.0, 0.0, 0.0), (math.log(0.5), scale, math.log(0.5), math.log(2.0)),
              (math.log(0.25), scale, math.log(0.8), math.log(2.5)),
              (math.log(2.0), scale + math.log(5.0), math.log(2.0), math.log(5.0))]
    z = maximise(nll, starts)
    if z is None:
        return None
    r, alpha, a, b = (float(v) for v in np.exp(z))
    return r, alpha, a, b, math.fsum(np.real(bgnbd_terms(r, alpha, a, b, x, tx, T)))


def bgnbd_p_alive(r, alpha, a, b, x, tx, T):
    if x == 0:
        return 1.0
    A = a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x)
    return 1 / (1 + A)


def bgnbd_expected(r, alpha, a, b, x, tx, T, t):
    """E(t) of §14.2 for one account, t a numpy array of week counts."""
    t = np.asarray(t, dtype=float)
    A = a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x) if x > 0 else 0.0
    z = t / (alpha + T + t)
    f = special.hyp2f1(r + x, b + x, a + b + x - 1, z)
    return ((a + b + x - 1) / (a - 1)
            * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * f) / (1 + A))


# ---------------------------------------------------------------------------
# Gamma-Gamma


def gg_terms(p, q, gamma, x, m):
    lg = special.loggamma
    px = p * x
    return (lg(px + q) - lg(px) - lg(q) + q * np.log(gamma) + (px - 1) * np.log(m)
            + px * np.log(x) - (px + q) * np.log(x * m + gamma))


def fit_gamma_gamma(x, m):
    """x >= 1 and mean value m > 0 per account. Returns (p, q, gamma, LL) or None."""
    x = np.asarray(x, dtype=float)
    m = np.asarray(m, dtype=float)

    def nll(z):
        v = np.exp(z)
        return -np.sum(gg_terms(v[0], v[1], v[2], x, m))
    lm = math.log(float(np.mean(m)))
    starts = [(0.0, 0.0, 0.0), (0.0, math.log(2.0), lm), (math.log(5.0), math.log(3.0), lm),
              (math.log(20.0), math.log(10.0), lm + math.log(10.0))]
    z = maximise(nll, starts)
    if z is None:
        return None
    p, q, gamma = (float(v) for v in np.exp(z))
    return p, q, gamma, math.fsum(np.real(gg_terms(p, q, gamma, x, m)))
