// swift-tools-version:6.0
import PackageDescription

// Data flows one way (see docs/ARCHITECTURE.md):
// files ─► LifelineWorkspace ─► LifelineEngine ─► LifelineReports ─► LifelineApp ─► LifelineTUI ◄─ LifelineTerminal
let package = Package(
    name: "Lifeline",
    products: [
        .executable(name: "lifeline", targets: ["lifeline"]),
        .library(name: "LifelineEngine", targets: ["LifelineEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The one rule for which characters may reach a terminal, shared by every path there.
        .target(name: "LifelineText"),
        // A TOML 1.0 parser: lifeline.toml, themes and key maps.
        .target(name: "LifelineTOML"),
        // Reading CSV exports and lifeline.toml into typed, account-indexed tables.
        .target(
            name: "LifelineWorkspace", dependencies: ["LifelineText", "LifelineTOML"],
            // Swift 5 mode: CSVReader parses chunks on every core through
            // DispatchQueue.concurrentPerform, handing the closure unsafe buffer
            // pointers and sink contexts that Swift 6 rejects as non-Sendable
            // captures. Each chunk writes only its own slot, so it is safe; making
            // the compiler see that means reworking the parallel reader.
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        // Pure analytics: Workspace + Config -> Analysis (SPEC §3–§9).
        // Swift 5 mode: Engine.analyze fills each account's results in parallel
        // through an unsafe buffer captured by concurrentPerform, which Swift 6
        // rejects; each index is written once by one worker.
        .target(name: "LifelineEngine", dependencies: ["LifelineWorkspace"], swiftSettings: [.swiftLanguageMode(.v5)]),
        // Turning an Analysis into JSON, text and the tier export; shared by CLI and dashboard.
        // Swift 5 mode: the JSON report writes accounts' lines in parallel into an
        // unsafe buffer captured by concurrentPerform (one slot per worker).
        .target(name: "LifelineReports", dependencies: ["LifelineEngine", "LifelineTUI"], swiftSettings: [.swiftLanguageMode(.v5)]),
        // Deterministic synthetic workspaces for the sample data and the benchmark.
        .target(name: "LifelineGenerator"),
        // The theme files in themes/, shipped as resources so the program finds them from any folder.
        // A new theme file is listed here too (SwiftPM warns about one that is not).
        .target(
            name: "LifelineThemes",
            path: "themes",
            resources: [.copy("default.toml"), .copy("high-contrast.toml"), .copy("light.toml"), .copy("monochrome.toml")]
        ),
        // A terminal toolkit that knows no customer: cells, rects, layout, widgets, themes,
        // the Backend protocol and a TestBackend that renders to text.
        .target(name: "LifelineTUI", dependencies: ["LifelineText", "LifelineTOML"]),
        // The dashboard: screens and popups as components, one key map, update and commands.
        .target(name: "LifelineApp", dependencies: ["LifelineTUI", "LifelineEngine", "LifelineReports", "LifelineWorkspace"]),
        // ncursesw, through a small header of our own (see Sources/CNcursesw/shim.h).
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The only code that talks to the terminal: draws a grid, reads keys, mouse and resize.
        .target(name: "LifelineTerminal", dependencies: ["CNcursesw", "LifelineTUI"]),
        // The command line: a thin shell over the modules above.
        .executableTarget(
            name: "lifeline",
            dependencies: [
                "LifelineWorkspace", "LifelineEngine", "LifelineReports", "LifelineGenerator",
                "LifelineTUI", "LifelineApp", "LifelineTerminal", "LifelineThemes",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Release-build timings of opening a workspace and drawing frames (Benchmarks/benchmark.py).
        .executableTarget(name: "lifeline-bench", dependencies: ["LifelineWorkspace", "LifelineEngine", "LifelineApp"]),
        .testTarget(name: "LifelineWorkspaceTests", dependencies: ["LifelineWorkspace"]),
        .testTarget(name: "LifelineEngineTests", dependencies: ["LifelineEngine"], exclude: ["Fixtures"]),
        .testTarget(name: "LifelineReportsTests", dependencies: ["LifelineReports"]),
        // Swift 5 mode: the tests share one generated workspace through a lazy
        // `static var`, which Swift 6 calls unsafe global state.
        .testTarget(name: "LifelineGeneratorTests", dependencies: ["LifelineGenerator"], swiftSettings: [.swiftLanguageMode(.v5)]),
        // Runs the real `lifeline` binary on real files: exit codes, messages, exports.
        .testTarget(name: "LifelineCLITests", dependencies: ["lifeline"], exclude: ["Fixtures"]),
        // Mutated inputs from a fixed seed: no crash, no hang, every error located.
        .testTarget(name: "LifelineFuzzTests", dependencies: ["LifelineWorkspace", "LifelineEngine"]),
        .testTarget(name: "LifelineTUITests", dependencies: ["LifelineTUI"]),
        .testTarget(name: "LifelineAppTests", dependencies: ["LifelineApp", "LifelineTUI", "LifelineEngine", "LifelineWorkspace"], exclude: ["__Snapshots__", "Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
