import Foundation
import TestSupport
import Testing

@Suite("passerelle status")
struct StatusCommandTests {
    static let encodings = "Tests/ContentTests/Fixtures/encodings/base.xml"

    /// A copy of the stamping fixture, declared UTF-8, in a fresh folder.
    static func copyOfFixture(in folder: URL) throws -> String {
        let file = folder.appendingPathComponent("doc.xml").path
        let text = try String(contentsOfFile: Corpus.projectFile(encodings), encoding: .utf8).replacingOccurrences(of: "ENCODING", with: "UTF-8")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("two status --stamp runs on the same file at once lose nothing: both languages end up stamped")
    func concurrentStamps() throws {
        let folder = try TemporaryFolder.make("stamp-concurrent")
        defer { TemporaryFolder.remove(folder) }
        for round in 0..<6 {
            let file = try Self.copyOfFixture(in: folder)
            let results = Results()
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let result = try? CommandRunner.run(["status", file, "--stamp", index == 0 ? "de" : "en"])
                results.append(result)
            }
            #expect(results.all.allSatisfy { $0?.stderr.contains("3 ") == true }, "round \(round): \(results.all.map { $0?.stderr ?? "no run" })")
            let after = try CommandRunner.run(["status", file])
            #expect(after.status == 0, "round \(round): \(after.stdout)")
        }
    }
}

/// Results gathered from threads.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [CommandRunner.Result?] = []
    func append(_ result: CommandRunner.Result?) { lock.lock(); stored.append(result); lock.unlock() }
    var all: [CommandRunner.Result?] { lock.lock(); defer { lock.unlock() }; return stored }
}
