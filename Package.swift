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
        .target(name: "LifelineWorkspace", dependencies: ["LifelineText", "LifelineTOML"]),
        // Pure analytics: Workspace + Config -> Analysis (SPEC §3–§9).
        .target(name: "LifelineEngine", dependencies: ["LifelineWorkspace"]),
        // Turning an Analysis into JSON, text and the tier export; shared by CLI and dashboard.
        .target(name: "LifelineReports", dependencies: ["LifelineEngine"]),
        // Deterministic synthetic workspaces for the sample data and the benchmark.
        .target(name: "LifelineGenerator"),
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
                "LifelineTUI", "LifelineApp", "LifelineTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Release-build timings of opening a workspace and drawing frames (Benchmarks/benchmark.py).
        .executableTarget(name: "lifeline-bench", dependencies: ["LifelineWorkspace", "LifelineEngine", "LifelineApp"]),
        .testTarget(name: "LifelineWorkspaceTests", dependencies: ["LifelineWorkspace"]),
        .testTarget(name: "LifelineEngineTests", dependencies: ["LifelineEngine"]),
        .testTarget(name: "LifelineReportsTests", dependencies: ["LifelineReports"]),
        .testTarget(name: "LifelineGeneratorTests", dependencies: ["LifelineGenerator"]),
        // Runs the real `lifeline` binary on real files: exit codes, messages, exports.
        .testTarget(name: "LifelineCLITests", dependencies: ["lifeline"], exclude: ["Fixtures"]),
        // Mutated inputs from a fixed seed: no crash, no hang, every error located.
        .testTarget(name: "LifelineFuzzTests", dependencies: ["LifelineWorkspace", "LifelineEngine"]),
        .testTarget(name: "LifelineTUITests", dependencies: ["LifelineTUI"]),
        .testTarget(name: "LifelineAppTests", dependencies: ["LifelineApp", "LifelineTUI", "LifelineEngine", "LifelineWorkspace"], exclude: ["__Snapshots__"]),
    ],
    swiftLanguageModes: [.v5]
)
