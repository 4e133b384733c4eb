import Foundation
import TestSupport
import Testing

@Suite("passerelle terms")
struct TermsCommandTests {
    @Test("list --lang de --sections on the bundled glossary")
    func listSections() throws {
        let result = try CommandRunner.run(["terms", "list", "--lang", "de", "--sections"])
        #expect(result.status == 0, "\(result.stderr)")
        let mismatch = Snapshot.mismatch(result.stdout, named: "terms-list-de-sections.txt", folder: "Tests/PasserelleCLITests/Snapshots")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test("lookup is tolerant and shows every language, status and definition")
    func lookup() throws {
        let result = try CommandRunner.run(["terms", "lookup", "economies sociales", "--lang", "fr"])
        #expect(result.status == 0)
        for expected in ["■ social-economy", "économie sociale  preferred", "Sozialwirtschaft  preferred", "(equivalence: close)",
                         "décret wallon du 20 novembre 2008"] {
            #expect(result.stdout.contains(expected), "missing \(expected)")
        }
        let json = try CommandRunner.run(["terms", "lookup", "Philanthropie", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let concepts = object?["concepts"] as? [[String: Any]]
        #expect(concepts?.first?["id"] as? String == "social-solidarity-economy")
        #expect(try CommandRunner.run(["terms", "lookup", "astronomie"]).status == 1)
    }

    @Test("lint is clean on the bundled glossary and exits 1 on a broken one")
    func lint() throws {
        #expect(try CommandRunner.run(["terms", "lint"]).status == 0)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("dup.xml").path
        try """
            <glossary xmlns="urn:passerelle:glossary:1"><concept id="se">
            <lang code="fr"><term status="preferred">économie sociale</term><term status="admitted">Economie sociale</term></lang>
            </concept></glossary>
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["terms", "lint", "--glossary", path, "--require", "fr"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("dup.xml:1: error: [duplicate-term] se (fr)"), "\(result.stdout)")
    }

    @Test("lint finds a look-alike letter of another script; --rules and --skip choose the rules; an unknown rule exits 2")
    func lintRules() throws {
        let folder = try TemporaryFolder.make("lint-rules")
        defer { TemporaryFolder.remove(folder) }
        let path = folder.appendingPathComponent("mixed.xml").path
        // "Sozialwirt\u{0441}haft": the c is Cyrillic.
        try """
            <glossary xmlns="urn:passerelle:glossary:1"><concept id="se">
            <lang code="de"><term status="preferred">Sozialwirt\u{0441}haft</term></lang>
            <lang code="fr"><term status="preferred">économie sociale</term><term status="admitted">Economie sociale</term></lang>
            </concept></glossary>
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let all = try CommandRunner.run(["terms", "lint", "--glossary", path, "--require", "fr,de"])
        #expect(all.status == 1 && all.stdout.contains("[mixed-script] se (de): 'Sozialwirt\u{0441}haft' mixes Latin and Cyrillic letters"), "\(all.stdout)")
        #expect(all.stdout.contains("[duplicate-term]"))
        let skipped = try CommandRunner.run(["terms", "lint", "--glossary", path, "--require", "fr,de", "--skip", "duplicate-term"])
        #expect(skipped.status == 1 && !skipped.stdout.contains("[duplicate-term]") && skipped.stdout.contains("[mixed-script]"))
        let only = try CommandRunner.run(["terms", "lint", "--glossary", path, "--rules", "duplicate-term"])
        #expect(only.status == 1 && !only.stdout.contains("[mixed-script]") && !only.stdout.contains("[missing-language]"), "\(only.stdout)")
        let unknown = try CommandRunner.run(["terms", "lint", "--skip", "duplicate-terms"])
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown lint rule 'duplicate-terms'; the rules are"), "\(unknown.stderr)")
    }

    @Test("a .tbx export is TBX v2, which translate-toolkit's tbx2po (as CAT tools) reads: every concept becomes a PO entry")
    func tbxForCATTools() throws {
        let venv = ProcessInfo.processInfo.environment["PASSERELLE_TEST_VENV"] ?? Corpus.projectFile(".venv-test")
        let tbx2po = venv + "/bin/tbx2po"
        try #require(FileManager.default.isExecutableFile(atPath: tbx2po),
                     "translate-toolkit's tbx2po is missing at \(tbx2po): run make test-venv (or make test)")
        let folder = try TemporaryFolder.make("tbx2po")
        defer { TemporaryFolder.remove(folder) }
        let tbx = folder.appendingPathComponent("ess.tbx").path, po = folder.appendingPathComponent("ess.po").path
        let convert = try CommandRunner.run(["terms", "convert", "glossaries", tbx])
        #expect(convert.status == 0, "\(convert.stderr)")
        #expect(try String(contentsOfFile: tbx, encoding: .utf8).contains("<martif"), "TBX v2 by default")
        let run = try CommandRunner.run([tbx2po, tbx, po], binary: "/usr/bin/env")
        #expect(run.status == 0 && !run.stderr.contains("Error processing"), "\(run.stderr)")
        let entries = try String(contentsOfFile: po, encoding: .utf8).components(separatedBy: "\nmsgid \"").count - 2
        #expect(entries == 113, "one PO entry per concept: \(entries)")
        let v3 = folder.appendingPathComponent("ess3.tbx").path
        #expect(try CommandRunner.run(["terms", "convert", "glossaries", v3, "--to", "tbx3"]).status == 0)
        #expect(try String(contentsOfFile: v3, encoding: .utf8).contains("<tbx "), "--to tbx3 writes TBX v3")
    }

    @Test("convert native -> tbx -> csv, and bad input exits 2 with file:line")
    func convert() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-convert-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let tbx = folder + "/g.tbx", csv = folder + "/g.csv"
        #expect(try CommandRunner.run(["terms", "convert", "glossaries/ess-core.xml", tbx]).status == 0)
        #expect(try CommandRunner.run(["terms", "convert", tbx, csv]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]) && bytes.dropFirst(3).starts(with: Data("concept,".utf8)))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("Philanthropie,deprecated"))
        let broken = folder + "/broken.xml"
        try "<glossary xmlns=\"urn:passerelle:glossary:1\">\n<concept id=\"x\">\n</glossary>".write(toFile: broken, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["terms", "convert", broken, folder + "/out.tbx"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.xml:3:"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out.tbx"))
    }

    @Test("stats counts concepts, languages and equivalence")
    func stats() throws {
        let result = try CommandRunner.run(["terms", "stats", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((object?["concepts"] as? Int ?? 0) >= 4)
        #expect((object?["languages"] as? [[String: Any]])?.compactMap { $0["language"] as? String }.sorted() == ["de", "en", "fr"])
    }
}
