import Foundation
import TestSupport
import Testing

/// The typing mistakes editors make, each told in one line at file:line:column with
/// what to write, never in libxml2's or RELAX NG's words.
@Suite("passerelle validate: messages a person can act on")
struct ValidateMessageTests {
    /// A small valid newsletter; each mistake replaces one piece of it.
    static let valid = """
        <?xml version="1.0" encoding="UTF-8"?>
        <document xmlns="urn:passerelle:content:1" kind="newsletter" id="n" languages="fr de">
          <meta><title><text xml:lang="fr">Lettre</text><text xml:lang="de">Brief</text></title></meta>
          <section id="s">
            <heading><text xml:lang="fr">Actualités</text><text xml:lang="de">Aktuelles</text></heading>
            <p id="p1"><text xml:lang="fr">Emploi et formation</text><text xml:lang="de">Arbeit</text></p>
            <event id="e1" date="2022-03-17" time="10:30"><heading><text xml:lang="fr">Réunion</text></heading></event>
          </section>
        </document>

        """

    struct Mistake: CustomStringConvertible, Sendable {
        var name: String
        var replace: String
        var with: String
        /// `line:column: error: ` then the start of the message.
        var expected: String
        var description: String { name }
    }

    static let mistakes: [Mistake] = [
        Mistake(name: "a stray &", replace: "Emploi et formation", with: "Emploi & formation",
                expected: "6:43: error: a '&' that starts no entity: write &amp;"),
        Mistake(name: "a stray <", replace: "Emploi et formation", with: "moins de 5 < 10",
                expected: "6:47: error: a '<' that starts no tag: write &lt;"),
        Mistake(name: "an HTML entity", replace: "Emploi et formation", with: "Emploi&nbsp;: formation",
                expected: "6:42: error: &nbsp; is an HTML entity, unknown in XML: type the character"),
        Mistake(name: "Latin-1 bytes in a UTF-8 file", replace: "Actualités", with: "Actualit\u{FFFF}s",
                expected: "5:42: error: the file is not UTF-8 (byte 0xE9 here): save it as UTF-8, or name its encoding"),
        Mistake(name: "no namespace", replace: " xmlns=\"urn:passerelle:content:1\"", with: "",
                expected: "2:1: error: <document> is not in the namespace of this kind of file: write <document xmlns=\"urn:passerelle:content:1\""),
        Mistake(name: "a time written 10h30", replace: "time=\"10:30\"", with: "time=\"10h30\"",
                expected: "7:38: error: time=\"10h30\" on <event>: expected a time as HH:MM on the 24-hour clock (e.g. 09:30): did you mean time=\"10:30\"?"),
        Mistake(name: "a date written day first", replace: "date=\"2022-03-17\"", with: "date=\"17/03/2022\"",
                expected: "7:20: error: date=\"17/03/2022\" on <event>: expected a date as YYYY-MM-DD (e.g. 2022-03-17) or a month as YYYY-MM"),
        Mistake(name: "a block without id", replace: "<p id=\"p1\">", with: "<p>",
                expected: "6:5: error: <p> needs id=\"...\""),
        Mistake(name: "lang for xml:lang", replace: "<text xml:lang=\"de\">Arbeit", with: "<text lang=\"de\">Arbeit",
                expected: "6:68: error: <text> has no attribute 'lang': did you mean xml:lang?"),
        Mistake(name: "an HTML element", replace: "Emploi et formation", with: "Emploi <b>et</b> formation",
                expected: "6:43: error: <b> is not an element of this kind of file (did you mean <strong>?); allowed in <text>: <em>, <strong>"),
        Mistake(name: "an unknown kind", replace: "kind=\"newsletter\"", with: "kind=\"letter\"",
                expected: "2:44: error: kind=\"letter\" on <document>: expected one of \"charter\", \"newsletter\""),
        Mistake(name: "a mistyped end tag", replace: "Arbeit</text>", with: "Arbeit</txt>",
                expected: "6:88: error: </txt> closes <text>, opened at line 6: the names must match: write </text>"),
        Mistake(name: "a language typo", replace: "languages=\"fr de\"", with: "languages=\"fr ger\"",
                expected: "2:69: error: languages=\"fr ger\": 'ger' is not a language code (ICU has no data for language 'ger'): did you mean de?"),
        Mistake(name: "an unquoted attribute (one line, not four)", replace: "<p id=\"p1\">", with: "<p id=p1>",
                expected: "6:11: error: an attribute value must be between quotes: name=\"value\""),
        Mistake(name: "an HTML <br>", replace: "Emploi et formation", with: "Emploi<br>formation",
                expected: "6:55: error: </text> closes <br>, opened at line 6: in XML an empty element closes itself: write <br/>"),
        Mistake(name: "a meta date written day first (one line)", replace: "</title></meta>", with: "</title><date>01/03/2022</date></meta>",
                expected: "3:89: error: '01/03/2022' in <date>: expected a date as YYYY-MM-DD (e.g. 2022-03-17): did you mean 2022-03-01?"),
        Mistake(name: "a missing image", replace: "<p id=\"p1\">", with: "<figure id=\"f1\" src=\"images/none.png\"><alt><text xml:lang=\"fr\">x</text></alt></figure><p id=\"p1\">",
                expected: "6:21: error: image 'images/none.png': no such file (looked for "),
        Mistake(name: "an http image", replace: "<p id=\"p1\">", with: "<figure id=\"f1\" src=\"http://example.org/a.png\"><alt><text xml:lang=\"fr\">x</text></alt></figure><p id=\"p1\">",
                expected: "6:21: error: image src 'http://example.org/a.png' uses http: use its https address"),
        Mistake(name: "a remote image without its size", replace: "<p id=\"p1\">", with: "<figure id=\"f1\" src=\"https://example.org/a.png\"><alt><text xml:lang=\"fr\">x</text></alt></figure><p id=\"p1\">",
                expected: "6:21: error: a remote image needs its size: add width=\"...\" height=\"...\""),
    ]

    @Test("a remote https image with its size is valid, and rendered as a link, never fetched")
    func remoteImage() throws {
        let folder = try TemporaryFolder.make("remote-image")
        defer { TemporaryFolder.remove(folder) }
        let figure = "<figure id=\"f1\" src=\"https://example.org/photo.jpg\" width=\"600\" height=\"400\"><alt><text xml:lang=\"fr\">Photo</text><text xml:lang=\"de\">Foto</text></alt></figure>"
        try Self.valid.replacingOccurrences(of: "<p id=\"p1\">", with: figure + "<p id=\"p1\">")
            .write(toFile: folder.appendingPathComponent("letter.xml").path, atomically: true, encoding: .utf8)
        let validate = try CommandRunner.run(["validate", "letter.xml", "--glossary", Corpus.projectFile("glossaries")], directory: folder.path)
        #expect(validate.status == 0, "\(validate.stderr)")
        let render = try CommandRunner.run(["render", "letter.xml", "--glossary", Corpus.projectFile("glossaries")], directory: folder.path)
        #expect(render.stdout.contains("<img src=\"https://example.org/photo.jpg\" alt=\"Photo\" lang=\"fr\" width=\"600\" height=\"400\">"),
                "\(render.stderr)")
    }

    @Test("each mistake is one line at file:line:column that says what to write, exit 2", arguments: mistakes)
    func mistake(_ mistake: Mistake) throws {
        let folder = try TemporaryFolder.make("mistake")
        defer { TemporaryFolder.remove(folder) }
        let file = folder.appendingPathComponent("letter.xml").path
        #expect(Self.valid.contains(mistake.replace))
        var bytes = Array(Self.valid.replacingOccurrences(of: mistake.replace, with: mistake.with).utf8)
        // U+FFFF stands for a byte 0xE9 (é in Latin-1) that is not UTF-8.
        while let marker = bytes.firstRange(of: Array("\u{FFFF}".utf8)) { bytes.replaceSubrange(marker, with: [0xE9]) }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let result = try CommandRunner.run(["validate", "letter.xml", "--glossary", Corpus.projectFile("glossaries")], directory: folder.path)
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(mistake): \(result.stderr)")
        #expect(result.stderr.hasPrefix("letter.xml:" + mistake.expected), "\(mistake): \(result.stderr)")
    }

    @Test("the valid letter is valid (the mistakes above are the only difference)")
    func validLetter() throws {
        let folder = try TemporaryFolder.make("mistake")
        defer { TemporaryFolder.remove(folder) }
        try Self.valid.write(toFile: folder.appendingPathComponent("letter.xml").path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["validate", "letter.xml", "--glossary", Corpus.projectFile("glossaries")], directory: folder.path)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
    }
}
