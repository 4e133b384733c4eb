/// The form of a term (TBX `termType`).
public enum TermType: String, CaseIterable, Sendable {
    case fullForm, acronym, abbreviation, shortForm, variant, phrase
}

/// Part of speech (TBX `partOfSpeech` picklist).
public enum PartOfSpeech: String, CaseIterable, Sendable {
    case noun, verb, adjective, adverb, properNoun, other
}

/// Grammatical gender (TBX `grammaticalGender` picklist).
public enum GrammaticalGender: String, CaseIterable, Sendable {
    case masculine, feminine, neuter, other
}

/// How well a language's designations render the concept.
public enum Equivalence: String, CaseIterable, Sendable {
    /// Same concept, same extension.
    case exact
    /// Nearly the same; small differences of scope or connotation.
    case close
    /// Overlapping concepts: use with care, explain when it matters.
    case partial
    /// No equivalent exists: use the recommended paraphrase.
    case none
}

/// A relation from one concept to another.
public enum RelationKind: String, CaseIterable, Sendable {
    case broader, narrower, related
}
