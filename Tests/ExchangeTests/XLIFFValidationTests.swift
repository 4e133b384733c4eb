import Consistency
import Content
import Exchange
import Foundation
import Terminology
import Testing
import TestSupport

/// The extracted files against the OASIS schemas (libxml2's xmllint, never on the network:
/// an XML catalog sends the W3C xml.xsd import to the copy in ../shared/corpora) and the
/// project's own validators; the termbase entries they carry.
@Suite("XLIFF extract: schemas and termbase entries")
struct XLIFFValidationTests {
    static let schemas = "xliff-schemas"

    /// Validates `xml` with xmllint against `schema` (a path under the corpora's schema folder,
    /// or a wrapper schema importing several); the problems it prints, or none.
    static func xmllint(_ xml: String, schema: String, in folder: URL) throws -> [String] {
        let xmllint = try #require(["/usr/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }, "xmllint is needed: apt-get install libxml2-utils")
        let w3c = try Corpus.path("\(schemas)/xliff-21/informativeCopiesOf3rdPartySchemas/w3c/xml.xsd")
        let catalog = folder.appendingPathComponent("catalog.xml")
        try """
        <?xml version="1.0"?>
        <catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
          <system systemId="http://www.w3.org/2001/xml.xsd" uri="\(URL(fileURLWithPath: w3c).absoluteString)"/>
          <uri name="http://www.w3.org/2001/xml.xsd" uri="\(URL(fileURLWithPath: w3c).absoluteString)"/>
        </catalog>
        """.write(to: catalog, atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("file.xlf")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--nonet", "--noout", "--schema", schema, file.path]
        process.environment = ["XML_CATALOG_FILES": catalog.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? [] : output.split(separator: "\n").map(String.init).filter { !$0.hasSuffix("fails to validate") }
    }

    static func extracted(_ file: String, _ version: XLIFFDocument.Version) throws -> String {
        let document = try ContentLoader().load(file: Corpus.projectFile(file))
        return try ExchangeTests.extract(document, original: file, version)
    }

    @Test("2.1: valid against the core and glossary XSDs and the project's validator; 1.2: against the strict XSD and the 1.2 checks",
          arguments: ExchangeTests.documents)
    func schemas(file: String) throws {
        let folder = try TemporaryFolder.make("xliff-schemas")
        defer { TemporaryFolder.remove(folder) }
        let core = try Corpus.path("\(Self.schemas)/xliff-21/xliff_core_2.0.xsd"), glossary = try Corpus.path("\(Self.schemas)/xliff-21/glossary.xsd")
        // One schema importing both, so the glossary module is validated, not skipped as lax content.
        let wrapper = folder.appendingPathComponent("core-and-glossary.xsd")
        try """
        <?xml version="1.0"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:passerelle:test" elementFormDefault="qualified">
          <xs:import namespace="urn:oasis:names:tc:xliff:document:2.0" schemaLocation="\(URL(fileURLWithPath: core).absoluteString)"/>
          <xs:import namespace="urn:oasis:names:tc:xliff:glossary:2.0" schemaLocation="\(URL(fileURLWithPath: glossary).absoluteString)"/>
        </xs:schema>
        """.write(to: wrapper, atomically: true, encoding: .utf8)
        let v21 = try Self.extracted(file, .v21)
        #expect(v21.contains("<gls:glossEntry"), "no termbase entry extracted")
        #expect(try Self.xmllint(v21, schema: wrapper.path, in: folder) == [])
        let path21 = folder.appendingPathComponent("v21.xlf")
        try v21.write(to: path21, atomically: true, encoding: .utf8)
        #expect(XLIFFValidation.problems(in: path21.path).isEmpty, "\(XLIFFValidation.problems(in: path21.path).prefix(3))")

        let v12 = try Self.extracted(file, .v12)
        #expect(try Self.xmllint(v12, schema: try Corpus.path("\(Self.schemas)/xliff-12/xliff-core-1.2-strict.xsd"), in: folder) == [])
        let path12 = folder.appendingPathComponent("v12.xlf")
        try v12.write(to: path12, atomically: true, encoding: .utf8)
        #expect(XLIFFValidation.problems(in: path12.path).isEmpty)
        // The readers `check` uses take both files.
        let units = try BilingualReader().units(in: path12.path).units
        #expect(units.count == ExchangeUnit.units(of: try ContentLoader().load(file: Corpus.projectFile(file)), target: "de").count)
        #expect(try BilingualReader().units(in: path21.path).units.count == units.count)
    }

    @Test("glossary entries: never a deprecated or superseded term; the paraphrase where the target has no equivalent")
    func glossaryEntries() throws {
        let termbase = ExchangeTests.termbase
        let document = try ContentLoader().load(file: Corpus.projectFile("content/charter.xml"))
        let file = XLIFFDocument(document: document, original: "content/charter.xml", target: "de",
                                 glossary: try GlossaryLookup(termbase: termbase, source: "fr", target: "de"))
        let entries = file.units.flatMap(\.glossary)
        #expect(entries.count > 50)
        for entry in entries {
            let section = try #require(termbase.concept(id: entry.conceptID)?.section("de"))
            for term in entry.targetTerms {
                let status = section.terms.first { $0.text == term }?.status
                #expect(status == .preferred || status == .admitted, "\(entry.conceptID): '\(term)' is \(status.map { "\($0)" } ?? "unknown")")
            }
        }
        let none = try #require(entries.first { $0.equivalence == Equivalence.none }, "the charter names a concept without a German equivalent")
        let paraphrase = try #require(none.paraphrase)
        #expect(none.equivalenceNote?.contains(paraphrase) == true)
        let xml = file.xml(.v21)
        #expect(xml.contains("<gls:translation source=\"paraphrase\">\(paraphrase.replacingOccurrences(of: "'", with: "'"))</gls:translation>")
                    || xml.contains(paraphrase), "the paraphrase is in the file")
        // A deprecated German term of the termbase never appears as a translation.
        let deprecated = termbase.concepts.flatMap { $0.section("de")?.terms.filter { $0.status == .deprecated }.map(\.text) ?? [] }
        for term in deprecated { #expect(!xml.contains("<gls:translation>\(term)</gls:translation>"), "deprecated '\(term)' offered") }
    }
}
