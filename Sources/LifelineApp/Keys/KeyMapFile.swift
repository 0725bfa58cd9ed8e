import Foundation
import LifelineTOML
import LifelineTUI

/// keys.toml: a section per context, `action = "key"` or `action = ["key", "key"]`.
///
///     [global]
///     quit = ["Q", "ctrl-c"]
///     [account-list]
///     search = ["/", "f"]
///
/// Only what the file names changes; see `KeyMap.defaults` for the names.
public struct KeyMapError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
}

extension KeyMap {
    /// The defaults with the first of `paths` that exists laid over them.
    public static func load(searching paths: [String]) throws -> (KeyMap, String?) {
        guard let path = paths.first(where: { FileManager.default.fileExists(atPath: $0) }) else { return (KeyMap(), nil) }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return (try KeyMap(overriding: text, file: path), path)
    }

    /// keys.toml next to lifeline.toml, then ~/.config/lifeline/keys.toml.
    public static func searchPaths(workspace: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var isDirectory: ObjCBool = false
        let folder = FileManager.default.fileExists(atPath: workspace, isDirectory: &isDirectory) && isDirectory.boolValue
            ? workspace : (workspace as NSString).deletingLastPathComponent
        var paths = [(folder.isEmpty ? "." : folder) + "/keys.toml"]
        let config = environment["XDG_CONFIG_HOME"] ?? environment["HOME"].map { $0 + "/.config" }
        if let config { paths.append(config + "/lifeline/keys.toml") }
        return paths
    }

    public init(overriding toml: String, file: String) throws {
        self.init()
        let table: TOMLTable
        do {
            table = try TOMLParser.parse(toml)
        } catch {
            throw KeyMapError(file: file, line: error.line, message: error.message)
        }
        for section in table.entries {
            guard let context = KeyContext(rawValue: section.key), let actions = section.value.table else {
                let names = KeyContext.allCases.map(\.rawValue).joined(separator: ", ")
                throw KeyMapError(file: file, line: section.line, message: "unknown section [\(section.key)]; sections are \(names)")
            }
            for entry in actions.entries {
                let values = entry.value.array ?? [entry.value]
                let keys = try values.map { value -> Key in
                    guard let name = value.string, let key = Key(name: name) else {
                        throw KeyMapError(file: file, line: value.line, message: "\(entry.key): '\(value.text)' is not a key (such as \"q\", \"enter\", \"ctrl-r\", \"pgdn\")")
                    }
                    return key
                }
                guard let action = Action(rawValue: entry.key), rebind(action, in: context, to: keys) else {
                    let names = bindings(in: context).map(\.action.rawValue).joined(separator: ", ")
                    throw KeyMapError(file: file, line: entry.line, message: "[\(context.rawValue)] has no action '\(entry.key)'; it has \(names)")
                }
            }
        }
    }
}
