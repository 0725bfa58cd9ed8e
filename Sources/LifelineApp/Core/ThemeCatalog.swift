import LifelineTUI

/// The themes there are and how to load one by name: given by the program
/// (which knows where themes ship), so the app can offer `:theme`.
public struct ThemeCatalog: Sendable {
    public var names: [String]
    public var load: @Sendable (String) throws -> Theme

    public init(names: [String], load: @escaping @Sendable (String) throws -> Theme) {
        self.names = names
        self.load = load
    }

    /// The themes built into the toolkit, which need no file.
    public static let builtIn = ThemeCatalog(names: [Theme.default.name, Theme.monochrome.name]) { name in
        if name == Theme.monochrome.name { return .monochrome }
        return .default
    }
}
