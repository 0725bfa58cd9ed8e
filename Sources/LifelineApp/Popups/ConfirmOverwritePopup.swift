import LifelineTUI

/// An export would replace a file that is there: replace it, or not.
struct ConfirmOverwritePopup: Popup {
    var path: String

    var contexts: [KeyContext] { [.confirmOverwrite] }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        queue.closePopup()
        if action == .confirm { queue.run(.export(path: path, overwrite: true)) } else { session.message = "Not exported: \(path) is unchanged" }
    }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let keys = s.keys.bindings(in: .confirmOverwrite).map { Line($0.keyLabel + "  " + $0.words) }
        Modal(title: "Replace the file?", lines: ["", Line(path.middleTruncated(toWidth: s.width - 8)), "exists already.", ""] + keys,
              maxWidth: s.width - 4, theme: s.theme).render(in: screen.area, on: &screen)
    }
}
