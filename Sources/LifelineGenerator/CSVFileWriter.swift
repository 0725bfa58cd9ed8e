import Foundation

/// Streams one CSV file to disk through a raw byte buffer. Rows are appended
/// field by field with hand-written digit formatting — no per-row `String`,
/// no interpolation, no locale — and the buffer goes out in 4 MB writes,
/// which is what keeps a half-gigabyte workspace well under a minute.
final class CSVFileWriter {
    let path: String
    private(set) var rows = 0
    private(set) var bytesWritten = 0

    private let handle: FileHandle
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private static let flushThreshold = 4 << 20
    private var closed = false

    /// Creates (or truncates) the file and writes the header line.
    init(path: String, header: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path)
        else {
            let reason = String(cString: strerror(errno))
            throw GeneratorError.cannotCreateFile(path: path, reason: reason)
        }
        self.handle = handle
        capacity = CSVFileWriter.flushThreshold + (64 << 10)
        buffer = .allocate(capacity: capacity)
        append(header)
        byte(0x0A)
    }

    deinit {
        buffer.deallocate()
        if !closed { try? handle.close() }
    }

    // MARK: Fields

    @inline(__always)
    func byte(_ value: UInt8) {
        buffer[count] = value
        count += 1
    }

    @inline(__always)
    func comma() { byte(0x2C) }

    /// Bytes that never need quoting (ids, enum values, pre-formatted text).
    @inline(__always)
    func raw(_ bytes: [UInt8]) {
        ensure(bytes.count)
        bytes.withUnsafeBufferPointer { source in
            (buffer + count).update(from: source.baseAddress!, count: source.count)
        }
        count += bytes.count
    }

    /// A non-negative or negative integer in plain decimal.
    @inline(__always)
    func int(_ value: Int) {
        if value < 0 {
            byte(0x2D)
            unsignedDigits(UInt64(value.magnitude))
        } else {
            unsignedDigits(UInt64(value))
        }
    }

    /// An amount of cents as `-1234.05`: always two decimals, exact.
    @inline(__always)
    func money(cents: Int) {
        if cents < 0 { byte(0x2D) }
        let magnitude = cents.magnitude
        unsignedDigits(UInt64(magnitude / 100))
        byte(0x2E)
        let fraction = Int(magnitude % 100)
        byte(UInt8(48 + fraction / 10))
        byte(UInt8(48 + fraction % 10))
    }

    /// `prefix` followed by `value` zero-padded to `width` digits (`ACC-000123`).
    @inline(__always)
    func paddedID(_ prefix: [UInt8], _ value: Int, width: Int) {
        raw(prefix)
        var digits = 1
        var rest = value / 10
        while rest > 0 { digits += 1; rest /= 10 }
        for _ in digits..<max(digits, width) { byte(0x30) }
        unsignedDigits(UInt64(value))
    }

    /// A day number as `YYYY-MM-DD`.
    @inline(__always)
    func date(_ dayNumber: Int) {
        let (y, m, d) = CivilCalendar.civil(dayNumber)
        byte(UInt8(48 + y / 1000 % 10))
        byte(UInt8(48 + y / 100 % 10))
        byte(UInt8(48 + y / 10 % 10))
        byte(UInt8(48 + y % 10))
        byte(0x2D)
        byte(UInt8(48 + m / 10))
        byte(UInt8(48 + m % 10))
        byte(0x2D)
        byte(UInt8(48 + d / 10))
        byte(UInt8(48 + d % 10))
    }

    /// Free text, quoted per RFC 4180 when it holds a comma, a quote, CR or
    /// LF (inner quotes doubled), or leading/trailing spaces that a reader
    /// would otherwise trim.
    func text(_ value: String) {
        var utf8 = Array(value.utf8)
        let needsQuotes = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || utf8.first == 0x20 || utf8.last == 0x20
        guard needsQuotes else {
            raw(utf8)
            return
        }
        var quoted: [UInt8] = [0x22]
        quoted.reserveCapacity(utf8.count + 8)
        for b in utf8 {
            quoted.append(b)
            if b == 0x22 { quoted.append(0x22) }
        }
        quoted.append(0x22)
        utf8 = quoted
        raw(utf8)
    }

    /// Ends the row with LF and flushes when the buffer is full.
    @inline(__always)
    func endRow() throws {
        byte(0x0A)
        rows += 1
        if count >= CSVFileWriter.flushThreshold { try flush() }
    }

    /// Writes what is buffered and closes the file.
    func close() throws {
        try flush()
        closed = true
        do {
            try handle.close()
        } catch {
            throw GeneratorError.cannotWrite(path: path, reason: "\(error)")
        }
    }

    // MARK: Internals

    @inline(__always)
    private func unsignedDigits(_ value: UInt64) {
        if value < 10 {
            byte(UInt8(48 + value))
            return
        }
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes ≥ 20 digits
        var length = 0
        var rest = value
        withUnsafeMutableBytes(of: &scratch) { digits in
            while rest > 0 {
                digits[length] = UInt8(48 + rest % 10)
                rest /= 10
                length += 1
            }
            for index in stride(from: length - 1, through: 0, by: -1) {
                byte(digits[index])
            }
        }
    }

    /// Appends a header or other text that needs no quoting.
    private func append(_ string: String) {
        raw(Array(string.utf8))
    }

    /// Grows the buffer when a single field would overrun the slack above the
    /// flush threshold (only a pathological name could).
    @inline(__always)
    private func ensure(_ extra: Int) {
        guard count + extra + 64 > capacity else { return }
        let newCapacity = (count + extra + 64) * 2
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: buffer, count: count)
        buffer.deallocate()
        buffer = bigger
        capacity = newCapacity
    }

    private func flush() throws {
        guard count > 0 else { return }
        let data = Data(bytesNoCopy: buffer, count: count, deallocator: .none)
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw GeneratorError.cannotWrite(path: path, reason: "\(error)")
        }
        bytesWritten += count
        count = 0
    }
}
