#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A log-likelihood and its gradient at some shape parameters (all > 0);
/// nil where it is not finite.
typealias LogLikelihood = ([Double]) -> (value: Double, gradient: [Double])?

/// Why a model could not be fitted; said in words on screen and in the text output.
public enum FitFailure: Error, Sendable, Equatable {
    /// Fewer accounts, churns or repeat buyers than the model needs (SPEC §14).
    case tooLittleData(String)
    /// LL grows all the way to the edge of [1e-6, 1e6] (SPEC §14.3).
    case noMaximumInside(parameter: String)
    case notFinite
    /// The climb was still moving after `MaximumLikelihood.maxSteps` steps.
    case didNotSettle
    /// Gamma-Gamma's q ≤ 1: the mean spend would be infinite (SPEC §14.2).
    case infiniteMeanSpend

    public var reason: String {
        switch self {
        case .tooLittleData(let what): return what
        case .noMaximumInside(let p):
            return "no maximum inside the range: the likelihood keeps rising as \(p) runs to the edge of [1e-6, 1e6], "
                + "so the book looks the same for every customer (no heterogeneity to model)"
        case .notFinite: return "the likelihood could not be evaluated (it is not finite anywhere the fit looked)"
        case .didNotSettle: return "the fit was still moving after \(MaximumLikelihood.maxSteps) steps (the likelihood is too flat to locate a maximum)"
        case .infiniteMeanSpend: return "the spend model gives q ≤ 1, an infinite mean spend"
        }
    }
}

/// Maximum likelihood over shape parameters confined to [1e-6, 1e6]
/// (SPEC §14.3), worked in log-parameters with BFGS and a backtracking line
/// search, projected onto the box. The starting point is the best of several;
/// an optimum on the edge of the box is confirmed from the next best start,
/// and is then reported as no maximum inside the range.
enum MaximumLikelihood {
    struct Fit: Sendable, Equatable {
        var parameters: [Double]
        var logLikelihood: Double
    }

    static let lower = log(1e-6)
    static let upper = log(1e6)
    /// How close to an edge (in log-parameter) counts as on it: 1 %. Where
    /// heterogeneity vanishes the likelihood flattens along a ridge towards the
    /// edge, and a climb can stop just short of it.
    static let edge = log(1.01)
    static let maxSteps = 1_000

    static func maximize(_ names: [String], starts: [[Double]], _ f: LogLikelihood) -> Result<Fit, FitFailure> {
        let ranked = starts.compactMap { s -> (Double, [Double])? in
            guard let v = f(s)?.value, v.isFinite else { return nil }
            return (v, s)
        }.sorted { $0.0 > $1.0 }
        guard !ranked.isEmpty else { return .failure(.notFinite) }
        var onEdge = 0
        for (_, start) in ranked.prefix(2) {
            guard let fit = climb(from: start.map { clamp(log($0), lower, upper) }, f) else { return .failure(.notFinite) }
            let side = fit.theta.firstIndex(where: { $0 - lower < edge || upper - $0 < edge })
            if side == nil && !fit.settled { return .failure(.didNotSettle) }
            guard let side else {
                if let ridge = ridgeToEdge(fit.theta, fit.value, f) { return .failure(.noMaximumInside(parameter: names[ridge])) }
                return .success(Fit(parameters: fit.theta.map { exp($0) }, logLikelihood: fit.value))
            }
            onEdge = side
        }
        return .failure(.noMaximumInside(parameter: names[onEdge]))
    }

    /// Where heterogeneity vanishes, LL rises along a ridge on which the
    /// parameters grow together (r and α keeping r/α, a and b keeping a/b…)
    /// towards the edge, and so flatly that a climb stops well inside it
    /// (r = 188,000, α = 882,000 on a generated book). So a maximum is only
    /// inside the range if LL is lower at the edge along every such ray: each
    /// parameter alone, each pair and all of them moved together until the
    /// largest reaches 1e6. Returns the index of a parameter on a ray whose
    /// edge is as good as the fit, or nil when the maximum is inside.
    private static func ridgeToEdge(_ theta: [Double], _ value: Double, _ f: LogLikelihood) -> Int? {
        let n = theta.count
        var rays: [[Int]] = (0..<n).map { [$0] }
        for i in 0..<n { for j in (i + 1)..<n { rays.append([i, j]) } }
        if n > 2 { rays.append(Array(0..<n)) }
        let tolerance = 1e-9 * max(1, abs(value))
        for ray in rays {
            let shift = upper - ray.map { theta[$0] }.max()!
            guard shift > 0 else { continue }
            var far = theta
            for i in ray { far[i] += shift }
            if let v = f(far.map { exp($0) })?.value, v.isFinite, v >= value - tolerance { return ray[0] }
        }
        return nil
    }

    /// BFGS on −LL in log-parameters θ; stops when no step moves any θ by more than 1e-10.
    private static func climb(from start: [Double], _ f: LogLikelihood) -> (theta: [Double], value: Double, settled: Bool)? {
        let n = start.count
        func eval(_ theta: [Double]) -> (Double, [Double])? {
            let p = theta.map { exp($0) }
            guard let r = f(p), r.value.isFinite, r.gradient.allSatisfy(\.isFinite) else { return nil }
            return (-r.value, (0..<n).map { -r.gradient[$0] * p[$0] })
        }
        var theta = start
        guard var (fx, g) = eval(theta) else { return nil }
        var h = identity(n)
        var settled = false
        for _ in 0..<maxSteps {
            // Parameters held at a bound by a gradient pushing outwards stay fixed.
            let fixed = (0..<n).map { (theta[$0] <= lower && g[$0] > 0) || (theta[$0] >= upper && g[$0] < 0) }
            var d = (0..<n).map { i in fixed[i] ? 0 : -(0..<n).reduce(0.0) { $0 + (fixed[$1] ? 0 : h[i][$1] * g[$1]) } }
            if zip(d, g).reduce(0.0, { $0 + $1.0 * $1.1 }) >= 0 {
                h = identity(n)
                d = (0..<n).map { fixed[$0] ? 0 : -g[$0] }
            }
            let longest = d.map(abs).max() ?? 0
            if longest == 0 { settled = true; break }
            if longest > 3 { d = d.map { $0 * 3 / longest } }
            var t = 1.0
            var accepted: (theta: [Double], f: Double, g: [Double])?
            for _ in 0..<60 {
                let trial = (0..<n).map { clamp(theta[$0] + t * d[$0], lower, upper) }
                // A step this short moves nothing the fit is asked to resolve.
                if (0..<n).allSatisfy({ abs(trial[$0] - theta[$0]) <= 1e-10 }) { settled = true; break }
                if let (ft, gt) = eval(trial) {
                    let decrease = (0..<n).reduce(0.0) { $0 + g[$1] * (trial[$1] - theta[$1]) }
                    if ft <= fx + 1e-4 * decrease { accepted = (trial, ft, gt); break }
                }
                t *= 0.5
            }
            guard let next = accepted else {
                settled = true
                break
            }
            let s = (0..<n).map { next.theta[$0] - theta[$0] }
            let y = (0..<n).map { next.g[$0] - g[$0] }
            theta = next.theta
            fx = next.f
            g = next.g
            if (s.map(abs).max() ?? 0) <= 1e-10 { settled = true; break }
            update(&h, s, y)
        }
        return (theta, -fx, settled)
    }

    private static func identity(_ n: Int) -> [[Double]] {
        (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
    }

    /// The BFGS update of the inverse Hessian, skipped when the curvature
    /// condition fails (it would lose positive definiteness).
    private static func update(_ h: inout [[Double]], _ s: [Double], _ y: [Double]) {
        let n = s.count
        let sy = zip(s, y).reduce(0.0) { $0 + $1.0 * $1.1 }
        guard sy > 1e-12 * sqrt(s.reduce(0) { $0 + $1 * $1 } * y.reduce(0) { $0 + $1 * $1 }) else { return }
        let rho = 1 / sy
        let hy = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + h[i][$1] * y[$1] } }
        let yhy = zip(y, hy).reduce(0.0) { $0 + $1.0 * $1.1 }
        for i in 0..<n {
            for j in 0..<n {
                h[i][j] += (1 + yhy * rho) * rho * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j])
            }
        }
    }
}
