import Foundation
import TestSupport
import Testing
import XMLSupport

/// Every XML file of the public attack suites parses or is refused, without
/// reading an external file, touching the network or processing XInclude.
@Suite("XML attack corpora", .serialized)
struct AttackCorpusTests {
    /// Folders whose files only use internal declarations: there the canary is
    /// ordinary entity expansion, not a leak (see the corpus SOURCE.md).
    static let internalOnly = ["internalGeneralEntity/", "internalParameterEntity/", "character/"]
    /// Helper files that hold the canary as their own text (what a server or an
    /// include would return), listed in the corpus SOURCE.md.
    static let canaryHelpers = ["ssrf/file.xml", "xinclude/xinclude_source.xml"]

    static func attackFiles() throws -> [String] {
        var files: [String] = []
        for folder in ["rub-nds-dtd-attacks", "libxml2-entity-tests", "defusedxml-testdata"] {
            files += try Corpus.files(under: folder) { $0.hasSuffix(".xml") }
        }
        files += try Corpus.files(under: "payloadsallthethings-xxe/Files")
        return files
    }

    @Test("every attack file parses or fails cleanly, leaking nothing")
    func attackTable() throws {
        let files = try Self.attackFiles()
        #expect(files.count > 80, "found only \(files.count) attack files")
        let listener = LoopbackListener(port: 5000)
        var parsed = 0, refused = 0
        var leaks: [String] = []
        for file in files {
            do {
                let tree = try XMLTree.parse(file: file)
                parsed += 1
                let visible = tree.serialized() + tree.root.text + tree.root.attributes.map(\.value).joined()
                let name = file.components(separatedBy: "corpora/").last ?? file
                if visible.contains("it_works") && !(Self.internalOnly + Self.canaryHelpers).contains(where: { name.contains($0) }) {
                    leaks.append("\(name): canary it_works in the result")
                }
                for secret in ["root:x:0:0", "this is some text in ASCII", "is a test", "really simple"] where visible.contains(secret) {
                    leaks.append("\(name): external content '\(secret)' in the result")
                }
                #expect(visible.utf8.count < 20_000_000, "\(name): \(visible.utf8.count) bytes after parsing")
            } catch {
                refused += 1
                #expect(!error.description.isEmpty)
                #expect(!error.diagnostics.isEmpty)
            }
        }
        #expect(leaks.isEmpty, "\(leaks)")
        #expect(parsed > 10 && refused > 10, "parsed \(parsed), refused \(refused)")
        if let listener {
            #expect(listener.acceptedConnections() == 0, "a parser connected to 127.0.0.1:\(listener.port)")
        }
    }

    @Test("billion laughs and quadratic blow-ups are refused with a reason")
    func bombs() throws {
        for relative in ["defusedxml-testdata/xmlbomb.xml", "defusedxml-testdata/quadratic.xml",
                         "rub-nds-dtd-attacks/dos/dos_entitySize.xml", "libxml2-entity-tests/v2.9.14/recurse/lol1.xml",
                         "libxml2-entity-tests/v2.9.14/recurse/lol2.xml", "rub-nds-dtd-attacks/dos/dos_recursion.xml"] {
            let path = try Corpus.path(relative)
            #expect(throws: XMLSupportError.self, "\(relative)") { try XMLTree.parse(file: path) }
        }
    }

    @Test("libxml2's good*.xml still parse, with their entities expanded")
    func goodFiles() throws {
        for relative in ["libxml2-entity-tests/v2.9.14/recurse/good.xml", "libxml2-entity-tests/v2.9.14/recurse/goodattr.xml"] {
            let tree = try XMLTree.parse(file: try Corpus.path(relative))
            let size = tree.root.text.utf8.count + tree.root.childElements.flatMap(\.attributes).map(\.value.utf8.count).reduce(0, +)
                + tree.root.attributes.map(\.value.utf8.count).reduce(0, +)
            #expect(size > 100_000, "\(relative): only \(size) bytes of expanded content")
        }
    }

    @Test("XInclude is never processed unless asked")
    func xincludeLeftAlone() throws {
        let tree = try XMLTree.parse(file: try Corpus.path("libxml2-entity-tests/v2.9.14/XInclude/docs/include.xml"))
        #expect(tree.root.childElements.map(\.name) == ["include"])
        #expect(!tree.serialized().contains("really"))
    }

    @Test("a UTF-7 document is refused")
    func utf7() throws {
        let document = "<?xml version=\"1.0\" encoding=\"UTF-7\"?>+ADw-root+AD4-hi+ADw-/root+AD4-"
        #expect {
            try XMLTree.parse(data: Data(document.utf8), sourceName: "utf7.xml")
        } throws: { error in
            "\(error)".contains("unsupported encoding 'UTF-7'") && "\(error)".hasPrefix("utf7.xml:1:")
        }
        let declared = try Corpus.path("libxml2-entity-tests/master/errors/unsupported-encoding.xml")
        #expect(throws: XMLSupportError.self) { try XMLTree.parse(file: declared) }
    }

    @Test("UTF-16 files with and without BOM parse")
    func utf16() throws {
        for name in ["utf16bebom.xml", "utf16lebom.xml", "utf16bom.xml"] {
            let tree = try XMLTree.parse(file: try Corpus.path("libxml2-entity-tests/master/encoding/\(name)"))
            #expect(!tree.root.name.isEmpty)
        }
    }

    @Test("deep nesting fails cleanly", arguments: [300, 100_000])
    func deepNesting(levels: Int) {
        let document = String(repeating: "<a>", count: levels) + String(repeating: "</a>", count: levels)
        #expect {
            try XMLTree.parse(data: Data(document.utf8), sourceName: "deep.xml")
        } throws: { error in
            "\(error)".contains("nested more than 256 levels deep")
        }
    }
}
