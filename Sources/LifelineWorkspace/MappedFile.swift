import Glibc

/// A file's bytes mapped into memory for one pass of reading.
///
/// Tables that edits never touch (usage, transactions: 86 % of the bytes of a
/// generated workspace) need not be copied: reading them into a fresh buffer
/// cost a copy and a zeroed page for every 4 KB (copy_to_iter, clear_page and
/// page faults were about a quarter of `report --json` on 100,000 accounts in
/// perf record, issue 8). Mapped, the pages come straight from the page cache.
enum MappedFile {
    static func withBytes<R>(of path: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw WorkspaceLoadError.unreadable(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw WorkspaceLoadError.unreadable(path, String(cString: strerror(errno))) }
        let size = Int(st.st_size)
        // The loader refused anything but a regular file before opening; a
        // file swapped for a pipe since then is refused here, never read.
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw WorkspaceLoadError.unreadable(path, "not a regular file") }
        guard size > 0 else {
            let bytes = try WorkspaceLoader.readFile(path)
            return try bytes.withUnsafeBufferPointer(body)
        }
        guard let map = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), map != MAP_FAILED else {
            let bytes = try WorkspaceLoader.readFile(path)
            return try bytes.withUnsafeBufferPointer(body)
        }
        defer { munmap(map, size) }
        return try body(UnsafeBufferPointer(start: map.assumingMemoryBound(to: UInt8.self), count: size))
    }
}
