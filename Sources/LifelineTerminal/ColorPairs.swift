import CNcursesw
import LifelineTUI

/// How much colour the terminal shows (and the user allows).
public enum ColorMode: Equatable, Sendable {
    /// No colour: NO_COLOR is set, or the terminal has none.
    case none
    case basic8
    case basic16
    case palette256
}

/// Colour pairs, made on first use from the styles that are drawn.
///
/// Palette indexes the terminal lacks are brought down to the nearest basic
/// colour, so 256-colour themes still read on `TERM=xterm`.
final class ColorPairs {
    let mode: ColorMode
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    private let pairLimit: Int32

    init(mode: ColorMode) {
        self.mode = mode
        self.pairLimit = mode == .none ? 0 : ll_color_pairs()
    }

    /// The pair to draw a style with; 0 (the default colours) when colour
    /// is off or the terminal has run out of pairs.
    func pair(for style: Style) -> Int32 {
        guard mode != .none else { return 0 }
        let key = PairKey(foreground: number(style.foreground), background: number(style.background))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        guard nextPair < pairLimit, init_extended_pair(nextPair, key.foreground, key.background) != ERR else { return 0 }
        pairs[key] = nextPair
        nextPair += 1
        return nextPair - 1
    }

    /// The curses attributes for a style.
    func attributes(for style: Style) -> attr_t {
        var attributes = attr_t(0)
        if style.attributes.contains(.bold) { attributes |= ll_a_bold() }
        if style.attributes.contains(.dim) { attributes |= ll_a_dim() }
        if style.attributes.contains(.reverse) { attributes |= ll_a_reverse() }
        if style.attributes.contains(.underline) { attributes |= ll_a_underline() }
        return attributes
    }

    /// A colour number the terminal has: -1 for its default colour.
    private func number(_ color: Color) -> Int32 {
        guard let index = color.paletteIndex else { return -1 }
        switch mode {
        case .palette256, .none: return Int32(index)
        case .basic16 where index < 16: return Int32(index)
        case .basic8 where index < 8: return Int32(index)
        case .basic16, .basic8: return nearestBasic(index)
        }
    }

    /// The basic colour (0–7, or 0–15 when the terminal has them) closest to
    /// a palette entry, by which of red, green and blue are strong in it.
    private func nearestBasic(_ index: Int) -> Int32 {
        let (red, green, blue) = ColorPairs.rgb(index)
        let basic = (red >= 128 ? 1 : 0) | (green >= 128 ? 2 : 0) | (blue >= 128 ? 4 : 0)
        let bright = mode == .basic16 && max(red, green, blue) > 200
        return Int32(basic + (bright ? 8 : 0))
    }

    /// The xterm palette's colour for an index.
    private static func rgb(_ index: Int) -> (Int, Int, Int) {
        switch index {
        case 0..<16:
            if index == 7 { return (192, 192, 192) }
            if index == 8 { return (128, 128, 128) }
            let level = index < 8 ? 128 : 255
            return ((index & 1) != 0 ? level : 0, (index & 2) != 0 ? level : 0, (index & 4) != 0 ? level : 0)
        case 16..<232:
            let levels = [0, 95, 135, 175, 215, 255]
            let cube = index - 16
            return (levels[cube / 36], levels[cube / 6 % 6], levels[cube % 6])
        default:
            let gray = 8 + (index - 232) * 10
            return (gray, gray, gray)
        }
    }
}

private struct PairKey: Hashable {
    let foreground: Int32
    let background: Int32
}
