/// Undo and redo for every edit of a session, and whether anything is unsaved.
public struct EditHistory: Sendable {
    public private(set) var done: [Edit] = []
    public private(set) var undone: [Edit] = []
    /// `done.count` when last saved (or loaded); nil once that state cannot come back.
    private var savePoint: Int? = 0

    public init() {}

    public var hasUnsavedEdits: Bool { savePoint != done.count }
    public var canUndo: Bool { !done.isEmpty }
    public var canRedo: Bool { !undone.isEmpty }

    /// Records an edit just applied; it clears what could be redone.
    public mutating func record(_ edit: Edit) {
        if let p = savePoint, p > done.count { savePoint = nil }
        done.append(edit)
        undone.removeAll()
    }

    /// The edit to apply to undo the last one (its inverse), if any.
    public mutating func undo() -> Edit? {
        guard let last = done.popLast() else { return nil }
        undone.append(last)
        return last.inverse
    }

    /// The edit to apply again, if any.
    public mutating func redo() -> Edit? {
        guard let next = undone.popLast() else { return nil }
        done.append(next)
        return next
    }

    public mutating func markSaved() { savePoint = done.count }
}
