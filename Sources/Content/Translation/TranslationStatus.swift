import Base
import Linguistics

/// The state of one unit's text in one language.
public enum TranslationState: Equatable, Sendable {
    /// The unit's text in the source language.
    case source
    /// A translation whose recorded source hash matches the current source text.
    case current
    /// A translation that records no source hash: it cannot be tracked.
    case untracked
    /// The source text changed after the translation was made.
    case outdated(recorded: String, current: String)
    /// No text, or an empty one, in this language.
    case missing

    /// True for states a reader should be warned about.
    public var needsWork: Bool {
        switch self {
        case .missing, .outdated: true
        case .source, .current, .untracked: false
        }
    }
}

/// A missing or outdated translation of one unit.
public struct TranslationIssue: Equatable, Sendable {
    public var unitID: String
    public var language: String
    public var state: TranslationState
    /// The translation's text when outdated, else the unit.
    public var location: SourceLocation
    /// The hash a translator records in `from="..."` once the translation is up to date.
    public var currentSourceHash: String?
}

/// Per-language translation counts and the units that need work.
public struct TranslationReport: Equatable, Sendable {
    /// Counts for one language.
    public struct Counts: Equatable, Sendable {
        public var language: String
        public var units = 0
        public var current = 0
        public var untracked = 0
        public var outdated = 0
        public var missing = 0
    }

    public var file: String
    public var sourceLanguage: String
    public var counts: [Counts]
    /// Missing and outdated translations.
    public var issues: [TranslationIssue]
    /// Translations that record no source hash: nobody can tell whether they are current
    /// until they are reviewed and stamped (`passerelle status --stamp LANG`).
    public var untracked: [TranslationIssue] = []
}

extension ContentDocument {
    /// The state of `unit` in `language`, judged against the document's source language.
    public func translationState(of unit: TextUnit, in language: String) -> TranslationState {
        if LanguageTag.primary(language) == LanguageTag.primary(sourceLanguage) {
            return unit.text(in: language).map { $0.isBlank ? .missing : .source } ?? .missing
        }
        guard let text = unit.text(in: language), !text.isBlank else { return .missing }
        guard let recorded = text.translatedFrom else { return .untracked }
        guard let source = unit.text(in: sourceLanguage) else { return .current }
        let current = SourceHash.of(source)
        return recorded == current ? .current : .outdated(recorded: recorded, current: current)
    }

    /// Missing, outdated and untracked translations for `languages` (default: every
    /// declared language but the source language), in reading order.
    public func translationReport(languages: [String]? = nil) -> TranslationReport {
        let targets = languages ?? Array(self.languages.dropFirst())
        var counts = targets.map { TranslationReport.Counts(language: $0) }
        var issues: [TranslationIssue] = [], untracked: [TranslationIssue] = []
        for unit in units {
            let sourceHash = unit.text(in: sourceLanguage).map(SourceHash.of)
            for (index, language) in targets.enumerated() {
                let state = translationState(of: unit, in: language)
                counts[index].units += 1
                switch state {
                case .source, .current: counts[index].current += 1
                case .untracked: counts[index].untracked += 1
                case .outdated: counts[index].outdated += 1
                case .missing: counts[index].missing += 1
                }
                guard state.needsWork || state == .untracked else { continue }
                let issue = TranslationIssue(unitID: unit.id, language: language, state: state,
                                             location: unit.text(in: language)?.location ?? unit.location, currentSourceHash: sourceHash)
                if state == .untracked { untracked.append(issue) } else { issues.append(issue) }
            }
        }
        return TranslationReport(file: file, sourceLanguage: sourceLanguage, counts: counts, issues: issues, untracked: untracked)
    }
}
