// swift-tools-version:6.0
import PackageDescription

// Data flows one way (see docs/ARCHITECTURE.md):
// files ─► LifelineWorkspace ─► LifelineEngine ─► LifelineReports / views ─► terminal
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
        // Reading CSV exports and lifeline.toml into typed, account-indexed tables.
        .target(name: "LifelineWorkspace"),
        // Pure analytics: Workspace + Config -> Analysis (SPEC §3–§9).
        .target(name: "LifelineEngine", dependencies: ["LifelineWorkspace"]),
        // Turning an Analysis into JSON, text and the tier export; shared by CLI and dashboard.
        .target(name: "LifelineReports", dependencies: ["LifelineEngine"]),
        // Deterministic synthetic workspaces for the sample data and the benchmark.
        .target(name: "LifelineGenerator"),
        // The cell grid, widgets and themes the dashboard is drawn with; no ncurses here.
        .target(name: "LifelineViews", dependencies: ["LifelineEngine", "LifelineReports"]),
        // ncursesw, through a small header of our own (see Sources/CNcursesw/shim.h).
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The only code that talks to the terminal: draws a grid, reads keys, mouse and resize.
        .target(name: "LifelineTerminal", dependencies: ["CNcursesw", "LifelineViews"]),
        // The command line: a thin shell over the modules above.
        .executableTarget(
            name: "lifeline",
            dependencies: [
                "LifelineWorkspace", "LifelineEngine", "LifelineReports", "LifelineGenerator",
                "LifelineViews", "LifelineTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Release-build timings of opening a workspace and drawing frames (Benchmarks/benchmark.py).
        .executableTarget(name: "lifeline-bench", dependencies: ["LifelineWorkspace", "LifelineEngine", "LifelineViews"]),
        .testTarget(name: "LifelineWorkspaceTests", dependencies: ["LifelineWorkspace"]),
        .testTarget(name: "LifelineEngineTests", dependencies: ["LifelineEngine"], exclude: ["Fixtures"]),
        .testTarget(name: "LifelineReportsTests", dependencies: ["LifelineReports"]),
        .testTarget(name: "LifelineGeneratorTests", dependencies: ["LifelineGenerator"]),
        // Runs the real `lifeline` binary on real files: exit codes, messages, exports.
        .testTarget(name: "LifelineCLITests", dependencies: ["lifeline"], exclude: ["Fixtures"]),
        // Mutated inputs from a fixed seed: no crash, no hang, every error located.
        .testTarget(name: "LifelineFuzzTests", dependencies: ["LifelineWorkspace", "LifelineEngine"]),
        .testTarget(name: "LifelineViewsTests", dependencies: ["LifelineViews", "LifelineEngine", "LifelineWorkspace"]),
    ],
    swiftLanguageModes: [.v5]
)
