/// A concept as readable text, for `terms lookup`: every language with its terms,
/// statuses, regions, equivalence, definitions and notes.
public enum ConceptCard {
    public static func text(_ concept: Concept, highlight: String? = nil) -> String {
        var lines: [String] = []
        var heading = "■ \(concept.id)"
        if let subject = concept.subjectField { heading += "  [\(subject)]" }
        lines.append(heading)
        for note in concept.notes { lines.append("  note: \(clean(note))") }
        for relation in concept.relations { lines.append("  \(relation.kind.rawValue): \(relation.target)") }
        for section in concept.languages {
            var header = "  \(section.language)"
            if let equivalence = section.equivalence { header += "  (equivalence: \(equivalence.rawValue))" }
            lines.append(header)
            for term in section.terms {
                let status = term.statusIsRecorded ? term.status.rawValue : "no status given (checked as admitted)"
                var line = "    \(marker(term.status)) \(term.text)  \(status)"
                var details: [String] = []
                if let type = term.type { details.append(type.rawValue) }
                if let pos = term.partOfSpeech { details.append(pos.rawValue) }
                if let gender = term.gender { details.append(gender.rawValue) }
                if !term.regions.isEmpty { details.append("regions: \(term.regions.joined(separator: " "))") }
                if term.exactMatch { details.append("exact match") }
                if term.isForbidden { details.append("forbidden everywhere") }
                // IATE's reliability code: 1 not verified ... 4 very reliable.
                if let reliability = term.reliability { details.append("reliability \(reliability)/4") }
                if !details.isEmpty { line += ", " + details.joined(separator: ", ") }
                if term.text == highlight { line += "  ◀" }
                lines.append(line)
                if let note = term.note { lines.append("        \(clean(note))") }
            }
            if let paraphrase = section.paraphrase { lines.append("    paraphrase: \(clean(paraphrase))") }
            for definition in section.definitions {
                lines.append("    definition: \(clean(definition.text))")
                if let source = definition.source { lines.append("      source: \(clean(source))") }
            }
            for note in section.notes { lines.append("    note: \(clean(note))") }
        }
        return lines.joined(separator: "\n")
    }

    /// A note as one readable line: the tabs, line breaks and runs of spaces a TBX export
    /// leaves inside it (IATE's indented XML) become single spaces.
    static func clean(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" }).joined(separator: " ")
    }

    /// ✓ for accepted terms, ✗ for those never to use.
    static func marker(_ status: TermStatus) -> String {
        switch status {
        case .preferred: "✓✓"
        case .admitted: "✓ "
        case .deprecated, .superseded: "✗ "
        }
    }
}
