import Base
import CSV
import Foundation
import XMLSupport

/// Glossaries as spreadsheets: one row per term, CSV (comma or semicolon) or TSV.
///
/// Columns (header names, any order; only `concept`, `language` and `term` are required):
/// `concept, subject, language, term, status, type, pos, gender, region, match, note,
/// source, reliability, definition, definition_source, equivalence, paraphrase, relations,
/// record`. Concept and language columns (subject, definition, equivalence ...) may repeat
/// on every row of the concept; the first non-empty value wins. `relations` holds
/// `broader:id related:id ...`.
///
/// What is not a term has a row of its own, named in `record`: `definition` (each
/// definition of a language, with `definition_source`), `note` (a note of the concept when
/// `language` is empty, else of that language, in `note`), `section` (a language with no
/// term: its `equivalence` and `paraphrase`). Rows without `record` are terms. So a
/// termbase written as CSV reads back the same (`write` refuses what CSV cannot hold:
/// markup of other vocabularies). Files are written with a UTF-8 BOM so that spreadsheet
/// programs recognize the encoding.
public enum CSVGlossaryFormat {
    static let columns = [
        "concept", "subject", "language", "term", "status", "type", "pos", "gender", "region", "match", "note",
        "source", "reliability", "definition", "definition_source", "equivalence", "paraphrase", "relations", "record",
    ]

    /// Reads CSV or TSV text; the delimiter is told from the header line.
    public static func read(_ text: String, file: String) throws -> Termbase {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let header = text.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter: UnicodeScalar = [("\t", header.filter { $0 == "\t" }.count), (";", header.filter { $0 == ";" }.count),
                                        (",", header.filter { $0 == "," }.count)].max { $0.1 < $1.1 }.map { UnicodeScalar($0.0)! } ?? ","
        if let line = unclosedQuoteLine(text) {
            throw TerminologyError.invalid([Diagnostic(file: file, line: line, message: "a quoted value that starts on this line is never closed "
                + "(the file may be cut short): end it with \" or save the file again")])
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true, delimiter: delimiter)
        } catch {
            throw TerminologyError.invalid([Diagnostic(file: file, line: 1, message: "not a CSV file: \(error)")])
        }
        let names = (reader.headerRow ?? []).map { $0.lowercased().replacingOccurrences(of: " ", with: "_") }
        for required in ["concept", "language", "term"] where !names.contains(required) {
            throw TerminologyError.invalid([Diagnostic(
                file: file, line: 1, message: "the header has no '\(required)' column; expected columns: \(columns.joined(separator: ", "))")])
        }
        var termbase = Termbase()
        var problems: [Diagnostic] = []
        var row = 1
        while let values = reader.next() {
            row += 1
            if values.allSatisfy(\.isEmpty) { continue }
            var fields: [String: String] = [:]
            for (name, value) in zip(names, values) where !value.isEmpty { fields[name] = SpreadsheetSafety.restored(value) }
            if let record = fields["record"], record != "term" {
                if let problem = addRecord(record, fields: fields, row: row, file: file, to: &termbase) {
                    problems.append(Diagnostic(file: file, line: row, message: problem))
                }
                continue
            }
            guard let id = fields["concept"], let language = fields["language"], let text = fields["term"] else {
                problems.append(Diagnostic(file: file, line: row, message: "row \(row) needs concept, language and term"))
                continue
            }
            var status = TermStatus.admitted
            if let raw = fields["status"] {
                guard let parsed = TermStatus(tbxValue: raw) else {
                    problems.append(Diagnostic(file: file, line: row, message: "unknown status '\(raw)'; use preferred, admitted, deprecated or superseded"))
                    continue
                }
                status = parsed
            }
            let forbidden = fields["status"]?.lowercased() == "forbidden"
            let term = Term(
                text, status: status, type: fields["type"].flatMap(TermType.init(rawValue:)),
                partOfSpeech: fields["pos"].flatMap(PartOfSpeech.init(rawValue:)),
                gender: fields["gender"].flatMap(GrammaticalGender.init(rawValue:)),
                regions: (fields["region"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init),
                exactMatch: fields["match"] == "exact", note: fields["note"], source: fields["source"],
                reliability: fields["reliability"].flatMap { Int($0) }, isForbidden: forbidden,
                statusIsRecorded: fields["status"] != nil)
            add(term, fields: fields, id: id, language: language, row: row, file: file, to: &termbase)
        }
        if let error = reader.error {
            problems.append(Diagnostic(file: file, line: row + 1, message: "cannot read the CSV: \(error)"))
        }
        if !problems.isEmpty { throw TerminologyError.invalid(problems) }
        return termbase
    }

    /// The line where a quoted value opens that never closes (a file cut in the middle), nil when all close.
    static func unclosedQuoteLine(_ text: String) -> Int? {
        var line = 1, openedOn = 0
        var quoted = false
        var previous: UInt8 = 0x0A
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") {
                // A quote opens a value only at its start (after a delimiter or a line break);
                // inside a quoted value, every quote toggles ("" is an escaped quote).
                if quoted {
                    quoted = false
                } else if [0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "\"")].contains(previous) {
                    quoted = true
                    openedOn = line
                }
            } else if byte == 0x0A {
                line += 1
            }
            previous = byte
        }
        return quoted ? openedOn : nil
    }

    /// A definition, note or term-less language row; the problem when it lacks a field.
    private static func addRecord(_ record: String, fields: [String: String], row: Int, file: String, to termbase: inout Termbase) -> String? {
        guard let id = fields["concept"] else { return "row \(row) needs its concept" }
        let language = fields["language"]
        switch record {
        case "definition":
            guard let language, let text = fields["definition"] else { return "a definition row needs language and definition" }
            update(id, language: language, fields: fields, row: row, file: file, in: &termbase) { section in
                section.definitions.append(Definition(text, source: fields["definition_source"]))
            }
        case "note":
            guard let note = fields["note"] else { return "a note row needs its note" }
            if let language {
                update(id, language: language, fields: fields, row: row, file: file, in: &termbase) { $0.notes.append(note) }
            } else {
                let index = conceptIndex(id, fields: fields, row: row, file: file, in: &termbase)
                termbase.concepts[index].notes.append(note)
            }
        case "section":
            guard let language else { return "a section row needs its language" }
            update(id, language: language, fields: fields, row: row, file: file, in: &termbase) { _ in }
        default:
            return "unknown record '\(record)'; use term, definition, note or section"
        }
        return nil
    }

    /// The index of concept `id`, added (with its subject and relations) when new.
    private static func conceptIndex(_ id: String, fields: [String: String], row: Int, file: String, in termbase: inout Termbase) -> Int {
        // Rows of a concept usually follow each other: the last concept first.
        var index = termbase.concepts.last?.id == id ? termbase.concepts.count - 1 : termbase.concepts.lastIndex { $0.id == id } ?? -1
        if index < 0 {
            termbase.concepts.append(Concept(id: id, origin: SourceLocation(file: file, line: row)))
            index = termbase.concepts.count - 1
        }
        if termbase.concepts[index].subjectField == nil { termbase.concepts[index].subjectField = fields["subject"] }
        if termbase.concepts[index].relations.isEmpty, let relations = fields["relations"] {
            termbase.concepts[index].relations = relations.split(separator: " ").compactMap { item in
                let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2, let kind = RelationKind(rawValue: parts[0]) else { return nil }
                return ConceptRelation(kind, parts[1])
            }
        }
        return index
    }

    /// Changes the `language` section of concept `id` (added when new, with the row's
    /// equivalence and paraphrase).
    private static func update(_ id: String, language: String, fields: [String: String], row: Int, file: String,
                               in termbase: inout Termbase, _ change: (inout LanguageSection) -> Void) {
        let index = conceptIndex(id, fields: fields, row: row, file: file, in: &termbase)
        // Changed in place: a copy of the concept would copy its terms on every row (20,000
        // terms of one concept took 10 s).
        var sectionIndex = termbase.concepts[index].languages.firstIndex { $0.language == language } ?? -1
        if sectionIndex < 0 {
            termbase.concepts[index].languages.append(LanguageSection(language: language))
            sectionIndex = termbase.concepts[index].languages.count - 1
        }
        if termbase.concepts[index].languages[sectionIndex].equivalence == nil {
            termbase.concepts[index].languages[sectionIndex].equivalence = fields["equivalence"].flatMap(Equivalence.init(rawValue:))
        }
        if termbase.concepts[index].languages[sectionIndex].paraphrase == nil {
            termbase.concepts[index].languages[sectionIndex].paraphrase = fields["paraphrase"]
        }
        change(&termbase.concepts[index].languages[sectionIndex])
    }

    private static func add(_ term: Term, fields: [String: String], id: String, language: String, row: Int, file: String, to termbase: inout Termbase) {
        update(id, language: language, fields: fields, row: row, file: file, in: &termbase) { section in
            // A definition on a term row (a spreadsheet written by hand): the first one wins.
            if section.definitions.isEmpty, let definition = fields["definition"] {
                section.definitions = [Definition(definition, source: fields["definition_source"])]
            }
            section.terms.append(term)
        }
    }

    /// Writes CSV (`delimiter` ",", ";") or TSV ("\t"), with a BOM: a row per term, then
    /// per definition and note, and one for a language without terms.
    ///
    /// - Throws: ``TerminologyError/notRepresentable(format:losses:)`` when the termbase
    ///   holds markup of other vocabularies, which CSV cannot hold.
    public static func write(_ termbase: Termbase, delimiter: String = ",") throws -> String {
        let losses = termbase.concepts.flatMap { concept -> [String] in
            var found: [String] = []
            if !concept.extensions.isEmpty { found.append("concept \(concept.id): markup or attributes of other vocabularies") }
            for section in concept.languages {
                if !section.extensions.isEmpty { found.append("concept \(concept.id) (\(section.language)): markup or attributes of other vocabularies") }
                for term in section.terms where !term.extensions.isEmpty {
                    found.append("concept \(concept.id) (\(section.language)) term '\(term.text)': markup or attributes of other vocabularies")
                }
            }
            return found
        }
        if !losses.isEmpty { throw TerminologyError.notRepresentable(format: "CSV", losses: losses) }
        let stream = OutputStream.toMemory()
        stream.open()
        let writer = try CSVWriter(stream: stream, delimiter: delimiter, newline: .crlf)
        try writer.write(row: columns)
        for concept in termbase.concepts {
            let relations = concept.relations.map { "\($0.kind.rawValue):\($0.target)" }.joined(separator: " ")
            /// A row of this concept: the given columns, the concept's own on every row.
            func row(_ values: [String: String]) throws {
                var all = values
                all["concept"] = concept.id
                all["subject"] = concept.subjectField ?? ""
                all["relations"] = relations
                try writer.write(row: columns.map { SpreadsheetSafety.neutralized(all[$0] ?? "") })
            }
            for note in concept.notes { try row(["record": "note", "note": note]) }
            for section in concept.languages {
                let shared = ["language": section.language, "equivalence": section.equivalence?.rawValue ?? "", "paraphrase": section.paraphrase ?? ""]
                if section.terms.isEmpty { try row(shared.merging(["record": "section"]) { $1 }) }
                for term in section.terms {
                    try row(shared.merging([
                        "term": term.text, "status": term.isForbidden ? "forbidden" : term.statusIsRecorded ? term.status.rawValue : "",
                        "type": term.type?.rawValue ?? "", "pos": term.partOfSpeech?.rawValue ?? "", "gender": term.gender?.rawValue ?? "",
                        "region": term.regions.joined(separator: " "), "match": term.exactMatch ? "exact" : "", "note": term.note ?? "",
                        "source": term.source ?? "", "reliability": term.reliability.map(String.init) ?? "",
                    ]) { $1 })
                }
                for definition in section.definitions {
                    try row(["record": "definition", "language": section.language, "definition": definition.text,
                             "definition_source": definition.source ?? ""])
                }
                for note in section.notes { try row(["record": "note", "language": section.language, "note": note]) }
            }
        }
        stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return "\u{FEFF}" + String(decoding: data, as: UTF8.self) + "\r\n"
    }
}
