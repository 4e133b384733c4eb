import Foundation
import Testing
@testable import XMLSupport

@Suite("Source windows: columns of a large file without holding it")
struct SourceWindowTests {
    @Test("every line asked for, forwards, backwards, across windows and checkpoints, is the file's line")
    func lines() throws {
        // 10,000 lines of varied length (some longer than a window), accents included.
        let lines = (1...10_000).map { number in
            String(repeating: "é", count: number % 7) + "<unit id=\"u\(number)\">" + String(repeating: "x", count: number % 997 == 0 ? 5000 : number % 50)
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("window-\(UUID().uuidString).xml").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let whole = try SourceText(file: path)
        let window = try #require(SourceWindow(path: path, threshold: 0, windowBytes: 4096))
        for number in Array(stride(from: 1, through: 10_000, by: 37)) + [10_000, 9_000, 1, 8_192, 4_097, 4_096, 997 * 3, 5_555] {
            let (text, before) = try #require(window.text(holding: number), "line \(number)")
            let local = try #require(text.lineRange(number - before), "line \(number)")
            let expected = try #require(whole.lineRange(number))
            #expect(Array(text.text[local]) == Array(whole.text[expected]), "line \(number)")
        }
        let forward = try #require(SourceWindow(path: path, threshold: 0, windowBytes: 4096))
        for number in 1...10_000 { _ = forward.text(holding: number) }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(forward.reads <= size / 4096 * 2, "a pass in line order reads each part of the file about once")
        #expect(window.text(holding: 10_002).flatMap { $0.text.lineRange(10_002 - $0.linesBefore) } == nil, "no line after the end")
        #expect(SourceWindow(path: path) == nil, "a small file is read whole")
    }

    @Test("a diagnostic in a large streamed file gets the column it gets in a small one")
    func columns() throws {
        let lines = (1...5_000).map { "  <unit id=\"u\($0)\"><note>\($0)</note></unit>" }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("window-\(UUID().uuidString).xml").path
        try ("<units>\n" + lines.joined(separator: "\n") + "\n</units>\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let whole = SourceLines(), windowed = SourceLines(windowThreshold: 0, windowBytes: 2048)
        for line in [12, 13, 900, 4_001, 4_000, 5_001, 17, 2_500] {
            let column = windowed.tagColumn(line, tag: "note", occurrence: 0, of: path)
            #expect((column ?? 0) > 17 && column == whole.tagColumn(line, tag: "note", occurrence: 0, of: path), "line \(line)")
            let attribute = try #require(windowed.attributePosition("id", line: line, column: 3, of: path))
            #expect(attribute == (line, 9), "line \(line)")
        }
        #expect(windowed.tagColumn(5_004, tag: "note", occurrence: 0, of: path) == nil)
    }
}
