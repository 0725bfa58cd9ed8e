import Foundation
import LifelineTOML

/// Reading themes from TOML files.
///
/// A theme file gives styles to slots, each as a table with any of
/// `fg`, `bg` (a colour name, `bright-` + name, `default`, or 0–255) and
/// `bold`, `dim`, `reverse`, `underline` (true or false):
///
///     "risk.high" = { fg = "bright-red", bold = true }
///     [pane.border.focus]
///     fg = 14
///
/// Slots the file does not name keep the built-in default's style.
extension Theme {
    /// Loads a theme by name or by path.
    ///
    /// Something with a `/` or ending in `.toml` is a path; anything else is
    /// a name, looked up as `NAME.toml` in each directory in turn. The names
    /// `default` and `monochrome` fall back to the built-in themes when no
    /// directory has a file for them.
    public static func load(_ nameOrPath: String, searching directories: [String]) throws -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            return try load(contentsOf: nameOrPath)
        }
        for directory in directories {
            let path = (directory as NSString).appendingPathComponent(nameOrPath + ".toml")
            if FileManager.default.fileExists(atPath: path) { return try load(contentsOf: path) }
        }
        switch nameOrPath {
        case Theme.default.name: return .default
        case Theme.monochrome.name: return .monochrome
        default:
            let places = directories.isEmpty ? "no themes directory" : directories.joined(separator: ", ")
            throw ThemeError(file: nameOrPath, message: "no theme of that name (looked in \(places))")
        }
    }

    /// Loads the theme file at `path`; its name is the file name without `.toml`.
    public static func load(contentsOf path: String) throws -> Theme {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemeError(file: path, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(file: path, message: "not UTF-8 text")
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try parse(text, file: path, name: name)
    }

    /// Reads a theme from TOML text; `file` is only used in error messages.
    public static func parse(_ toml: String, file: String, name: String) throws -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLParser.parse(toml)
        } catch {
            throw ThemeError(file: file, line: error.line, column: error.column, message: error.message)
        }
        var theme = Theme.default
        theme.name = name
        var reader = ThemeFileReader(file: file)
        try reader.read(table, path: [])
        for (slot, style) in reader.styles { theme[slot] = style }
        return theme
    }
}

/// Walks a theme file's tables, turning dotted paths into slots.
private struct ThemeFileReader {
    let file: String
    var styles: [ThemeSlot: Style] = [:]

    private static let styleKeys: Set<String> = ["fg", "bg", "bold", "dim", "reverse", "underline"]
    private static let knownSlots = Set(ThemeSlot.all.map(\.name))

    mutating func read(_ table: TOMLTable, path: [String]) throws {
        let slotName = path.joined(separator: ".")
        var fields: [(String, TOMLValue)] = []
        var hasSubtables = false
        for entry in table.entries {
            let key = entry.key, value = entry.value
            if Self.styleKeys.contains(key), !path.isEmpty {
                fields.append((key, value))
            } else if let subtable = value.table {
                hasSubtables = true
                try read(subtable, path: path + [key])
            } else {
                let slot = (path + [key]).joined(separator: ".")
                let hint = Self.knownSlots.contains(slot)
                    ? "a slot takes a table, such as { fg = \"red\", bold = true }"
                    : "unknown slot"
                throw ThemeError(file: file, key: slot, message: hint)
            }
        }
        guard !path.isEmpty else { return }
        if Self.knownSlots.contains(slotName) {
            styles[ThemeSlot(slotName)] = try style(from: fields, slot: slotName)
        } else if !fields.isEmpty || !hasSubtables {
            throw ThemeError(file: file, key: slotName, message: "unknown slot")
        }
    }

    private func style(from fields: [(String, TOMLValue)], slot: String) throws -> Style {
        var style = Style()
        for (key, value) in fields {
            let fullKey = slot + "." + key
            switch key {
            case "fg": style.foreground = try color(value, key: fullKey)
            case "bg": style.background = try color(value, key: fullKey)
            default:
                guard let on = value.bool else {
                    throw ThemeError(file: file, key: fullKey, message: "expected true or false")
                }
                let attribute: TextAttributes = switch key {
                case "bold": .bold
                case "dim": .dim
                case "reverse": .reverse
                default: .underline
                }
                if on { style.attributes.insert(attribute) } else { style.attributes.remove(attribute) }
            }
        }
        return style
    }

    private func color(_ value: TOMLValue, key: String) throws -> Color {
        if let index = value.integer {
            guard (0...255).contains(index) else {
                throw ThemeError(file: file, key: key, message: "colour index \(index) is not within 0–255")
            }
            return .indexed(UInt8(index))
        }
        if let name = value.string, let color = ColorName.parse(name) { return color }
        throw ThemeError(
            file: file, key: key,
            message: "unknown colour \(value.written.isEmpty ? value.text : value.written); use \(ColorName.help)")
    }
}

/// Colour names as theme files write them.
enum ColorName {
    static let help = "black, red, green, yellow, blue, magenta, cyan, white, bright-<name>, default, or 0–255"

    private static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    static func parse(_ text: String) -> Color? {
        let name = text.lowercased()
        if name == "default" { return .default }
        if let index = names.firstIndex(of: name) { return Color.basics[index] }
        if name.hasPrefix("bright-"), let index = names.firstIndex(of: String(name.dropFirst(7))) {
            return .indexed(UInt8(8 + index))
        }
        return nil
    }
}
