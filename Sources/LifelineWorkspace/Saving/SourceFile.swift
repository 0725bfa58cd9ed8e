import Foundation

/// A file of the workspace as it was read, kept so that saving can rewrite
/// only edited rows and tell whether someone else changed the file since.
public struct SourceFile: Sendable {
    public var name: String
    /// The bytes as read (nil when the file did not exist).
    public var bytes: [UInt8]?
    public var fingerprint: Fingerprint
    /// The header names as written (nil for lifeline.toml or an absent file).
    public var header: [String]?

    /// Size and a 64-bit hash of the content: equal fingerprints mean the same bytes
    /// for any practical purpose, and computing one costs about a millisecond per 10 MB.
    public struct Fingerprint: Sendable, Equatable {
        public var size: Int
        public var hash: UInt64

        public static let absent = Fingerprint(size: -1, hash: 0)

        public init(size: Int, hash: UInt64) {
            self.size = size
            self.hash = hash
        }

        public init(_ bytes: [UInt8]) {
            size = bytes.count
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            bytes.withUnsafeBytes { raw in
                let words = raw.count / 8
                for i in 0..<words {
                    let w = raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
                    h = (h ^ w) &* 0x100_0000_01B3 &+ (h >> 29)
                }
                for i in (words * 8)..<raw.count { h = (h ^ UInt64(raw[i])) &* 0x100_0000_01B3 }
            }
            hash = h ^ UInt64(bytes.count)
        }

        /// The file's fingerprint now (`absent` when there is none, following
        /// a symbolic link); nil when it cannot be read.
        init?(ofFileAt path: String) {
            guard access(path, F_OK) == 0 else {
                self = .absent
                return
            }
            guard let bytes = try? WorkspaceLoader.readFile(path) else { return nil }
            self.init(bytes)
        }
    }

    public init(name: String, bytes: [UInt8]?, header: [String]? = nil) {
        self.name = name
        self.bytes = bytes
        self.header = header
        fingerprint = bytes.map(Fingerprint.init) ?? .absent
    }

    /// Whether the file has a column (matched as the reader matches: case-insensitive, trimmed).
    public func hasColumn(_ column: String) -> Bool {
        header?.contains { $0.lowercased() == column } ?? false
    }
}
