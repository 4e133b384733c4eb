import Base
import Content

/// One translatable unit of a document as it goes to a translator: its source text, the
/// translation so far (current, outdated, or none), the hash of the source it is
/// translated from, where it is and what it is, and the termbase's entries for it.
public struct ExchangeUnit: Sendable {
    /// How far the translation is done.
    public enum State: Equatable, Sendable {
        case current
        /// Translated from an older source (its recorded hash).
        case outdated(recorded: String)
        case missing
    }

    public let id: String
    public let source: LanguageText
    public let target: LanguageText?
    public let state: State
    /// ``SourceHash`` of the source: a merge refuses the unit when the source has changed since.
    public let sourceHash: String
    public let location: SourceLocation
    /// The heading of the section the unit is in, in the source language.
    public let section: String
    public var glossary: [GlossaryEntry] = []

    /// The tokens of the source, codes numbered from 1.
    public var sourceTokens: [InlineToken] { InlineToken.tokens(of: source.inlines) }
}

/// What to extract: every unit, or only the work to do.
public struct ExtractionFilter: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let current = ExtractionFilter(rawValue: 1)
    public static let outdated = ExtractionFilter(rawValue: 2)
    public static let missing = ExtractionFilter(rawValue: 4)
    public static let all: ExtractionFilter = [.current, .outdated, .missing]

    func includes(_ state: ExchangeUnit.State) -> Bool {
        switch state {
        case .current: contains(.current)
        case .outdated: contains(.outdated)
        case .missing: contains(.missing)
        }
    }
}

extension ExchangeUnit {
    /// The units of `document` with a source text, in reading order (the items it includes
    /// too), translated into `target`, that `filter` keeps.
    public static func units(of document: ContentDocument, target: String, filter: ExtractionFilter = .all) -> [ExchangeUnit] {
        var result: [ExchangeUnit] = []
        func add(_ unit: TextUnit, section: String) {
            guard let source = unit.text(in: document.sourceLanguage), !source.isBlank else { return }
            let hash = SourceHash.of(source)
            let translation = unit.text(in: target).flatMap { $0.isBlank ? nil : $0 }
            let state: State = switch document.translationState(of: unit, in: target) {
            case .missing: .missing
            case let .outdated(recorded, _): .outdated(recorded: recorded)
            case .current, .untracked, .source: translation == nil ? .missing : .current
            }
            guard filter.includes(state) else { return }
            result.append(ExchangeUnit(id: unit.id, source: source, target: state == .missing ? nil : translation, state: state,
                                       sourceHash: hash, location: unit.location, section: section))
        }
        let title = document.metadata.title.text(in: document.sourceLanguage).map { $0.inlines.plainText } ?? ""
        for unit in [document.metadata.title, document.metadata.subtitle, document.metadata.summary].compactMap({ $0 }) {
            add(unit, section: title)
        }
        for case let .translated(unit) in document.metadata.authors { add(unit, section: title) }
        func walk(_ section: Section) {
            let heading = section.heading.text(in: document.sourceLanguage).map { $0.inlines.plainText } ?? section.id
            add(section.heading, section: heading)
            for block in section.blocks {
                for unit in block.units { add(unit, section: heading) }
            }
            section.subsections.forEach(walk)
        }
        document.sections.forEach(walk)
        return result
    }
}
