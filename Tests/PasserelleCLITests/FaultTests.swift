import Foundation
import Testing
import TestSupport

/// What a user's files become when the disk is full or a folder read-only: a clear error,
/// and the previous files as they were, with no temporary file left beside them.
@Suite("Faults: full disk, read-only folder", .serialized)
struct FaultTests {
    /// The commands that write a file, each with the file it writes (or edits).
    static let writers: [(arguments: [String], file: String)] = [
        (["render", "content/doc.xml", "-o", "out.html"], "out.html"),
        (["check", "content/doc.xml", "--format", "json", "-o", "report.json"], "report.json"),
        (["terms", "convert", "glossaries/ess-core.xml", "terms.tbx"], "terms.tbx"),
        (["status", "content/doc.xml", "--stamp", "de"], "content/doc.xml"),
    ]

    /// A project (content, glossaries, a previous version of each output) in `folder`.
    static func project(in folder: String) throws -> [String: Data] {
        try FileManager.default.createDirectory(atPath: folder + "/content", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Corpus.projectFile("glossaries"), toPath: folder + "/glossaries")
        let paragraphs = (1...60).map { "<p id=\"p\($0)\"><text xml:lang=\"fr\">L'économie sociale et solidaire, paragraphe \($0).</text><text xml:lang=\"de\">Sozialwirtschaft, Absatz \($0).</text></p>" }
        try HardeningTests.document(paragraphs.joined(separator: "\n")).write(toFile: folder + "/content/doc.xml", atomically: true, encoding: .utf8)
        var previous: [String: Data] = [:]
        for (_, file) in writers where file != "content/doc.xml" {
            previous[file] = Data("previous \(file)\n".utf8)
            try previous[file]!.write(to: URL(fileURLWithPath: folder + "/" + file))
        }
        previous["content/doc.xml"] = FileManager.default.contents(atPath: folder + "/content/doc.xml")
        return previous
    }

    /// Runs every writer in `folder` (through `wrapper`, a shell prefix) and checks that each
    /// fails with one clear line, keeps the previous file and leaves no temporary file.
    static func expectRefusedWrites(in folder: String, previous: [String: Data], wrapper: String = "", reason: String) throws {
        for (arguments, file) in writers {
            let command = wrapper + "exec \"$0\" \"$@\""
            let result = try CommandRunner.run(["-c", command, CommandRunner.debugBinary] + arguments, binary: "/bin/sh", directory: folder)
            let shown = arguments.prefix(2).joined(separator: " ")
            #expect(result.status == 2, "\(shown): exit \(result.status), \(result.stderr)")
            let lines = result.stderr.split(separator: "\n").filter { $0.contains("error") }
            #expect(lines.count == 1 && lines[0].contains(reason), "\(shown): \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"), "\(shown): \(result.stderr)")
            #expect(FileManager.default.contents(atPath: folder + "/" + file) == previous[file], "\(shown): \(file) changed")
            let left = (try FileManager.default.contentsOfDirectory(atPath: folder) + FileManager.default.contentsOfDirectory(atPath: folder + "/content"))
                .filter { $0.contains(".passerelle-") }
            #expect(left.isEmpty, "\(shown): temporary files left: \(left)")
        }
    }

    static func shell(_ command: String) -> Int32 {
        (try? CommandRunner.run(["-c", command], binary: "/bin/sh").status) ?? -1
    }

    @Test("a full disk: every command that writes says so, and the previous files stay as they were")
    func fullDisk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-full-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { _ = Self.shell("umount '\(folder)' 2>/dev/null"); try? FileManager.default.removeItem(atPath: folder) }
        // A real full file system where one can be mounted (root); else a file size limit
        // (ulimit -f), which fails the same writes with "File too large".
        if Self.shell("mount -t tmpfs -o size=2m tmpfs '\(folder)' 2>/dev/null") == 0 {
            let previous = try Self.project(in: folder)
            // Leave about 8 KB free: less than any of the outputs.
            _ = Self.shell("head -c 1000000 /dev/zero > '\(folder)/filler' 2>/dev/null; sync")
            _ = Self.shell("rm -f '\(folder)/filler'; head -c $(( $(df -k --output=avail '\(folder)' | tail -1) * 1024 - 8192 )) /dev/zero > '\(folder)/filler'")
            try Self.expectRefusedWrites(in: folder, previous: previous, reason: "No space left on device")
        } else {
            let previous = try Self.project(in: folder)
            try Self.expectRefusedWrites(in: folder, previous: previous, wrapper: "ulimit -f 8; trap '' XFSZ; ", reason: "File too large")
        }
    }

    @Test("a read-only folder: every command that writes says so, and the previous files stay as they were")
    func readOnlyFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-readonly-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { _ = Self.shell("umount '\(folder)' 2>/dev/null"); _ = Self.shell("chmod -R u+w '\(folder)'"); try? FileManager.default.removeItem(atPath: folder) }
        let previous: [String: Data]
        if getuid() == 0 {
            // Root writes through permissions: a read-only mount it is, where one can be made.
            guard Self.shell("mount -t tmpfs -o size=4m tmpfs '\(folder)' 2>/dev/null") == 0 else {
                print("read-only folder: skipped (root, and no tmpfs can be mounted here)")
                return
            }
            previous = try Self.project(in: folder)
            try #require(Self.shell("mount -o remount,ro '\(folder)'") == 0)
        } else {
            previous = try Self.project(in: folder)
            try #require(Self.shell("chmod 555 '\(folder)' '\(folder)/content'") == 0)
        }
        try Self.expectRefusedWrites(in: folder, previous: previous, reason: getuid() == 0 ? "Read-only file system" : "Permission denied")
    }
}
