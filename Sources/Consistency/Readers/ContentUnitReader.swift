import Base
import Content
import Linguistics
import XMLSupport

/// A Passerelle content source (charter, newsletter, with its XIncluded items): every
/// unit, the source language against each other language (or the one asked), at the
/// translation's place in its file.
struct ContentUnitReader: UnitReader {
    let file: String
    let sourceOverride: String?
    let targetOverride: String?

    func read(_ emit: (BilingualUnit) throws -> Void) throws -> [Diagnostic] {
        let document = try ContentLoader().load(file: file)
        let source = sourceOverride ?? document.sourceLanguage
        let targets = targetOverride.map { [$0] } ?? document.languages.filter { $0 != source }
        let declared = Set(document.languages.map(LanguageTag.primary))
        for language in [source] + targets where !declared.contains(LanguageTag.primary(language)) {
            throw ConsistencyError.invalid([Diagnostic(file: file, line: 0,
                message: "the document has no \(language) text; it declares \(document.languages.joined(separator: " "))")])
        }
        for target in targets {
            for unit in document.units {
                guard let text = unit.text(in: source) else { continue }
                let translation = unit.text(in: target)
                try emit(BilingualUnit(file: translation?.location.file ?? unit.location.file, id: unit.id,
                                       line: translation?.location.line ?? unit.location.line,
                                       column: translation?.location.column ?? unit.location.column,
                                       sourceLanguage: source, targetLanguage: target,
                                       source: text.inlines.plainText, target: translation?.inlines.plainText))
            }
        }
        return []
    }
}
