import Foundation
import LifelineGenerator

/// A generated workspace in a temporary directory, read back with a small
/// RFC 4180 parser of its own so the tests do not trust the writer's quoting.
struct GeneratedWorkspace {
    let directory: URL
    let summary: GenerationSummary

    init(_ options: GeneratorOptions) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lifeline-generator-tests-\(UUID().uuidString)")
        summary = try WorkspaceGenerator.generate(into: directory, options: options)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    func bytes(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    /// The file's header and rows, each row a dictionary by column name.
    func table(_ name: String) throws -> (header: [String], rows: [[String: String]]) {
        let text = String(decoding: try bytes(name), as: UTF8.self)
        let records = CSVRecords.parse(text)
        guard let header = records.first else { return ([], []) }
        let rows = records.dropFirst().map { record in
            Dictionary(uniqueKeysWithValues: zip(header, record))
        }
        return (header, Array(rows))
    }

    /// Raw records including the header, to check field counts.
    func records(_ name: String) throws -> [[String]] {
        CSVRecords.parse(String(decoding: try bytes(name), as: UTF8.self))
    }
}

/// RFC 4180: fields separated by commas, records by LF or CRLF; a quoted
/// field may hold commas, line breaks and doubled quotes.
enum CSVRecords {
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar?
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = n }
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else if c != "\r" {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
