import Content
import Foundation

/// A document's units ready to be written as XLIFF for one language pair.
public struct XLIFFDocument: Sendable {
    /// The versions Passerelle writes.
    public enum Version: String, CaseIterable, Sendable {
        /// XLIFF 2.1 (OASIS 2017), with the glossary module: the default.
        case v21 = "2.1"
        /// XLIFF 1.2: what older CAT tools import best.
        case v12 = "1.2"
    }

    /// Passerelle's own namespace in the files it writes (source hashes, the document).
    public static let namespace = "urn:passerelle:xliff:1"

    /// The content document's id (`<document id>`): a merge refuses a file of another document.
    public let documentID: String
    /// The document's path as given, written as the file's `original`.
    public let original: String
    public let sourceLanguage: String
    public let targetLanguage: String
    public let units: [ExchangeUnit]

    /// The units of `document` for `target`, with the termbase's entries found in each
    /// source when `glossary` is given.
    public init(document: ContentDocument, original: String, target: String, filter: ExtractionFilter = .all, glossary: GlossaryLookup? = nil) {
        documentID = document.id
        self.original = original
        sourceLanguage = document.sourceLanguage
        targetLanguage = target
        units = ExchangeUnit.units(of: document, target: target, filter: filter).map { unit in
            var unit = unit
            unit.glossary = glossary?.entries(in: InlineToken.plain(unit.sourceTokens)) ?? []
            return unit
        }
    }

    /// The file's text in `version`.
    public func xml(_ version: Version) -> String {
        switch version {
        case .v21: XLIFF2Writer(document: self).xml()
        case .v12: XLIFF12Writer(document: self).xml()
        }
    }
}
