@testable import Consistency
import Foundation
import Testing
import TestSupport
import XMLSupport

/// Each bilingual format's reader on its own, on small files written here (the real CAT
/// files are read in RealWorldCheckTests, through ``BilingualReader``).
@Suite("Unit readers: XLIFF 1.2, XLIFF 2, TMX, inline text, ids")
struct UnitReaderTests {
    static func file(_ name: String, _ text: String) throws -> String {
        let folder = try TemporaryFolder.make("readers")
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func units(_ reader: some UnitReader) throws -> (units: [BilingualUnit], notices: [String]) {
        var units: [BilingualUnit] = []
        let notices = try reader.read { units.append($0) }
        return (units, notices.map(\.message))
    }

    @Test("XLIFF 1.2: native codes are not text, <cp> gives its character, alt-trans is not the translation; ids missing or repeated are said")
    func xliff12() throws {
        let path = try Self.file("a.xlf", """
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="fr" target-language="de" original="a" datatype="plaintext"><body>
        <trans-unit id="1"><source>Le <ph id="1">&lt;b&gt;</ph>réseau<cp hex="00A0"/>!</source><target state="translated">Das <g id="2">Netz</g>!</target>
          <alt-trans><target>Falsch</target></alt-trans></trans-unit>
        <trans-unit id="1"><source>Deux</source></trans-unit>
        <trans-unit><source>Trois</source><target/></trans-unit>
        </body></file></xliff>
        """)
        let (units, notices) = try Self.units(XLIFF12UnitReader(file: path, sourceOverride: nil, targetOverride: nil))
        #expect(units.map(\.source) == ["Le réseau\u{00A0}!", "Deux", "Trois"])
        #expect(units.map(\.target) == ["Das Netz!", nil, ""])
        #expect(units.first?.state == .translated && units.last?.id == "3")
        #expect(notices.count == 2 && notices[0].contains("'1' is already used at line 2") && notices[1].contains("reported as unit 3"), "\(notices)")
    }

    @Test("XLIFF 1.2 segmented as SDLXLIFF writes it: one unit per segment, at the target's mrk, with sdl:seg states and locks")
    func sdlxliffSegments() throws {
        let path = try Self.file("b.sdlxliff", """
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"><file source-language="en" target-language="fr" original="b" datatype="x-sdlfilterframework2"><body>
        <trans-unit id="u"><source>One. Two.</source>
        <seg-source><mrk mtype="seg" mid="1">One.</mrk> <mrk mtype="seg" mid="2">Two.</mrk></seg-source>
        <target><mrk mtype="seg" mid="1">Un.</mrk> <mrk mtype="seg" mid="2">Deux.</mrk></target>
        <sdl:seg-defs><sdl:seg id="1" conf="Translated"/><sdl:seg id="2" conf="Draft" locked="true"/></sdl:seg-defs></trans-unit>
        </body></file></xliff>
        """)
        let (units, _) = try Self.units(XLIFF12UnitReader(file: path, sourceOverride: nil, targetOverride: nil))
        #expect(units.map { "\($0.segment ?? "") \($0.source) → \($0.target ?? "")" } == ["1 One. → Un.", "2 Two. → Deux."])
        #expect(units.map(\.state) == [.translated, .initial] && units.map(\.locked) == [false, true])
        #expect(units.map(\.line) == [4, 4] && units[1].column > units[0].column)
    }

    @Test("XLIFF 2: one segment is the unit; several give one unit each, with their state; originalData is not text")
    func xliff2() throws {
        let path = try Self.file("c.xlf", """
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="fr" trgLang="de"><file id="f">
        <unit id="one"><originalData><data id="d1">&lt;br/&gt;</data></originalData>
          <segment state="final"><source>Un<ph id="1" dataRef="d1"/>texte</source><target>Ein Text</target></segment></unit>
        <unit id="two"><segment id="s1"><source>A.</source><target>A.</target></segment><ignorable><source> </source></ignorable>
          <segment id="s2" state="initial"><source>B.</source></segment></unit>
        </file></xliff>
        """)
        let (units, _) = try Self.units(XLIFF2UnitReader(file: path, sourceOverride: nil, targetOverride: nil))
        #expect(units.map { "\($0.id)#\($0.segment ?? "-") \($0.source)" } == ["one#- Untexte", "two#s1 A.", "two#s2 B."])
        #expect(units.map(\.state) == [.final, nil, .initial] && units.last?.target == nil)
    }

    @Test("XLIFF 2 over the size read whole is validated while streamed: a wrong state in the last unit, a subFlows to a later unit")
    func xliff2Streamed() throws {
        let units = (1...300).map { "<unit id=\"u\($0)\"><segment state=\"translated\"><source>Texte \($0)</source><target>Text \($0)</target></segment></unit>" }
        func file(_ last: String) throws -> String {
            try Self.file("large.xlf", """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="fr" trgLang="de"><file id="f">
            <unit id="menu"><segment><source>Voir <ph id="1" subFlows="u300"/></source></segment></unit>
            \(units.joined(separator: "\n"))
            \(last)
            </file></xliff>
            """)
        }
        var reader = BilingualReader()
        reader.wholeValidationLimit = 0
        let valid = try file("")
        #expect(try reader.units(in: valid).units.count == 301)
        let invalid = try file(#"<unit id="z"><segment state="done"><source>Fin</source></segment></unit>"#)
        let error = try #require(throws: ConsistencyError.self) { try reader.units(in: invalid) }
        #expect(error.diagnostics.map(\.description) == ["\(invalid):303:14: error: XLIFF 2: state must be initial, translated, reviewed or final"])
        let dangling = try file(#"<unit id="y"><segment><source>Voir <ph id="1" subFlows="nowhere"/></source></segment></unit>"#)
        let flows = try #require(throws: ConsistencyError.self) { try reader.units(in: dangling) }
        #expect(flows.diagnostics.map(\.message) == ["XLIFF 2: subFlows names unit 'nowhere', which is not in this file"])
    }

    @Test("past line 65,535 (where libxml2 keeps no line on elements) every unit has its own line and column, streamed or read whole")
    func bigLines() throws {
        let count = 70_000
        var xliff = #"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="fr" trgLang="de"><file id="f">"# + "\n"
        var tmx = #"<tmx version="1.4"><header srclang="fr" datatype="plaintext" segtype="sentence" adminlang="fr" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>"# + "\n"
        for number in 1...count {
            // Every tenth unit written over two lines, to follow lines inside units too.
            let wrap = number % 10 == 0 ? "\n  " : ""
            xliff += "<unit id=\"u\(number)\">\(wrap)<segment><source>Texte</source><target>Text</target></segment></unit>\n"
            tmx += "<tu tuid=\"u\(number)\">\(wrap)<tuv xml:lang=\"fr\"><seg>Texte</seg></tuv><tuv xml:lang=\"de\"><seg>Text</seg></tuv></tu>\n"
        }
        let xliffFile = try Self.file("big-lines.xlf", xliff + "</file></xliff>\n")
        let tmxFile = try Self.file("big-lines.tmx", tmx + "</body></tmx>\n")
        var streamed = BilingualReader()
        streamed.wholeValidationLimit = 0
        // The line of unit n: one line each, and one more after every tenth.
        func expectedLine(_ number: Int) -> Int { 1 + number + (number - 1) / 10 }
        for (file, reader) in [(xliffFile, BilingualReader()), (xliffFile, streamed), (tmxFile, BilingualReader())] {
            let units = try reader.units(in: file).units
            #expect(units.count == count)
            let wrong = units.filter { $0.line != expectedLine(Int($0.id.dropFirst())!) || $0.column != 1 }
            #expect(wrong.isEmpty, "\((file as NSString).lastPathComponent): \(wrong.prefix(3).map { "\($0.id) at \($0.line):\($0.column)" })")
        }
    }

    @Test("TMX: every other language of a unit is a target; a unit without the target language gets the previous one")
    func tmx() throws {
        let path = try Self.file("d.tmx", """
        <tmx version="1.4"><header srclang="fr" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
        <tu tuid="a"><tuv xml:lang="fr"><seg>Bonjour</seg></tuv><tuv xml:lang="de"><seg>Hallo</seg></tuv><tuv xml:lang="en"><seg>Hello</seg></tuv></tu>
        <tu><tuv xml:lang="fr-FR"><seg>Merci</seg></tuv></tu>
        </body></tmx>
        """)
        let (units, _) = try Self.units(TMXUnitReader(file: path, sourceOverride: nil, targetOverride: nil))
        #expect(units.map { "\($0.id) \($0.targetLanguage) \($0.target ?? "-")" } == ["a de Hallo", "a en Hello", "2 en -"])
    }

    @Test("the inline capture skips code elements at any depth and keeps the text around them")
    func capture() throws {
        let tree = try XMLTree.parse(data: Data("<source>a<bpt id='1'>x<sub>y</sub></bpt>b<g>c</g><cp hex='263A'/></source>".utf8), sourceName: "t")
        let events = XMLTreeEvents(tree: tree)
        guard case let .start(root)? = try events.next() else { Issue.record("no root"); return }
        var capture = InlineTextCapture(root)
        while let event = try events.next() {
            switch event {
            case let .start(element): capture.start(element)
            case let .text(text): capture.append(text)
            case .end: if capture.end() { break }
            }
        }
        #expect(capture.text == "abc☺")
    }
}
