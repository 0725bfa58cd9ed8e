import Foundation

/// Replaces a file so that a crash at any instant leaves either the old file
/// or the new one, never a mix (SPEC §11): the bytes go to a temporary file in
/// the same folder, are flushed to disk, and the temporary file is renamed
/// over the original; the folder is flushed too, so the rename itself lasts.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).lifeline-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        var mode: mode_t = 0o644
        var st = stat()
        if stat(path, &st) == 0 { mode = st.st_mode & 0o7777 }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw SaveError.cannotWrite(path, String(cString: strerror(errno))) }
        var failure: String?
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                done += n
            }
        }
        if failure == nil, fchmod(fd, mode) != 0 || fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw SaveError.cannotWrite(path, failure)
        }
        let dirfd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 {
            fsync(dirfd)
            close(dirfd)
        }
    }
}

/// Why a save could not be done; nothing was written to that file.
public enum SaveError: Error, CustomStringConvertible, Equatable {
    /// Someone else changed the file since it was read: never overwritten silently.
    case changedOnDisk(String)
    case cannotWrite(String, String)
    /// The file has no column for a value that was edited.
    case missingColumn(file: String, column: String)

    public var description: String {
        switch self {
        case .changedOnDisk(let file): "\(file) changed on disk since it was read; reload it or save elsewhere"
        case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
        case .missingColumn(let file, let column): "\(file) has no \(column) column; add one to the file to record this value"
        }
    }
}
