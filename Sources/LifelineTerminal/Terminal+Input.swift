import CNcursesw
import Glibc
import LifelineTUI

extension Terminal {
    /// Waits for the next key, mouse event or resize.
    ///
    /// - Parameter timeoutMs: how long to wait; nil waits until something
    ///   happens.
    /// - Returns: the event, or nil when nothing arrived in time (or the
    ///   input was a key the dashboard has no use for).
    public func nextEvent(timeoutMs: Int?) -> InputEvent? {
        wtimeout(window, Int32(clamping: timeoutMs ?? -1))
        var input: wint_t = 0
        switch wget_wch(window, &input) {
        case OK:
            return Terminal.event(forCharacter: UInt32(input))
        case KEY_CODE_YES:
            return keyCodeEvent(Int32(input))
        default:
            return nil
        }
    }

    private func keyCodeEvent(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            return .resize(width: size.width, height: size.height)
        case KEY_MOUSE:
            return mouseEvent()
        default:
            return Terminal.keys[code].map { .key($0) } ?? functionKey(code)
        }
    }

    private func functionKey(_ code: Int32) -> InputEvent? {
        let number = Int(code - ll_key_f(0))
        return (1...63).contains(number) ? .key(.function(number)) : nil
    }

    private func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let buttons = event.bstate
        let kind: MouseKind
        if buttons & ll_button4_pressed() != 0 {
            kind = .wheelUp
        } else if buttons & ll_button5_pressed() != 0 {
            kind = .wheelDown
        } else if buttons & (ll_button1_pressed() | ll_button1_clicked()) != 0 {
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            let double = lastClick.map { $0.x == event.x && $0.y == event.y && milliseconds(from: $0.at, to: now) < 400 } ?? false
            lastClick = double ? nil : (event.x, event.y, now)
            kind = double ? .doubleClick : .click
        } else {
            return nil
        }
        return .mouse(x: Int(event.x), y: Int(event.y), kind: kind)
    }

    private func milliseconds(from a: timespec, to b: timespec) -> Int {
        (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1_000_000
    }

    private static let keys: [Int32: Key] = [
        KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
        KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown, KEY_HOME: .home, KEY_END: .end,
        KEY_BACKSPACE: .backspace, KEY_DC: .delete, KEY_IC: .insert,
        KEY_BTAB: .backTab, KEY_ENTER: .enter,
    ]

    /// A character from `get_wch`: the C0 controls that are keys, or text.
    static func event(forCharacter value: UInt32) -> InputEvent? {
        switch value {
        case 0x09: return .key(.tab)
        case 0x0A, 0x0D: return .key(.enter)
        case 0x1B: return .key(.escape)
        case 0x08, 0x7F: return .key(.backspace)
        case 0x01...0x1A: return .key(.ctrl(Character(Unicode.Scalar(0x60 + value)!)))
        case 0x00..<0x20, 0x80..<0xA0: return nil
        default: return Unicode.Scalar(value).map { .key(.character(Character($0))) }
        }
    }
}
