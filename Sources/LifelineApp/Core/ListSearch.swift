import Foundation
import LifelineTUI

/// `/` on a list or pane: the text being typed or last given, and the rows
/// that match it, reached with n and N (less's search). Case is ignored.
struct ListSearch: Equatable, Sendable {
    /// Non-nil while the text is being typed.
    private(set) var input: TextInputState?
    private(set) var text = ""

    var isTyping: Bool { input != nil }
    var isApplied: Bool { !text.isEmpty }

    mutating func begin() { input = TextInputState(text: text) }
    mutating func accept() { input = nil }
    mutating func clear() { input = nil; text = "" }

    /// An editing key while typing; false when it is not one.
    mutating func type(_ key: Key) -> Bool {
        guard var typing = input, typing.handle(key) else { return false }
        input = typing
        text = typing.text
        return true
    }

    func matches(_ haystack: String) -> Bool {
        !text.isEmpty && haystack.range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }

    /// The first matching row after `current` going forward (before it going
    /// back), wrapping around; `current` itself first when `including`.
    func next(from current: Int?, count: Int, backward: Bool = false, including: Bool = false, text: (Int) -> String) -> Int? {
        guard count > 0, isApplied else { return nil }
        let start = current ?? (backward ? 0 : count - 1)
        for step in (including ? 0 : 1)...count {
            let i = ((backward ? start - step : start + step) % count + count) % count
            if matches(text(i)) { return i }
        }
        return nil
    }

    /// The prompt over the hint line while typing.
    func draw(_ prompt: String, _ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        guard let input else { return }
        screen.fill(layout.hints, style: s.theme[.input])
        TextInput(prompt: prompt, state: input, theme: s.theme).render(in: layout.hints, on: &screen)
    }
}
