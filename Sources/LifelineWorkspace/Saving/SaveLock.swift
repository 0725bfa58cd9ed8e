import Foundation

/// An exclusive advisory lock (flock) on `.lifeline.lock` in a folder a save
/// writes into, held for the whole save (SPEC §11 v2). Two Lifelines saving at
/// once take turns, and the second then finds the first one's change in its
/// fingerprint check instead of overwriting it. The lock belongs to the
/// folder, not to a workspace, so a folder and its accounts.csv opened alone
/// (or two workspaces linking to one file) exclude each other too; and while
/// it is held no other save can be under way there, so any temporary file of
/// a save found in the folder was left by one that was killed.
///
/// The lock file is empty and harmless to keep: it is never deleted, because
/// deleting it could let two processes lock two different files of one name.
struct SaveLock {
    static let fileName = ".lifeline.lock"
    /// How long a save waits for another save into the same folder to finish.
    static let patience: Duration = .seconds(10)

    private var descriptors: [Int32] = []

    /// Locks every folder, in one order (so two saves can never wait for each other).
    init(folders: [String]) throws {
        var canonical = Set<String>()
        for folder in folders {
            guard let resolved = realpath(folder, nil) else { throw SaveError.cannotWrite(folder, String(cString: strerror(errno))) }
            canonical.insert(String(cString: resolved))
            free(resolved)
        }
        do {
            for folder in canonical.sorted() { descriptors.append(try Self.lock(folder)) }
        } catch {
            release()
            throw error
        }
    }

    func release() {
        for fd in descriptors { close(fd) }
    }

    private static func lock(_ folder: String) throws -> Int32 {
        let path = folder + "/" + fileName
        var fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { fd = open(path, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw SaveError.cannotWrite(path, String(cString: strerror(errno))) }
        let deadline = ContinuousClock.now + patience
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let reason = errno
            guard reason == EWOULDBLOCK || reason == EINTR else {
                close(fd)
                throw SaveError.cannotWrite(path, "cannot lock it: \(String(cString: strerror(reason)))")
            }
            guard ContinuousClock.now < deadline else {
                close(fd)
                throw SaveError.busy(folder)
            }
            usleep(5_000)
        }
        return fd
    }
}
