/// The exactly rounded sum of `terms` (SPEC §13 v2), for the forecast's and
/// the cohorts' sums.
func exactSum<S: Sequence>(_ terms: S) -> Double where S.Element == Double {
    ExactSum(terms).value
}
