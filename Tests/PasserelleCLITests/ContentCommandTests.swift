import Foundation
import TestSupport
import Testing

@Suite("passerelle render, status, validate, templates")
struct ContentCommandTests {
    static let sample = "Tests/RenderingTests/Fixtures/sample.xml"

    static func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("render the bundled charter and newsletters: files written, no warning")
    func renderBundled() throws {
        let folder = try Self.temporaryFolder()
        for (file, format) in [("charter", "html"), ("newsletter-2019-07", "md"), ("newsletter-2021-01", "txt")] {
            let output = "\(folder)/\(file).\(format)"
            let result = try CommandRunner.run(["render", "content/\(file).xml", "--format", format, "-o", output, "--glossary-appendix"])
            // The 2019 letter's call links to the charter by a relative path, which breaks once the
            // letter is mailed: told (a site address setting comes with the e-mail output).
            let expected = file == "newsletter-2019-07"
                ? "content/newsletter-2019-07.xml:43:26: warning: relative link 'charter.html' in a newsletter: it leads nowhere once the letter is sent or moved; write its full https address\n"
                : ""
            #expect(result.status == 0 && result.stderr == expected, "\(result.stderr)")
            let text = try String(contentsOfFile: output, encoding: .utf8)
            #expect(text.contains(format == "html" ? "lang=\"de\"" : "Großregion"), "\(file)")
        }
    }

    @Test("render several sources into a folder, one file each; several without -o is a usage error (exit 2)")
    func renderSeveral() throws {
        let folder = try Self.temporaryFolder() + "/out"
        let result = try CommandRunner.run(["render", "content/charter.xml", "content/newsletter-2019-07.xml", "--format", "md", "-o", folder])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["charter.md", "newsletter-2019-07.md"])
        let usage = try CommandRunner.run(["render", "content/charter.xml", "content/newsletter-2019-07.xml"])
        #expect(usage.status == 2 && usage.stderr.contains("add -o DIR"), "\(usage.stderr)")
    }

    @Test("render --format eml: one message per language in the folder, images copied for upload; one language to stdout; several need -o")
    func renderMail() throws {
        let folder = try Self.temporaryFolder() + "/mail/"
        let result = try CommandRunner.run(["render", "content/newsletter-2019-07.xml", "--format", "eml", "-o", folder],
                                           environment: ["SOURCE_DATE_EPOCH": "1796204400"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["assets", "newsletter-2019-07.de.eml", "newsletter-2019-07.fr.eml"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "assets") == ["greater-region.svg"])
        #expect(result.stderr.contains("is SVG, which Gmail and Outlook do not show") && result.stderr.contains("publish them at https://"))
        let single = try CommandRunner.run(["render", "content/newsletter-2021-01.xml", "--format", "email-html", "--lang", "de"])
        #expect(single.status == 0 && single.stdout.hasPrefix("<!doctype html>") && single.stdout.contains("<html lang=\"de\""), "\(single.stderr)")
        let oneFile = try CommandRunner.run(["render", "content/newsletter-2021-01.xml", "--format", "eml", "-o", try Self.temporaryFolder() + "/one.eml"])
        #expect(oneFile.status == 2 && oneFile.stderr.contains("2 messages (one per language) would go into one file"), "\(oneFile.stderr)")
        let usage = try CommandRunner.run(["render", "content/newsletter-2021-01.xml", "--format", "eml"])
        #expect(usage.status == 2 && usage.stderr.contains("One message per language"), "\(usage.stderr)")
        let missing = try CommandRunner.run(["render", "content/newsletter-2021-01.xml", "--format", "eml", "--lang", "fr", "--mail-settings", "/nonexistent/mail.toml"])
        #expect(missing.status == 2 && missing.stderr.contains("no mail settings there"), "\(missing.stderr)")
    }

    @Test("extract, merge --dry-run, merge, validate: as a translator's coordinator runs them")
    func extractAndMerge() throws {
        let folder = try Self.temporaryFolder() + "/exchange"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["content", "glossaries"] {
            try FileManager.default.copyItem(atPath: Corpus.projectFile(name), toPath: "\(folder)/\(name)")
        }
        let extract = try CommandRunner.run(["extract", "content/charter.xml", "--to", "de", "-o", "charter.fr-de.xlf"], directory: folder)
        #expect(extract.status == 0 && extract.stderr.contains("62 unit(s) written"), "\(extract.stderr)")
        let valid = try CommandRunner.run(["validate", "charter.fr-de.xlf"], directory: folder)
        #expect(valid.status == 0 && valid.stdout.contains("valid XLIFF"), "\(valid.stderr)")
        var xliff = try String(contentsOfFile: "\(folder)/charter.fr-de.xlf", encoding: .utf8)
        xliff = xliff.replacingOccurrences(of: "<target>Präambel</target>", with: "<target>Vorwort</target>")
        try xliff.write(toFile: "\(folder)/charter.fr-de.xlf", atomically: true, encoding: .utf8)
        let before = try String(contentsOfFile: "\(folder)/content/charter.xml", encoding: .utf8)
        let dry = try CommandRunner.run(["merge", "content/charter.xml", "charter.fr-de.xlf", "--dry-run"], directory: folder)
        #expect(dry.status == 0 && dry.stdout.contains("would merge preamble.heading: Vorwort"), "\(dry.stdout)\(dry.stderr)")
        #expect(try String(contentsOfFile: "\(folder)/content/charter.xml", encoding: .utf8) == before, "--dry-run wrote")
        let merge = try CommandRunner.run(["merge", "content/charter.xml", "charter.fr-de.xlf"], directory: folder)
        #expect(merge.status == 0 && merge.stdout.contains("1 translation(s) merged, 61 unchanged"), "\(merge.stdout)\(merge.stderr)")
        let after = try String(contentsOfFile: "\(folder)/content/charter.xml", encoding: .utf8)
        #expect(after == before.replacingOccurrences(of: "from=\"b2cf0573\">Präambel</text>", with: "from=\"b2cf0573\">Vorwort</text>"))
        try "<xliff version=\"2.1\"".write(toFile: "\(folder)/broken.xlf", atomically: true, encoding: .utf8)
        let broken = try CommandRunner.run(["merge", "content/charter.xml", "broken.xlf"], directory: folder)
        #expect(broken.status == 2 && broken.stderr.contains("broken.xlf:1:"), "\(broken.stderr)")
        let wrong = try CommandRunner.run(["extract", "content/charter.xml", "--to", "it"], directory: folder)
        #expect(wrong.status == 2 && wrong.stderr.contains("--to must be one of the document's other languages: de, en"), "\(wrong.stderr)")
    }

    @Test("render to DOCX, ODT and PDF from the -o file's ending; without a printer, a message naming both to install")
    func renderOffice() throws {
        let folder = try Self.temporaryFolder() + "/office"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for ending in ["docx", "odt"] {
            let result = try CommandRunner.run(["render", "content/charter.xml", "--lang", "fr,de", "-o", "\(folder)/charter.\(ending)"])
            #expect(result.status == 0, "\(result.stderr)")
            let bytes = try #require(FileManager.default.contents(atPath: "\(folder)/charter.\(ending)"))
            #expect(bytes.starts(with: Array("PK".utf8)), "\(ending) is a ZIP package")
        }
        let several = try CommandRunner.run(["render", "content/charter.xml", "content/newsletter-2021-01.xml", "--format", "odt", "-o", folder])
        #expect(several.status == 0 && FileManager.default.fileExists(atPath: "\(folder)/newsletter-2021-01.odt"), "\(several.stderr)")
        let noPrinter = try CommandRunner.run(["render", "content/charter.xml", "-o", "\(folder)/charter.pdf"], environment: ["PATH": "/nonexistent"])
        #expect(noPrinter.status == 2 && noPrinter.stderr.contains("weasyprint") && noPrinter.stderr.contains("chromium"), "\(noPrinter.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/charter.pdf"))
    }

    @Test("render: the format follows the -o file's ending, Markdown images are linked from where the file is written, stacked ids are unique")
    func renderOutputs() throws {
        let folder = try Self.temporaryFolder() + "/out"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let markdown = try CommandRunner.run(["render", "content/newsletter-2019-07.xml", "-o", "\(folder)/letter.md"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        let text = try String(contentsOfFile: "\(folder)/letter.md", encoding: .utf8)
        #expect(text.hasPrefix("# La Lettre"), "Markdown, not HTML")
        let image = try #require(text.range(of: #"\]\(([^)]*greater-region\.svg)\)"#, options: .regularExpression).map { String(text[$0].dropFirst(2).dropLast()) })
        #expect(FileManager.default.fileExists(atPath: "\(folder)/\(image)"), "the image path \(image) leads to the image from \(folder)")
        let stacked = try CommandRunner.run(["render", "content/charter.xml", "--layout", "stacked", "-o", "\(folder)/charter.html"])
        #expect(stacked.status == 0)
        let html = try String(contentsOfFile: "\(folder)/charter.html", encoding: .utf8)
        let ids = html.matches(of: /\sid="([^"]*)"/).map { String($0.1) }
        #expect(ids.count > 100 && Set(ids).count == ids.count, "every id once")
    }

    @Test("render warns about missing translations on stderr; --strict makes them errors with file:line:column")
    func renderStrict() throws {
        let warned = try CommandRunner.run(["render", Self.sample, "--format", "txt"])
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("sample.xml:23:5: warning: unit 'p-missing' has no de text; showing fr"), "\(warned.stderr)")
        let strict = try CommandRunner.run(["render", Self.sample, "--strict"])
        #expect(strict.status == 2 && strict.stdout.isEmpty)
        #expect(strict.stderr.split(separator: "\n").allSatisfy { $0.contains("sample.xml:") && $0.contains(": error: ") }, "\(strict.stderr)")
    }

    @Test("a failed render leaves the previous output as it was")
    func atomicOutput() throws {
        let output = "\(try Self.temporaryFolder())/out.html"
        try "previous".write(toFile: output, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["render", Self.sample, "--strict", "-o", output])
        #expect(result.status == 2)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "previous")
        let unwritable = try CommandRunner.run(["render", "content/charter.xml", "-o", "/nonexistent-folder/x.html"])
        #expect(unwritable.status == 2 && unwritable.stderr.contains("/nonexistent-folder/x.html"), "\(unwritable.stderr)")
    }

    @Test("status lists missing and outdated translations and exits 1; the bundled content is up to date")
    func status() throws {
        let result = try CommandRunner.run(["status", Self.sample])
        #expect(result.status == 1)
        #expect(result.stdout.contains("sample.xml:24:7: missing") == false)
        #expect(result.stdout.contains("sample.xml:23:5: missing: de text of 'p-missing'"), "\(result.stdout)")
        #expect(result.stdout.contains("sample.xml:29:7: outdated: de text of 'p-outdated' was translated from 00000000"))
        let json = try CommandRunner.run(["status", Self.sample, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let issues = (object?["documents"] as? [[String: Any]])?.first?["issues"] as? [[String: Any]]
        #expect(issues?.map { $0["state"] as? String } == ["missing", "outdated"])
        let bundled = try CommandRunner.run(["status"])
        #expect(bundled.status == 0, "\(bundled.stdout)")
        #expect(bundled.stdout.contains("content/charter.xml (source: fr)"))
    }

    @Test("validate reports every problem with file:line:column and exits 2; the bundled content is valid")
    func validate() throws {
        let broken = try CommandRunner.run(["validate", "Tests/ContentTests/Fixtures/broken.xml", "content/charter.xml"])
        #expect(broken.status == 2)
        #expect(broken.stderr.split(separator: "\n").count == 4, "\(broken.stderr)")
        #expect(broken.stdout.contains("content/charter.xml: valid"))
        let bundled = try CommandRunner.run(["validate"])
        #expect(bundled.status == 0 && bundled.stderr.split(separator: "\n").allSatisfy { $0.contains("warning: relative link 'charter.html'") },
                "\(bundled.stderr)")
        let missing = try CommandRunner.run(["validate", "no-such-file.xml"])
        #expect(missing.status == 2 && missing.stderr.contains("no-such-file.xml: no such file"))
    }

    @Test("templates lint: the default theme is clean")
    func templatesLint() throws {
        let result = try CommandRunner.run(["templates", "lint"])
        #expect(result.status == 0 && result.stdout.contains("no problem"), "\(result.stderr)")
    }
}

@Suite("passerelle check")
struct CheckCommandTests {
    static let planted = "Tests/ConsistencyTests/Fixtures/planted-fr-de.xlf"

    @Test("exit 1 on error findings, 0 with only warnings, 2 on an unreadable file (the others still checked)")
    func exitStatus() throws {
        #expect(try CommandRunner.run(["check", Self.planted]).status == 1)
        #expect(try CommandRunner.run(["check", Self.planted, "--rules", "inconsistent-term"]).status == 0)
        let missing = try CommandRunner.run(["check", "no-such.xlf", Self.planted, "--format", "json"])
        #expect(missing.status == 2 && missing.stderr.contains("no-such.xlf"), "\(missing.stderr)")
        #expect(missing.stdout.contains("\"unit\" : \"u1\""))
        let undeclared = try CommandRunner.run(["check", "content/charter.xml", "--target-language", "it"])
        #expect(undeclared.status == 2 && undeclared.stderr.contains("the document has no it text; it declares fr de en"), "\(undeclared.stderr)")
        let unknownRule = try CommandRunner.run(["check", Self.planted, "--skip", "no-such-rule"])
        #expect(unknownRule.status == 2 && unknownRule.stderr.contains("unknown rule 'no-such-rule'"))
    }

    @Test("a malformed glossary: its file:line:column on each error line, exit 2")
    func badGlossary() throws {
        let glossary = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-bad-\(UUID().uuidString).tbx").path
        try "<?xml version=\"1.0\"?>\n<martif type=\"TBX\" xml:lang=\"fr\"><text><body>\n<termEntri id=\"c1\"/></body></text></martif>\n"
            .write(toFile: glossary, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["check", Self.planted, "--glossary", glossary])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("\(glossary):3:1: error: <termEntri> is not a TBX element"), "\(result.stderr)")
    }

    @Test("JSON: findings with the documented fields, in a stable order, and a summary")
    func json() throws {
        let result = try CommandRunner.run(["check", Self.planted, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["unit"] as? String } == ["u1", "u2", "u8", "u9", "u10"])
        for key in ["file", "line", "unit", "rule", "severity", "concept", "sourceTerm", "targetTerm", "message"] {
            #expect(findings.allSatisfy { $0.keys.contains(key) }, "missing \(key)")
        }
        #expect(findings[2]["concept"] is NSNull)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 4 && summary["warnings"] as? Int == 1 && summary["units"] as? Int == 10)
        #expect(try CommandRunner.run(["check", Self.planted, "--format", "json"]).stdout == result.stdout)
    }

    @Test("a baseline written by one run makes the next one pass; bad --mask, --states and baselines are one clear line, exit 2")
    func baselineAndOptions() throws {
        let folder = "Tests/ConsistencyTests/Fixtures/real-world"
        let arguments = ["check", "\(folder)/causes-en-fr.xlf", "--glossary", "\(folder)/real-world-glossary.xml"]
        let baseline = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-baseline-\(UUID().uuidString).tsv").path
        defer { try? FileManager.default.removeItem(atPath: baseline) }
        let first = try CommandRunner.run(arguments + ["--write-baseline", baseline])
        #expect(first.status == 1 && first.stderr.contains("4 finding(s) written to the baseline"), "\(first.stderr)")
        #expect(first.stdout.contains("causes-en-fr.xlf:20:1: error: [missing-term] error-missing"), "file:line:column")
        let second = try CommandRunner.run(arguments + ["--baseline", baseline])
        #expect(second.status == 0 && second.stdout.contains("0 error(s), 0 warning(s), 4 suppressed by the baseline"), "\(second.stdout)")
        // Written again in place, in text and in HTML, the baseline keeps what it accepted.
        for format in ["text", "html"] {
            let refreshed = try CommandRunner.run(arguments + ["--baseline", baseline, "--write-baseline", baseline, "--format", format])
            #expect(refreshed.status == 0 && refreshed.stderr.contains("4 finding(s) written to the baseline"), "\(format): \(refreshed.stderr)")
            let again = try CommandRunner.run(arguments + ["--baseline", baseline])
            #expect(again.status == 0 && again.stdout.contains("4 suppressed by the baseline"), "\(format): \(again.stdout)")
        }
        let badMask = try CommandRunner.run(arguments + ["--mask", "(unclosed"])
        #expect(badMask.status == 2 && badMask.stderr.contains("'(unclosed': it is not a valid regular expression"), "\(badMask.stderr)")
        let badState = try CommandRunner.run(arguments + ["--states", "done"])
        #expect(badState.status == 2 && badState.stderr.contains("unknown state 'done'; states are initial, translated, reviewed, final"))
        try "# a comment\nnot a baseline\n".write(toFile: baseline, atomically: true, encoding: .utf8)
        let badBaseline = try CommandRunner.run(arguments + ["--baseline", baseline])
        #expect(badBaseline.status == 2 && badBaseline.stderr.contains("\(baseline):2:1: error: expected file, unit, rule"), "\(badBaseline.stderr)")
        // The masks can be turned off: the placeholders' words then count as text.
        let unmasked = try CommandRunner.run(arguments + ["--no-default-masks", "--format", "json"])
        #expect(unmasked.stdout.contains("\"unit\" : \"markup\""), "a URL's words read as terms without masks")
    }

    @Test("HTML report: self-contained, escaped, one block per finding, rule filters")
    func html() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-report-\(UUID().uuidString).html").path
        let result = try CommandRunner.run(["check", Self.planted, "--format", "html", "-o", output])
        #expect(result.status == 1 && result.stdout.isEmpty)
        let page = try String(contentsOfFile: output, encoding: .utf8)
        #expect(page.components(separatedBy: "<div class=\"finding ").count - 1 == 5)
        #expect(page.contains("<mark>Philanthropie</mark>") && page.contains("id=\"rule-deprecated-term\""))
        // The filters work without script: the radio buttons come before the bar and <main>,
        // so "#rule-x:checked ~ main" reaches the findings.
        let radio = try #require(page.range(of: "<input type=\"radio\" name=\"rule\" id=\"rule-deprecated-term\">"))
        let bar = try #require(page.range(of: "<div class=\"filters\">")), main = try #require(page.range(of: "<main>"))
        #expect(radio.lowerBound < bar.lowerBound && bar.lowerBound < main.lowerBound)
        #expect(page.contains("#rule-deprecated-term:checked ~ main .finding:not(.deprecated-term) { display: none; }"))
        #expect(!page.contains("<script") && !page.contains("src=\"http"))
    }
}

@Suite("passerelle check: folders and odd input")
struct CheckInputTests {
    @Test("a folder stands for its bilingual files; a folder without any, an empty file and a PO duplicate are one clear line each")
    func folders() throws {
        let folder = "Tests/ConsistencyTests/Fixtures/real-world"
        let result = try CommandRunner.run(["check", folder, "--glossary", "\(folder)/real-world-glossary.xml", "--format", "json"])
        #expect(result.status == 1 && !result.stderr.contains("Fatal error"), "\(result.stderr)")
        #expect(result.stdout.contains("trados.sdlxliff") && result.stdout.contains("nl-lb.tmx") && result.stdout.contains("memoq.mqxliff"))
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try CommandRunner.run(["check", empty.path])
        #expect(none.status == 2 && none.stderr.contains("a folder with no bilingual file"), "\(none.stderr)")
        let blank = empty.appendingPathComponent("blank.xlf").path
        try "".write(toFile: blank, atomically: true, encoding: .utf8)
        let unreadable = try CommandRunner.run(["check", blank])
        #expect(unreadable.status == 2 && unreadable.stderr.contains("not a bilingual file"), "\(unreadable.stderr)")
        let po = empty.appendingPathComponent("fr.po").path
        try "msgid \"\"\nmsgstr \"Language: fr\\n\"\n\nmsgid \"File\"\nmsgstr \"Fichier\"\n\nmsgid \"File\"\nmsgstr \"Fichier\"\n".write(toFile: po, atomically: true, encoding: .utf8)
        let duplicate = try CommandRunner.run(["check", po, "--glossary", "\(folder)/real-world-glossary.xml"])
        #expect(duplicate.status == 0 && duplicate.stderr.contains("fr.po:7:1: warning: this message (msgctxt and msgid) is already at line 4"), "\(duplicate.stderr)")
        // Windows editors (Poedit) write CRLF; an XLIFF of another version is refused, not read as nothing.
        let crlf = empty.appendingPathComponent("crlf.po").path
        try "msgid \"\"\r\nmsgstr \"Language: fr\\n\"\r\n\r\nmsgid \"The file\"\r\nmsgstr \"Le document\"\r\n".write(toFile: crlf, atomically: true, encoding: .utf8)
        let windows = try CommandRunner.run(["check", crlf, "--glossary", "\(folder)/real-world-glossary.xml"])
        #expect(windows.status == 1 && windows.stdout.contains("crlf.po:4:1: error: [missing-term]"), "\(windows.stdout) \(windows.stderr)")
        let future = empty.appendingPathComponent("future.xlf").path
        try "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:3.7\" version=\"3.7\"><file/></xliff>\n".write(toFile: future, atomically: true, encoding: .utf8)
        let refused = try CommandRunner.run(["check", future, "--glossary", "\(folder)/real-world-glossary.xml"])
        #expect(refused.status == 2 && refused.stderr.contains("future.xlf:2:1: error: XLIFF 3.7 is not a version Passerelle reads"), "\(refused.stderr)")
        let nothing = try CommandRunner.run(["check", po, "--rules", "untranslated", "--skip", "untranslated"])
        #expect(nothing.status == 2 && nothing.stderr.contains("no rule left to run"))
    }
}
