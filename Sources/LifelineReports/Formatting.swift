import Foundation
import LifelineWorkspace

/// How numbers read to a person (not used for JSON, which is exact).
public enum Formatting {
    /// `$1,234.56` for USD, `1,234.56 EUR` for other currencies.
    public static func money(_ v: Double, currency: String = "USD", decimals: Int = 2) -> String {
        let text = grouped(abs(v), decimals: decimals)
        let sign = v < 0 && text.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "-" : ""
        return currency == "USD" ? sign + "$" + text : sign + text + " " + currency
    }

    /// `$1.24M`, `$8.4k`, `$590`: for tight columns.
    public static func compactMoney(_ v: Double, currency: String = "USD") -> String {
        let a = abs(v)
        let sign = v < 0 ? "-" : ""
        let body: String
        if a >= 999_500_000 { body = fixed(a / 1e9, 2) + "B" }
        else if a >= 999_500 { body = fixed(a / 1e6, 2) + "M" }
        else if a >= 9_995 { body = fixed(a / 1e3, 1) + "k" }
        else if a >= 1_000 { body = fixed(a / 1e3, 2) + "k" }
        else { body = fixed(a, 0) }
        return currency == "USD" ? sign + "$" + body : sign + body + " " + currency
    }

    public static func fixed(_ v: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", v)
    }

    public static func grouped(_ v: Double, decimals: Int) -> String {
        let s = fixed(v, decimals)
        let parts = s.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var out = ""
        while integer.count > 3 {
            out = "," + integer.suffix(3) + out
            integer.removeLast(3)
        }
        out = integer + out
        return parts.count > 1 ? out + "." + parts[1] : out
    }

    /// `104.2 %`, or `—` when none.
    public static func percent(_ v: Double?, decimals: Int = 1) -> String {
        v.map { fixed($0, decimals) + " %" } ?? "—"
    }

    public static func score(_ v: Double?) -> String { v.map { fixed($0, 1) } ?? "—" }

    /// `+1.4` / `−0.6` with a real minus sign, or `—`.
    public static func signed(_ v: Double?, decimals: Int = 1) -> String {
        guard let v else { return "—" }
        let s = fixed(abs(v), decimals)
        if s == fixed(0, decimals) { return s }
        return (v < 0 ? "−" : "+") + s
    }

    public static func date(_ d: Day?) -> String { d.map(CivilDate.format) ?? "—" }
}
