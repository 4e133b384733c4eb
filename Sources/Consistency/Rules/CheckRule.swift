import Base

/// The checks `passerelle check` runs, by stable id (`--rules`, `--skip`).
public enum CheckRule: String, CaseIterable, Sendable, Comparable {
    /// The source has a term of a concept; the target has no preferred or admitted term of it.
    case missingTerm = "missing-term"
    /// The target uses a deprecated or superseded term of a concept of the source.
    case deprecatedTerm = "deprecated-term"
    /// One concept rendered with different target terms across the files checked together.
    case inconsistentTerm = "inconsistent-term"
    /// No target, an empty one, or a copy of the source, while the source has words.
    case untranslated
    /// The source itself uses a deprecated or superseded term.
    case sourceDeprecatedTerm = "source-deprecated-term"
    /// The numbers of source and target differ.
    case numberMismatch = "number-mismatch"
    /// The target uses a deprecated or superseded term of a concept the source does not
    /// name ("SaarLorLux" in any German text), unless the word is an accepted term of another
    /// concept there.
    case deprecatedTermAnywhere = "deprecated-term-anywhere"
    /// The target uses a term marked forbidden (``Terminology/Term/isForbidden``), whatever
    /// the source says.
    case forbiddenTerm = "forbidden-term"

    /// How serious a finding of this rule is.
    public var severity: Severity {
        switch self {
        case .missingTerm, .deprecatedTerm, .untranslated, .forbiddenTerm: .error
        case .inconsistentTerm, .sourceDeprecatedTerm, .numberMismatch, .deprecatedTermAnywhere: .warning
        }
    }

    /// True for the rules that need the terms found in the texts.
    public var usesTerms: Bool {
        switch self {
        case .missingTerm, .deprecatedTerm, .inconsistentTerm, .sourceDeprecatedTerm, .deprecatedTermAnywhere, .forbiddenTerm: true
        case .untranslated, .numberMismatch: false
        }
    }

    public static func < (lhs: CheckRule, rhs: CheckRule) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
