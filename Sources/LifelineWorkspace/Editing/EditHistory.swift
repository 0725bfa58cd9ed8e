/// Undo and redo for every edit of a session, and whether data edits are
/// unsaved. Settings edits (what-if) are undone in the same order but saved
/// separately, to lifeline.toml, so they do not make the data unsaved.
public struct EditHistory: Sendable {
    private var done: [(edit: Edit, serial: Int)] = []
    private var undone: [(edit: Edit, serial: Int)] = []
    private var nextSerial = 1
    /// The data state at the last save: the serial of the last data edit then in force.
    private var savedState = 0

    public init() {}

    /// Identifies the data as it stands: the serial of the last data edit in force.
    private var dataState: Int {
        done.last { if case .settings = $0.edit { return false } else { return true } }?.serial ?? 0
    }

    public var hasUnsavedEdits: Bool { dataState != savedState }

    /// Records an edit just applied; it clears what could be redone.
    public mutating func record(_ edit: Edit) {
        done.append((edit, nextSerial))
        nextSerial += 1
        undone.removeAll()
    }

    /// The edit to apply to undo the last one (its inverse), if any.
    public mutating func undo() -> Edit? {
        guard let last = done.popLast() else { return nil }
        undone.append(last)
        return last.edit.inverse
    }

    /// The edit to apply again, if any.
    public mutating func redo() -> Edit? {
        guard let next = undone.popLast() else { return nil }
        done.append(next)
        return next.edit
    }

    public mutating func markSaved() { savedState = dataState }
}
