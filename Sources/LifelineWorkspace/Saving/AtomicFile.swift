import Foundation

/// Replaces one file so that a crash at any instant leaves either the old file
/// or the new one, never a mix (SPEC §11): the bytes go to a temporary file in
/// the same folder, are flushed to disk, and the temporary file is renamed
/// over the original; the folder is flushed too, so the rename itself lasts.
///
/// SPEC §11 v2: a symbolic link is written through (the temporary file goes
/// beside its target, which the rename replaces, so the link stays a link);
/// the new file gets the old one's owner, group and mode; a file the user may
/// not write is refused. A hard link is not followed: the rename gives this
/// name a new file and the file's other names keep the old content.
struct AtomicFile {
    /// The file as the workspace names it, for messages.
    let name: String
    /// The file really replaced: the path itself, or the target of the link it is.
    let target: String
    /// The old file's status; nil when there is no file yet.
    private let original: stat?

    /// Follows a symbolic link and refuses a file the user may not write.
    /// Run as root, where access(2) allows everything, a file with no write
    /// bit for anyone counts as read-only too.
    init(_ path: String, name: String) throws {
        self.name = name
        var st = stat()
        if lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                throw SaveError.cannotWrite(name, "it is a symbolic link that cannot be followed: \(String(cString: strerror(errno)))")
            }
            target = String(cString: resolved)
            free(resolved)
        } else {
            target = path
        }
        guard stat(target, &st) == 0 else {
            original = nil
            return
        }
        guard access(target, W_OK) == 0, st.st_mode & 0o222 != 0 else { throw SaveError.readOnly(name) }
        original = st
    }

    /// The folder the temporary file goes in: the target's.
    var folder: String {
        let directory = (target as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    /// Whether `fileName` is a temporary file of a save (`.accounts.csv.lifeline-<pid>-<n>.tmp`).
    static func isTemporary(_ fileName: String) -> Bool {
        guard fileName.hasPrefix("."), fileName.hasSuffix(".tmp"),
              let marker = fileName.range(of: ".lifeline-", options: .backwards),
              fileName.distance(from: fileName.startIndex, to: marker.lowerBound) > 1 else { return false }
        let numbers = fileName[marker.upperBound...].dropLast(4).split(separator: "-", omittingEmptySubsequences: false)
        return numbers.count == 2 && numbers.allSatisfy { !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }
    }

    /// Writes `bytes` beside the target and renames them over it, unless the
    /// file on disk no longer has the fingerprint `expected` (checked last,
    /// just before the rename; nil skips the check).
    func replace(with bytes: [UInt8], ifStill expected: SourceFile.Fingerprint?) throws {
        let temporary = folder + "/.\((target as NSString).lastPathComponent).lifeline-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, original == nil ? 0o644 : 0o600)
        guard fd >= 0 else { throw SaveError.cannotWrite(name, String(cString: strerror(errno))) }
        var failure = Self.writeAll(bytes, to: fd)
        if failure == nil, let original { failure = Self.copyOwnerAndMode(original, to: fd) }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil, let expected, SourceFile.Fingerprint(ofFileAt: target) != expected {
            unlink(temporary)
            throw SaveError.changedOnDisk(name)
        }
        if failure == nil, rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw SaveError.cannotWrite(name, failure)
        }
        let dirfd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 {
            fsync(dirfd)
            close(dirfd)
        }
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> String? {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                done += n
            }
            return nil
        }
    }

    /// Gives the new file the old one's owner, group and mode. A save that
    /// cannot (the file belongs to someone else) is refused rather than
    /// handing the file to whoever saved it.
    private static func copyOwnerAndMode(_ original: stat, to fd: Int32) -> String? {
        var mine = stat()
        guard fstat(fd, &mine) == 0 else { return String(cString: strerror(errno)) }
        if mine.st_uid != original.st_uid || mine.st_gid != original.st_gid, fchown(fd, original.st_uid, original.st_gid) != 0 {
            return "its owner and group (uid \(original.st_uid), gid \(original.st_gid)) could not be kept: \(String(cString: strerror(errno)))"
        }
        return fchmod(fd, original.st_mode & 0o7777) == 0 ? nil : String(cString: strerror(errno))
    }
}
