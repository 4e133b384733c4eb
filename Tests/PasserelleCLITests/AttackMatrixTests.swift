import Foundation
import Testing
import TestSupport

/// The public XML attack files through the entry points added after the first attack matrix
/// (office documents, e-mail, extract and merge): each run ends in an output or a clear
/// refusal, never a crash, and nothing outside the input reaches an output or the network.
@Suite("Attack matrix: office, e-mail, extract, merge", .serialized)
struct AttackMatrixTests {
    @Test("every attack file through render --format docx/odt/eml, extract and merge: no leak, no connection, no crash")
    func matrix() throws {
        var files: [String] = []
        for folder in ["rub-nds-dtd-attacks", "libxml2-entity-tests", "defusedxml-testdata"] {
            files += try Corpus.files(under: folder) { $0.hasSuffix(".xml") }
        }
        files += try Corpus.files(under: "payloadsallthethings-xxe/Files")
        #expect(files.count > 80)
        let folder = try HardeningTests.folder("matrix")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let document = HardeningTests.document(#"<p id="p1"><text xml:lang="fr">Un</text><text xml:lang="de">Eins</text></p>"#)
        try document.write(toFile: folder + "/content/doc.xml", atomically: true, encoding: .utf8)
        let listener = LoopbackListener(port: 5000)
        var runs = 0
        var unsafe: [String] = []
        for (index, file) in files.enumerated() {
            let name = file.components(separatedBy: "corpora/").last ?? file
            // As content (the attack file in the content folder), and as a returned XLIFF.
            let input = folder + "/content/attack.xml"
            try? FileManager.default.removeItem(atPath: input)
            try FileManager.default.copyItem(atPath: file, toPath: input)
            let outputs = ["out.docx", "out.odt", "out.eml", "out.xlf"]
            let commands: [[String]] = [
                ["render", "content/attack.xml", "--format", "docx", "-o", "out.docx"],
                ["render", "content/attack.xml", "--format", "odt", "-o", "out.odt"],
                ["render", "content/attack.xml", "--format", "eml", "-o", "out.eml"],
                ["extract", "content/attack.xml", "--to", "de", "-o", "out.xlf"],
                ["merge", "content/doc.xml", "content/attack.xml"],
            ]
            // The office and e-mail writers are the same for every input: a third of the files suffice there.
            for arguments in index % 3 == 0 ? commands : Array(commands.suffix(2)) {
                let result = try CommandRunner.run(arguments, directory: folder)
                runs += 1
                let shown = "\(name) via \(arguments.prefix(2).joined(separator: " "))"
                if result.status != 0 && result.status != 1 && result.status != 2 { unsafe.append("\(shown): exit \(result.status)") }
                if result.stderr.contains("Fatal error") || result.stderr.contains("Stack dump") { unsafe.append("\(shown): crashed") }
                var visible = result.stdout + result.stderr
                for output in outputs { visible += (try? String(contentsOfFile: folder + "/" + output, encoding: .isoLatin1)) ?? "" }
                visible += (try? String(contentsOfFile: folder + "/content/doc.xml", encoding: .utf8)) ?? ""
                for secret in ["root:x:0:0", "this is some text in ASCII", "is a test", "really simple"] where visible.contains(secret) {
                    unsafe.append("\(shown): external content '\(secret)'")
                }
                for output in outputs { try? FileManager.default.removeItem(atPath: folder + "/" + output) }
            }
            try document.write(toFile: folder + "/content/doc.xml", atomically: true, encoding: .utf8)
        }
        #expect(unsafe.isEmpty, "\(unsafe)")
        #expect(runs > 200, "\(runs) runs")
        if let listener { #expect(listener.acceptedConnections() == 0, "a run connected to 127.0.0.1:\(listener.port)") }
        print("attack matrix: \(runs) runs over \(files.count) files, \(unsafe.count) unsafe")
    }
}
