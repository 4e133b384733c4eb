import Foundation

/// JSON forms of the model, for `--format json` (stable key order).
public enum TermbaseJSON {
    /// A concept with every language, as a JSON-ready dictionary.
    public static func object(_ concept: Concept) -> [String: Any] {
        var object: [String: Any] = ["id": concept.id]
        if let subject = concept.subjectField { object["subject"] = subject }
        if !concept.notes.isEmpty { object["notes"] = concept.notes }
        if !concept.relations.isEmpty {
            object["relations"] = concept.relations.map { ["type": $0.kind.rawValue, "concept": $0.target] }
        }
        object["languages"] = concept.languages.map { section -> [String: Any] in
            var entry: [String: Any] = ["language": section.language, "terms": section.terms.map { termObject($0) }]
            if let equivalence = section.equivalence { entry["equivalence"] = equivalence.rawValue }
            if let paraphrase = section.paraphrase { entry["paraphrase"] = paraphrase }
            if !section.definitions.isEmpty {
                entry["definitions"] = section.definitions.map { definition -> [String: Any] in
                    var value: [String: Any] = ["text": definition.text]
                    if let source = definition.source { value["source"] = source }
                    return value
                }
            }
            if !section.notes.isEmpty { entry["notes"] = section.notes }
            return entry
        }
        if let origin = concept.origin { object["origin"] = origin.description }
        return object
    }

    /// A term as a JSON-ready dictionary.
    public static func termObject(_ term: Term) -> [String: Any] {
        var object: [String: Any] = ["term": term.text, "status": term.status.rawValue]
        if !term.statusIsRecorded { object["statusRecorded"] = false }
        if let type = term.type { object["type"] = type.rawValue }
        if let pos = term.partOfSpeech { object["partOfSpeech"] = pos.rawValue }
        if let gender = term.gender { object["gender"] = gender.rawValue }
        if !term.regions.isEmpty { object["regions"] = term.regions }
        if term.exactMatch { object["match"] = "exact" }
        if term.isForbidden { object["usage"] = "forbidden" }
        if let note = term.note { object["note"] = note }
        if let source = term.source { object["source"] = source }
        if let reliability = term.reliability { object["reliability"] = reliability }
        return object
    }

    /// Serializes a JSON-ready value with sorted keys, pretty-printed.
    public static func text(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
