import Foundation
import TestSupport
@testable import Terminology
import Testing

@Suite("Glossary formats: native, TBX v2/v3, CSV")
struct FormatTests {
    static let bundled = Corpus.projectFile("glossaries/ess-core.xml")

    /// Every bundled glossary, merged.
    static func bundledTermbase() throws -> Termbase {
        try GlossaryLoader().load(paths: [Corpus.projectFile("glossaries")])
    }

    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-\(UUID().uuidString)-\(name)").path
    }

    static func statuses(_ termbase: Termbase) -> [String] {
        termbase.concepts.flatMap { concept in
            concept.languages.flatMap { section in section.terms.map { "\(concept.id)/\(section.language)/\($0.text)/\($0.status)" } }
        }.sorted()
    }

    @Test("native: load, save, load gives the same termbase and the same text")
    func nativeRoundTrip() throws {
        let termbase = try GlossaryFormat.read(file: Self.bundled)
        #expect(termbase.concepts.count >= 4)
        let text = NativeGlossaryFormat.write(termbase)
        let path = Self.temporary("g.xml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let again = try GlossaryFormat.read(file: path)
        #expect(again == termbase)
        #expect(NativeGlossaryFormat.write(again) == text)
    }

    @Test("foreign elements, attributes and comments survive load and save")
    func foreignMarkupKept() throws {
        let path = Self.temporary("foreign.xml")
        try """
            <glossary xmlns="urn:passerelle:glossary:1" xmlns:cms="urn:example:cms">
              <concept id="ess" cms:owner="editorial">
                <!-- reviewed by the steering committee -->
                <cms:workflow state="approved"><cms:by>A. Martin</cms:by></cms:workflow>
                <lang code="fr" cms:checked="yes"><term status="preferred" cms:id="42">économie sociale et solidaire</term></lang>
              </concept>
            </glossary>
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let termbase = try GlossaryFormat.read(file: path)
        let saved = NativeGlossaryFormat.write(termbase)
        for kept in ["cms:owner=\"editorial\"", "reviewed by the steering committee", "<cms:by>A. Martin</cms:by>",
                     "state=\"approved\"", "cms:checked=\"yes\"", "cms:id=\"42\""] {
            #expect(saved.contains(kept), "lost \(kept) in:\n\(saved)")
        }
        try saved.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try GlossaryFormat.read(file: path) == termbase)
    }

    @Test("a glossary breaking the schema is refused with file:line and the element")
    func schemaErrors() throws {
        let path = Self.temporary("bad.xml")
        try """
            <glossary xmlns="urn:passerelle:glossary:1">
              <concept id="ess">
                <lang code="fr"><term status="favourite">ESS</term></lang>
              </concept>
            </glossary>
            """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try GlossaryFormat.read(file: path)
        } throws: { error in
            let text = "\(error)"
            return text.contains("bad.xml:3") && text.contains("term")
        }
    }

    @Test("a large glossary (validated concept by concept) still reports the bad line")
    func largeGlossaryValidation() throws {
        var text = "<glossary xmlns=\"urn:passerelle:glossary:1\">\n"
        for n in 0..<600 {
            let status = n == 550 ? "favourite" : "preferred"
            text += "<concept id=\"c\(n)\"><lang code=\"fr\"><term status=\"\(status)\">terme \(n)</term></lang></concept>\n"
        }
        text += "</glossary>\n"
        let path = Self.temporary("large.xml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try GlossaryFormat.read(file: path)
        } throws: { error in
            "\(error)".contains("large.xml:552") && "\(error)".contains("term")
        }
        try text.replacingOccurrences(of: "favourite", with: "admitted").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try GlossaryFormat.read(file: path).concepts.count == 600)
    }

    @Test("the bundled termbase -> TBX v3 -> native keeps every term, note, definition and relation")
    func nativeThroughTBX3() throws {
        let termbase = try Self.bundledTermbase()
        let path = Self.temporary("g.tbx")
        try GlossaryFormat.tbx3.write(termbase, to: path)
        let back = try GlossaryFormat.read(file: path)
        #expect(Self.statuses(back) == Self.statuses(termbase))
        #expect(back.concepts.map(\.id) == termbase.concepts.map(\.id))
        for concept in termbase.concepts {
            let other = try #require(back.concept(id: concept.id))
            #expect(other.relations == concept.relations)
            #expect(other.subjectField == concept.subjectField)
            #expect(other.notes == concept.notes, "\(concept.id)")
            for section in concept.languages {
                let otherSection = try #require(other.section(section.language))
                #expect(otherSection.terms == section.terms, "\(concept.id)/\(section.language)")
                #expect(otherSection.notes == section.notes, "\(concept.id)/\(section.language)")
                #expect(otherSection.definitions == section.definitions)
                #expect(otherSection.equivalence == section.equivalence)
                #expect(otherSection.paraphrase == section.paraphrase)
                #expect(otherSection.terms.map(\.regions) == section.terms.map(\.regions))
                #expect(otherSection.terms.map(\.exactMatch) == section.terms.map(\.exactMatch))
            }
        }
    }

    @Test("the bundled termbase exported as TBX v2 validates against the TBX-Basic v2 RNG")
    func tbx2AgainstLISASchema() throws {
        let schemaPath = try Corpus.path("tbx2-iate-lisa/TBXBasicRNGV02.rng")
        let path = Self.temporary("g2.tbx")
        try GlossaryFormat.tbx.write(try Self.bundledTermbase(), to: path)
        let schema = try XMLSupportBridge.schema(schemaPath)
        let problems = try XMLSupportBridge.problems(of: path, schema: schema)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test("TBX v2 -> native -> TBX v2 keeps the LISA sample's languages and statuses, German included")
    func lisaRoundTrip() throws {
        let source = try GlossaryFormat.read(file: try Corpus.path("tbx2-iate-lisa/TBX-basic-samples.tbx"))
        let c7 = try #require(source.concept(id: "c7"))
        #expect(c7.section("de")?.terms.map(\.text) == ["Gleitsichtglas"])
        #expect(Set(c7.section("en")?.terms.map(\.status) ?? []) == [.preferred, .admitted, .deprecated, .superseded])
        let native = Self.temporary("lisa.xml"), back = Self.temporary("lisa.tbx")
        try GlossaryFormat.native.write(source, to: native)
        try GlossaryFormat.tbx.write(try GlossaryFormat.read(file: native), to: back)
        let again = try GlossaryFormat.read(file: back)
        #expect(Self.statuses(again) == Self.statuses(source))
        #expect(again.languages.sorted() == ["de", "en", "fr"])
    }

    @Test("the IATE export loads with its statuses and reliability codes")
    func iate() throws {
        let termbase = try GlossaryFormat.read(file: try Corpus.path("tbx2-iate-lisa/export_EN_FR_IATE_small.tbx"))
        #expect(termbase.concepts.count == 478)
        #expect(Set(termbase.languages) == ["en", "fr"])
        let statuses = termbase.concepts.flatMap(\.languages).flatMap(\.terms).map(\.status)
        #expect(statuses.filter { $0 == .superseded }.count == 20)
        #expect(statuses.filter { $0 == .deprecated }.count == 17)
        #expect(statuses.filter { $0 == .preferred }.count == 4)
        #expect(termbase.concepts.flatMap(\.languages).flatMap(\.terms).allSatisfy { $0.reliability != nil })
        // The notes IATE writes in an entry's descripGrp ("JHA", "Council of Europe").
        let notes = termbase.concepts.flatMap(\.notes)
        #expect(notes.count == 20 && notes.contains("Council of Europe"), "\(notes)")
        #expect(termbase.concept(id: "IATE-773368")?.notes == ["JHA"])
    }

    @Test("exports invent no status for IATE's terms without one; TBX-Default writes reliability as IATE does")
    func iateStatusesAndReliability() throws {
        let iate = try GlossaryFormat.read(file: try Corpus.path("tbx2-iate-lisa/export_EN_FR_IATE_small.tbx"))
        let terms = iate.concepts.flatMap(\.languages).flatMap(\.terms)
        let recorded = terms.filter(\.statusIsRecorded).count
        #expect(recorded == 48 && terms.count == 1280, "\(recorded) of \(terms.count)")
        let basic = try GlossaryFormat.tbx.write(iate)
        #expect(basic.components(separatedBy: "type=\"administrativeStatus\"").count - 1 == recorded)
        #expect(basic.components(separatedBy: "<note>Reliability: ").count - 1 == 1280)
        let dialect = try GlossaryFormat.tbxDefault.write(iate)
        #expect(dialect.contains("<martif type=\"TBX-Default\"") && !dialect.contains("Reliability:"))
        #expect(dialect.components(separatedBy: "<descrip type=\"reliabilityCode\">").count - 1 == 1280)
        // Back from each export and from native and CSV: the same statuses, the same reliability codes.
        for format in [GlossaryFormat.tbxDefault, .tbx, .native, .csv] {
            let path = Self.temporary("iate.\(format == .csv ? "csv" : format == .native ? "xml" : "tbx")")
            try format.write(iate, to: path)
            let back = try GlossaryFormat.read(file: path).concepts.flatMap(\.languages).flatMap(\.terms)
            #expect(back.map(\.statusIsRecorded) == terms.map(\.statusIsRecorded), "\(format)")
            #expect(back.map(\.reliability) == terms.map(\.reliability), "\(format)")
        }
    }

    @Test("valid TBX v3 files load (DCA and DCT, Core, Min, Basic)", arguments: [
        "tbx3-ltac/TBX_test_files/basic_good.tbx", "tbx3-ltac/TBX_test_files/core_structure_good.tbx",
        "tbx3-ltac/TBX_test_files/min_good.tbx", "tbx3-ltac/TBX-Basic_dialect-DCT/Example_Astronomy_DCT_VALID.tbx",
        "tbx3-ltac/TBX-Min_dialect/DCA/Example_Astronomy_DCA_VALID.tbx", "tbx3-ltac/TBX-Min_dialect/DCT/Example_Astronomy_DCT_VALID.tbx",
    ])
    func validTBX3(file: String) throws {
        let termbase = try GlossaryFormat.read(file: try Corpus.path(file))
        #expect(termbase.concepts.count > 1)
        #expect(termbase.languages.count >= 2)
        #expect(termbase.termCount > termbase.concepts.count)
    }

    @Test("DCA and DCT styles of the same TBX-Min file give the same statuses")
    func dcaEqualsDCT() throws {
        let dca = try GlossaryFormat.read(file: try Corpus.path("tbx3-ltac/TBX-Min_dialect/DCA/Example_Astronomy_DCA_VALID.tbx"))
        let dct = try GlossaryFormat.read(file: try Corpus.path("tbx3-ltac/TBX-Min_dialect/DCT/Example_Astronomy_DCT_VALID.tbx"))
        #expect(Self.statuses(dca) == Self.statuses(dct))
        #expect(Set(Self.statuses(dca).map { $0.split(separator: "/").last! }) == ["preferred", "admitted", "deprecated", "superseded"])
    }

    @Test("invalid TBX files are refused with a reason", arguments: [
        ("tbx3-ltac/TBX_test_files/basic_bad.tbx", "partOfSpeech"),
        ("tbx3-ltac/TBX_test_files/core_structure_bad.tbx", "exactly one <term>"),
        ("tbx3-ltac/TBX_test_files/min_bad.tbx", "usageStatus"),
        ("tbx3-ltac/TBX_test_files/poorly_formed_xml.tbx", "poorly_formed_xml.tbx:"),
        ("tbx2-iate-lisa/tbx_basic_sample_badattribute.tbx", "type=\"origin\""),
        ("tbx2-iate-lisa/tbx_basic_sample_badelement.tbx", "<transaction> is not a TBX element"),
        ("tbx2-iate-lisa/tbx_basic_sample_notwellformed.tbx", "notwellformed.tbx:"),
    ])
    func invalidTBX(file: String, reason: String) throws {
        let path = try Corpus.path(file)
        #expect {
            try GlossaryFormat.read(file: path)
        } throws: { error in
            "\(error)".contains(reason)
        }
    }

    @Test("CAT-tool TBX v2 files load, including windows-1254 and BOM", arguments: [
        "okapi-testdata/tbx2/test02_win1254.tbx", "okapi-testdata/tbx2/sdl_tbx.tbx", "okapi-testdata/tbx2/maryland.tbx",
        "okapi-testdata/tbx2/ibm_tbx.tbx", "okapi-testdata/tbx2/oracle_TBX.tbx", "okapi-testdata/tbx2/medtronic_TBX.tbx",
        "okapi-testdata/tbx2/test01.tbx",
    ])
    func catToolTBX(file: String) throws {
        let termbase = try GlossaryFormat.read(file: try Corpus.path(file))
        #expect(termbase.termCount > 0)
    }

    @Test("CSV: round trip with comma, semicolon (BOM) and TSV")
    func csv() throws {
        // The whole bundled termbase (its concepts refer to each other across files).
        let termbase = try GlossaryLoader().load(paths: [Corpus.projectFile("glossaries")])
        for format in [GlossaryFormat.csv, .tsv] {
            let path = Self.temporary("g.\(format.rawValue)")
            try format.write(termbase, to: path)
            let back = try GlossaryFormat.read(file: path)
            #expect(Self.statuses(back) == Self.statuses(termbase))
            #expect(back.concepts.map(\.relations) == termbase.concepts.map(\.relations))
            // Lossless: notes, definitions, term-less languages come back; only where each was read differs.
            let withoutOrigins = { (base: Termbase) in base.concepts.map { concept -> Concept in var copy = concept; copy.origin = nil; return copy } }
            let original = withoutOrigins(termbase), read = withoutOrigins(back)
            #expect(read.count == original.count)
            for (a, b) in zip(original, read) where a != b {
                Issue.record("\(format): concept \(a.id) differs after the round trip:\n\(a)\n\(b)")
            }
            #expect(try GlossaryLinter().lint(back).filter { $0.severity == .error }.isEmpty, "the CSV read back passes terms lint")
        }
        // What CSV cannot hold is refused, named, and nothing is written.
        var foreign = termbase
        foreign.concepts[0].extensions = Extensions(markup: ["<x:note xmlns:x=\"urn:x\">kept in XML</x:note>"])
        #expect {
            _ = try CSVGlossaryFormat.write(foreign)
        } throws: { error in
            "\(error)".contains("CSV cannot hold all of the termbase") && "\(error)".contains("concept \(termbase.concepts[0].id)")
        }
        let semicolon = Self.temporary("excel.csv")
        try "\u{FEFF}concept;language;term;status;region\r\ness;fr;\"économie sociale; et solidaire\";preferred;FR BE\r\ness;de;Philanthropie;forbidden;\r\n"
            .write(toFile: semicolon, atomically: true, encoding: .utf8)
        let read = try GlossaryFormat.read(file: semicolon)
        #expect(read.concepts.first?.section("fr")?.terms.first?.text == "économie sociale; et solidaire")
        #expect(read.concepts.first?.section("fr")?.terms.first?.regions == ["FR", "BE"])
        #expect(read.concepts.first?.section("de")?.terms.first?.status == .deprecated)
        #expect(read.concepts.first?.section("de")?.terms.first?.isForbidden == true, "CSV 'forbidden': deprecated everywhere")
    }

    @Test("a forbidden term keeps its mark through native, TBX v3, TBX v2 and CSV")
    func forbiddenRoundTrip() throws {
        let termbase = Termbase(concepts: [Concept(id: "greater-region", languages: [
            LanguageSection(language: "en", terms: [Term("Greater Region", status: .preferred)]),
            LanguageSection(language: "de", terms: [Term("Großregion", status: .preferred), Term("SaarLorLux", status: .deprecated, isForbidden: true)]),
        ])])
        for (name, format) in [("g.xml", GlossaryFormat.native), ("g3.tbx", .tbx3), ("g2.tbx", .tbx), ("g.csv", .csv)] {
            let path = Self.temporary(name)
            try format.write(termbase, to: path)
            let back = try GlossaryFormat.read(file: path)
            let term = back.concepts.first?.section("de")?.terms.first { $0.text == "SaarLorLux" }
            #expect(term?.isForbidden == true && term?.status == .deprecated, "\(name)")
            #expect(back.concepts.first?.section("de")?.terms.first { $0.text == "Großregion" }?.isForbidden == false, "\(name)")
        }
    }
}

@Suite("TBX read as a stream")
struct TBXStreamingTests {
    @Test("the root element is found past the prolog, comments and an internal subset")
    func rootSniffing() {
        #expect(GlossaryFormat.rootElementName("<?xml version=\"1.0\"?>\n<!-- a <tbx> export -->\n<glossary>") == "glossary")
        #expect(GlossaryFormat.rootElementName("<!DOCTYPE martif [<!ENTITY org \"x\"><!-- <glossary> -->]><martif type=\"TBX\">") == "martif")
        #expect(GlossaryFormat.rootElementName("<tbx:tbx xmlns:tbx=\"urn:iso:std:iso:30042:ed-2\">") == "tbx")
        #expect(GlossaryFormat.rootElementName("<!-- never closed <tbx>") == nil)
    }

    @Test("a TBX file declaring entities is read whole, its entities expanded; one that does not is streamed")
    func entities() throws {
        let declared = FormatTests.temporary("entities.tbx")
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE martif [<!ENTITY org "économie sociale">]>
        <martif type="TBX" xml:lang="fr"><martifHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></martifHeader>
        <text><body><termEntry id="c1"><langSet xml:lang="fr"><tig><term>&org;</term></tig></langSet></termEntry></body></text></martif>
        """.write(toFile: declared, atomically: true, encoding: .utf8)
        #expect(!GlossaryFormat.streamsTBX(declared))
        #expect(try GlossaryFormat.read(file: declared).concepts.first?.section("fr")?.terms.first?.text == "économie sociale")
        #expect(GlossaryFormat.streamsTBX(try Corpus.path("tbx2-iate-lisa/TBX-basic-samples.tbx")))
    }

    @Test("a streamed TBX file still refuses unknown elements between its entries, with their line")
    func betweenEntries() throws {
        let file = FormatTests.temporary("between.tbx")
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <martif type="TBX" xml:lang="fr"><martifHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></martifHeader>
        <text><body><termEntry id="c1"><langSet xml:lang="fr"><tig><term>ESS</term></tig></langSet></termEntry>
        <termEntri id="c2"/></body><notes/></text></martif>
        """.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(GlossaryFormat.streamsTBX(file))
        #expect {
            try GlossaryFormat.read(file: file)
        } throws: { error in
            let text = "\(error)"
            return text.contains("between.tbx:4:1") && text.contains("<termEntri> is not a TBX element") && text.contains("<notes> is not a TBX element")
        }
    }

    @Test("a TBX file read as a stream gives the same termbase as read whole", arguments: [
        "tbx2-iate-lisa/export_EN_FR_IATE_small.tbx", "tbx2-iate-lisa/TBX-basic-samples.tbx", "tbx3-ltac/TBX-Basic_dialect-DCT/Example_Astronomy_DCT_VALID.tbx", "tbx3-ltac/TBX_test_files/basic_good.tbx",
    ])
    func sameTermbase(relative: String) throws {
        let path = try Corpus.path(relative)
        let whole = try GlossaryFormat.read(file: path)
        let streamed = try TBXReader.read(streaming: path)
        #expect(streamed.concepts.count == whole.concepts.count && !whole.concepts.isEmpty)
        #expect(streamed == whole)
    }
}
