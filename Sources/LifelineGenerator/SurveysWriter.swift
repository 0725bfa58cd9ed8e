/// surveys.csv (SPEC §1): relationship NPS sent quarterly to most accounts
/// (not every survey is answered) and occasional CSAT pulses. Scores follow
/// the account's sentiment, so fading customers turn into detractors.
enum SurveysWriter {
    static let fileName = "surveys.csv"
    static let header = "account_id,date,kind,score"

    private static let nps = Array("nps".utf8)
    private static let csat = Array("csat".utf8)

    private struct Response: Comparable {
        let day: Int
        let isNPS: Bool
        let score: Int

        static func < (a: Response, b: Response) -> Bool {
            (a.day, a.isNPS ? 0 : 1, a.score) < (b.day, b.isNPS ? 0 : 1, b.score)
        }
    }

    static func writeRows(_ account: AccountProfile, id: [UInt8], seed: UInt64,
                          timeline: Timeline, to out: CSVFileWriter) throws {
        var random = SeededRandom(seed: seed, account: account.number, stream: .surveys)
        let last = min(account.lastDay, timeline.endDay)
        var responses: [Response] = []

        if random.chance(0.72) {
            let responseRate = random.uniform(0.5, 0.9)
            var day = account.firstDay + random.below(91)
            while day <= last {
                if random.chance(responseRate) {
                    // Sentiment 0.8 answers 9 or 10 (promoter), 0.6 answers 7 or 8, 0.4 answers 5 or 6.
                    let mood = account.sentiment(at: day) + 0.12 * random.jitter()
                    let score = min(max(Int((1.5 + 10 * mood).rounded()), 0), 10)
                    responses.append(Response(day: day, isNPS: true, score: score))
                }
                day += 91
            }
        }
        if random.chance(0.3) {
            let lifeDays = last - account.firstDay + 1
            let count = random.poisson(Double(lifeDays) / 182.6)
            for _ in 0..<count {
                let day = account.firstDay + random.below(lifeDays)
                let mood = account.sentiment(at: day) + 0.1 + 0.15 * random.jitter()
                responses.append(Response(day: day, isNPS: false, score: 1 + Int((4 * clamp01(mood)).rounded())))
            }
        }
        guard !responses.isEmpty else { return }
        responses.sort()

        for response in responses {
            out.raw(id); out.comma()
            out.date(response.day); out.comma()
            out.raw(response.isNPS ? nps : csat); out.comma()
            out.int(response.score)
            try out.endRow()
        }
    }

    @inline(__always)
    private static func clamp01(_ x: Double) -> Double { min(max(x, 0), 1) }
}
