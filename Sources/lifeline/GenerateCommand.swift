import ArgumentParser
import Foundation
import LifelineGenerator

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a realistic synthetic workspace; the same seed gives the same files.",
        discussion: "Example: lifeline generate /tmp/demo --accounts 10000 --months 24 --seed 7"
    )

    @Argument(help: "The folder to write (created if missing).")
    var directory: String

    @Option(help: "How many accounts.")
    var accounts: Int

    @Option(help: "Months of history.")
    var months: Int = 24

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Flag(help: "Write into a folder that already holds files (replacing the workspace's own files).")
    var force = false

    func validate() throws {
        guard accounts >= 1 else { throw ValidationError("--accounts must be at least 1") }
        guard months >= 1 else { throw ValidationError("--months must be at least 1") }
    }

    func run() throws {
        // Generating over a real workspace would replace its accounts and lifeline.toml without a word.
        if !force, let existing = try? FileManager.default.contentsOfDirectory(atPath: directory), !existing.isEmpty {
            complain("\(directory) is not empty (\(existing.count) entr\(existing.count == 1 ? "y" : "ies")); choose a new folder, or add --force to write over its workspace files")
            throw Exit.cannotCreate
        }
        let progress = ProgressLine()
        do {
            let summary = try WorkspaceGenerator.generate(
                into: URL(fileURLWithPath: directory),
                options: GeneratorOptions(accounts: accounts, months: months, seed: seed)
            ) { fraction, what in progress.update("Writing \(what)", fraction) }
            progress.finish()
            let rows = summary.files.reduce(0) { $0 + $1.rows }
            complain("wrote \(rows) rows in \(summary.files.count) files to \(directory)")
        } catch {
            progress.finish()
            complain("\(error)")
            throw Exit.cannotCreate
        }
    }
}
