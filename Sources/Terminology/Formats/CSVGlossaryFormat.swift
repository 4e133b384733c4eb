import CSV
import Foundation
import XMLSupport

/// Glossaries as spreadsheets: one row per term, CSV (comma or semicolon) or TSV.
///
/// Columns (header names, any order; only `concept`, `language` and `term` are required):
/// `concept, subject, language, term, status, type, pos, gender, region, match, note,
/// source, reliability, definition, definition_source, equivalence, paraphrase, relations`.
/// Concept and language columns (subject, definition, equivalence ...) may repeat on
/// every row of the concept; the first non-empty value wins. `relations` holds
/// `broader:id related:id ...`. Files are written with a UTF-8 BOM so that
/// spreadsheet programs recognize the encoding.
public enum CSVGlossaryFormat {
    static let columns = [
        "concept", "subject", "language", "term", "status", "type", "pos", "gender", "region", "match", "note",
        "source", "reliability", "definition", "definition_source", "equivalence", "paraphrase", "relations",
    ]

    /// Reads CSV or TSV text; the delimiter is told from the header line.
    public static func read(_ text: String, file: String) throws -> Termbase {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let header = text.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter: UnicodeScalar = [("\t", header.filter { $0 == "\t" }.count), (";", header.filter { $0 == ";" }.count),
                                        (",", header.filter { $0 == "," }.count)].max { $0.1 < $1.1 }.map { UnicodeScalar($0.0)! } ?? ","
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true, delimiter: delimiter)
        } catch {
            throw TerminologyError.invalid([XMLDiagnostic(file: file, line: 1, message: "not a CSV file: \(error)")])
        }
        let names = (reader.headerRow ?? []).map { $0.lowercased().replacingOccurrences(of: " ", with: "_") }
        for required in ["concept", "language", "term"] where !names.contains(required) {
            throw TerminologyError.invalid([XMLDiagnostic(
                file: file, line: 1, message: "the header has no '\(required)' column; expected columns: \(columns.joined(separator: ", "))")])
        }
        var termbase = Termbase()
        var problems: [XMLDiagnostic] = []
        var row = 1
        while let values = reader.next() {
            row += 1
            if values.allSatisfy(\.isEmpty) { continue }
            var fields: [String: String] = [:]
            for (name, value) in zip(names, values) where !value.isEmpty { fields[name] = value }
            guard let id = fields["concept"], let language = fields["language"], let text = fields["term"] else {
                problems.append(XMLDiagnostic(file: file, line: row, message: "row \(row) needs concept, language and term"))
                continue
            }
            var status = TermStatus.admitted
            if let raw = fields["status"] {
                guard let parsed = TermStatus(tbxValue: raw) else {
                    problems.append(XMLDiagnostic(file: file, line: row, message: "unknown status '\(raw)'; use preferred, admitted, deprecated or superseded"))
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
                reliability: fields["reliability"].flatMap { Int($0) }, isForbidden: forbidden)
            add(term, fields: fields, id: id, language: language, row: row, file: file, to: &termbase)
        }
        if let error = reader.error {
            problems.append(XMLDiagnostic(file: file, line: row + 1, message: "cannot read the CSV: \(error)"))
        }
        if !problems.isEmpty { throw TerminologyError.invalid(problems) }
        return termbase
    }

    private static func add(_ term: Term, fields: [String: String], id: String, language: String, row: Int, file: String, to termbase: inout Termbase) {
        var index = termbase.concepts.lastIndex { $0.id == id } ?? -1
        if index < 0 {
            termbase.concepts.append(Concept(id: id, origin: SourceLocation(file: file, line: row)))
            index = termbase.concepts.count - 1
        }
        var concept = termbase.concepts[index]
        if concept.subjectField == nil { concept.subjectField = fields["subject"] }
        if concept.relations.isEmpty, let relations = fields["relations"] {
            concept.relations = relations.split(separator: " ").compactMap { item in
                let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2, let kind = RelationKind(rawValue: parts[0]) else { return nil }
                return ConceptRelation(kind, parts[1])
            }
        }
        var sectionIndex = concept.languages.firstIndex { $0.language == language } ?? -1
        if sectionIndex < 0 {
            concept.languages.append(LanguageSection(language: language))
            sectionIndex = concept.languages.count - 1
        }
        var section = concept.languages[sectionIndex]
        if section.definitions.isEmpty, let definition = fields["definition"] {
            section.definitions = [Definition(definition, source: fields["definition_source"])]
        }
        if section.equivalence == nil { section.equivalence = fields["equivalence"].flatMap(Equivalence.init(rawValue:)) }
        if section.paraphrase == nil { section.paraphrase = fields["paraphrase"] }
        section.terms.append(term)
        concept.languages[sectionIndex] = section
        termbase.concepts[index] = concept
    }

    /// Writes CSV (`delimiter` ",", ";") or TSV ("\t"), with a BOM.
    public static func write(_ termbase: Termbase, delimiter: String = ",") throws -> String {
        let stream = OutputStream.toMemory()
        stream.open()
        let writer = try CSVWriter(stream: stream, delimiter: delimiter, newline: .crlf)
        try writer.write(row: columns)
        for concept in termbase.concepts {
            let relations = concept.relations.map { "\($0.kind.rawValue):\($0.target)" }.joined(separator: " ")
            for section in concept.languages {
                let definition = section.definitions.first
                for term in section.terms {
                    try writer.write(row: [
                        concept.id, concept.subjectField ?? "", section.language, term.text, term.isForbidden ? "forbidden" : term.status.rawValue,
                        term.type?.rawValue ?? "", term.partOfSpeech?.rawValue ?? "", term.gender?.rawValue ?? "",
                        term.regions.joined(separator: " "), term.exactMatch ? "exact" : "", term.note ?? "", term.source ?? "",
                        term.reliability.map(String.init) ?? "", definition?.text ?? "", definition?.source ?? "",
                        section.equivalence?.rawValue ?? "", section.paraphrase ?? "", relations,
                    ])
                }
            }
        }
        stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return "\u{FEFF}" + String(decoding: data, as: UTF8.self) + "\r\n"
    }
}
