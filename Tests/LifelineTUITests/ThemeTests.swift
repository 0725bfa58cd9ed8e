import Foundation
import XCTest
import LifelineTUI

final class ThemeTests: XCTestCase {
    /// The repository's `themes/` folder.
    private let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes").path

    func testEveryShippedThemeLoadsAndNamesEverySlotOrInheritsIt() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: themesDirectory).filter { $0.hasSuffix(".toml") }
        XCTAssertEqual(Set(files), ["default.toml", "light.toml", "high-contrast.toml", "monochrome.toml"])
        for file in files {
            let theme = try Theme.load((themesDirectory as NSString).appendingPathComponent(file), searching: [])
            XCTAssertEqual(theme.name, (file as NSString).deletingPathExtension)
        }
    }

    func testTheDefaultAndMonochromeFilesSayWhatTheBuiltInsSay() throws {
        XCTAssertEqual(try Theme.load("default", searching: [themesDirectory]), Theme.default)
        XCTAssertEqual(try Theme.load("monochrome", searching: [themesDirectory]), Theme.monochrome)
    }

    func testMonochromeUsesNoColourAndStillMarksWhatMatters() {
        XCTAssertFalse(Theme.monochrome.usesColor)
        XCTAssertTrue(Theme.monochrome[.tableSelected].isReversed)
        XCTAssertTrue(Theme.monochrome[.paneBorderFocus].isBold)
        XCTAssertTrue(Theme.monochrome[.statusBar].isReversed)
        XCTAssertTrue(Theme.default.usesColor)
    }

    func testAThemeNamesOnlyWhatItChanges() throws {
        let theme = try Theme.parse("""
            "risk.high" = { fg = 196, underline = true }
            "text.dim" = {}
            [pane.border.focus]
            fg = "magenta"
            bg = "bright-black"
            """, file: "mine.toml", name: "mine")
        XCTAssertEqual(theme.name, "mine")
        XCTAssertEqual(theme[.riskHigh], Style(foreground: .indexed(196), attributes: .underline))
        XCTAssertEqual(theme[.paneBorderFocus], Style(foreground: .magenta, background: .indexed(8)))
        XCTAssertEqual(theme[.textDim], Style.plain)
        XCTAssertEqual(theme[.riskLow], Theme.default[.riskLow])
        XCTAssertEqual(theme[.statusBar], Theme.default[.statusBar])
    }

    func testABadColourNamesTheFileAndTheKey() {
        assertThemeError("\"risk.high\" = { fg = \"rde\" }", key: "risk.high.fg", mentions: "unknown colour")
        assertThemeError("\"risk.high\" = { fg = 300 }", key: "risk.high.fg", mentions: "0–255")
    }

    func testAnUnknownSlotOrSettingIsAnError() {
        assertThemeError("\"risk.hihg\" = { fg = \"red\" }", key: "risk.hihg", mentions: "unknown slot")
        assertThemeError("\"hint\" = { bold = \"yes\" }", key: "hint.bold", mentions: "true or false")
        assertThemeError("\"hint\" = \"red\"", key: "hint", mentions: "takes a table")
        assertThemeError("[pane]\nfg = \"red\"", key: "pane", mentions: "unknown slot")
    }

    func testASyntaxErrorGivesTheLine() {
        XCTAssertThrowsError(try Theme.parse("\"hint\" = { fg = \"red\" }\n\"text\" = {", file: "broken.toml", name: "broken")) { error in
            let themeError = error as? ThemeError
            XCTAssertEqual(themeError?.file, "broken.toml")
            XCTAssertEqual(themeError?.line, 2)
            XCTAssertTrue(String(describing: error).hasPrefix("theme broken.toml:2:"), String(describing: error))
        }
    }

    func testLoadingByNameLooksInEachDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lifeline-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.toml").path
        try "\"kpi.value\" = { fg = \"purple\" }\n".write(toFile: path, atomically: true, encoding: .utf8)
        try "\"kpi.value\" = { fg = 99 }\n".write(toFile: directory.appendingPathComponent("mine.toml").path, atomically: true, encoding: .utf8)

        XCTAssertEqual(try Theme.load("mine", searching: ["/nonexistent", directory.path])[.kpiValue], Style(foreground: .indexed(99)))
        XCTAssertThrowsError(try Theme.load("bad", searching: [directory.path])) { error in
            XCTAssertEqual((error as? ThemeError)?.file, path)
            XCTAssertEqual((error as? ThemeError)?.key, "kpi.value.fg")
            XCTAssertTrue(String(describing: error).contains(path))
        }
        XCTAssertThrowsError(try Theme.load("nosuch", searching: [directory.path])) { error in
            XCTAssertTrue(String(describing: error).contains("no theme of that name"))
        }
        XCTAssertEqual(try Theme.load("monochrome", searching: []), Theme.monochrome)
    }

    private func assertThemeError(_ toml: String, key: String, mentions: String, line: UInt = #line) {
        XCTAssertThrowsError(try Theme.parse(toml, file: "bad.toml", name: "bad"), line: line) { error in
            guard let themeError = error as? ThemeError else { return XCTFail("\(error)", line: line) }
            XCTAssertEqual(themeError.file, "bad.toml", line: line)
            XCTAssertEqual(themeError.key, key, line: line)
            let text = themeError.description
            XCTAssertTrue(text.contains("bad.toml") && text.contains("'\(key)'") && text.contains(mentions), text, line: line)
        }
    }
}
