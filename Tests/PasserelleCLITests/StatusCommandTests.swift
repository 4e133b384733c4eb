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

@Suite("passerelle status, validate: where files are found")
struct ContentFolderTests {
    /// A project folder whose `content/` and `glossaries/` are symbolic links elsewhere,
    /// with a newsletter in a subfolder that includes items from a sibling folder.
    static func project() throws -> URL {
        let root = try TemporaryFolder.make("project")
        let elsewhere = root.appendingPathComponent("elsewhere/content")
        try FileManager.default.createDirectory(at: elsewhere.appendingPathComponent("newsletters/2024"), withIntermediateDirectories: true)
        for folder in ["items", "images"] {
            try FileManager.default.copyItem(atPath: Corpus.projectFile("content/\(folder)"), toPath: elsewhere.appendingPathComponent(folder).path)
        }
        let newsletter = try String(contentsOfFile: Corpus.projectFile("content/newsletter-2019-07.xml"), encoding: .utf8)
            .replacingOccurrences(of: "href=\"items/", with: "href=\"../../items/")
        try newsletter.write(to: elsewhere.appendingPathComponent("newsletters/2024/letter.xml"), atomically: true, encoding: .utf8)
        let project = root.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("content").path, withDestinationPath: elsewhere.path)
        try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("glossaries").path,
                                                   withDestinationPath: Corpus.projectFile("glossaries"))
        return project
    }

    @Test("without arguments, validate and status walk content/ and its subfolders (a symbolic link), items included from a sibling folder")
    func subfoldersAndLinks() throws {
        let project = try Self.project()
        defer { TemporaryFolder.remove(project.deletingLastPathComponent()) }
        let validate = try CommandRunner.run(["validate"], directory: project.path)
        #expect(validate.status == 0 && validate.stderr.split(separator: "\n").allSatisfy { $0.contains("warning: relative link") },
                "\(validate.stderr)")
        #expect(validate.stdout == "content/newsletters/2024/letter.xml: valid (18 units, fr de)\n", "\(validate.stdout)")
        let status = try CommandRunner.run(["status"], directory: project.path)
        #expect(status.status == 0 && status.stdout.hasPrefix("content/newsletters/2024/letter.xml (source: fr)"), "\(status.stdout)\(status.stderr)")
        let terms = try CommandRunner.run(["terms", "stats"], directory: project.path)
        #expect(terms.status == 0 && terms.stdout.contains("113 concepts"), "\(terms.stderr)")
    }

    @Test("status lists untracked translations; a usage error exits 2")
    func untrackedAndUsage() throws {
        let result = try CommandRunner.run(["status", "Tests/RenderingTests/Fixtures/sample.xml", "--lang", "de"])
        #expect(result.stdout.contains("sample.xml:17:51: untracked: de text of 'news.heading' has no from= (review it, then stamp it with --stamp de)"),
                "\(result.stdout)")
        let typo = try CommandRunner.run(["status", "Tests/RenderingTests/Fixtures/sample.xml", "--stamp", "ger"])
        #expect(typo.status == 2 && typo.stderr.contains("the document has no ger translation; it declares fr de en: did you mean --stamp de?"),
                "\(typo.stderr)")
        let source = try CommandRunner.run(["status", "Tests/RenderingTests/Fixtures/sample.xml", "--stamp", "fr"])
        #expect(source.status == 2 && source.stderr.contains("fr is the source language"), "\(source.stderr)")
        let usage = try CommandRunner.run(["status", "--no-such-option"])
        #expect(usage.status == 2 && usage.stderr.contains("--no-such-option"), "\(usage.status) \(usage.stderr)")
    }
}

@Suite("passerelle status --diff")
struct StatusDiffTests {
    @Test("an outdated translation shows the source it was made from (found in git history) and the words changed since")
    func diffFromGitHistory() throws {
        let folder = try TemporaryFolder.make("status-diff")
        defer { TemporaryFolder.remove(folder) }
        let file = try StatusCommandTests.copyOfFixture(in: folder)
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", folder.path, "-c", "user.email=test@example.org", "-c", "user.name=Test"] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed: is git installed?")
        }
        try git("init", "-q")
        _ = try CommandRunner.run(["status", file, "--stamp", "de"])
        try git("add", "doc.xml")
        try git("commit", "-q", "-m", "stamped")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "bénévoles et usagers", with: "bénévoles, usagers et collectivités")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["status", "doc.xml", "--diff", "--lang", "de"], directory: folder.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("    source then: Les sociétés coopératives d'intérêt collectif (SCIC) réunissent salariés, bénévoles et usagers."),
                "\(result.stdout)")
        #expect(result.stdout.contains("    changes:     Les sociétés coopératives d'intérêt collectif (SCIC) réunissent salariés, [-bénévoles-] {+bénévoles, usagers+} et [-usagers.-] {+collectivités.+}"),
                "\(result.stdout)")
        // Without history, it says how to get one.
        let elsewhere = try TemporaryFolder.make("status-diff-nogit")
        defer { TemporaryFolder.remove(elsewhere) }
        try FileManager.default.copyItem(atPath: file, toPath: elsewhere.appendingPathComponent("doc.xml").path)
        let alone = try CommandRunner.run(["status", "doc.xml", "--diff", "--lang", "de"], directory: elsewhere.path)
        #expect(alone.stdout.contains("no earlier version of this source text in the file's git history"), "\(alone.stdout)")
    }
}
