import Base
import Foundation
import XMLSupport

/// Records, in the sources, that translations are up to date: writes
/// `from="HASH"` (the current source text's hash) into the `<text xml:lang>` start tag
/// of every translation in a language that is untracked or outdated.
///
/// The edit is textual, at the tag's line and column, in the file's own encoding (UTF-8
/// or UTF-16 with or without a byte order mark, ISO-8859-x, windows-125x), so every other
/// byte (line endings, layout, comments, other namespaces) stays as it was. A file is
/// written atomically, only if it still holds the bytes the document was loaded from,
/// and while it is locked; XIncluded item files are edited where they are.
public enum TranslationStamper {
    /// One text to stamp.
    public struct Stamp: Equatable, Sendable {
        public var unitID: String
        public var location: SourceLocation
        public var hash: String
    }

    /// The translations in `language` that `stamp(_:language:)` would mark current.
    public static func pending(in document: ContentDocument, language: String) -> [Stamp] {
        document.units.compactMap { unit in
            switch document.translationState(of: unit, in: language) {
            case .untracked, .outdated:
                guard let text = unit.text(in: language), let source = unit.text(in: document.sourceLanguage) else { return nil }
                return Stamp(unitID: unit.id, location: text.location, hash: SourceHash.of(source))
            case .source, .current, .missing:
                return nil
            }
        }
    }

    /// Stamps the pending translations in `language`; returns what was stamped.
    ///
    /// Every file is prepared before any is written: a tag that cannot be found leaves
    /// all of them untouched. Throws ``ContentError/changedSinceLoaded(file:)`` when a
    /// file changed after `document` was loaded (load it again and stamp again).
    @discardableResult
    public static func stamp(_ document: ContentDocument, language: String) throws(ContentError) -> [Stamp] {
        let stamps = pending(in: document, language: language)
        var edited: [SourceText] = []
        for (file, fileStamps) in Dictionary(grouping: stamps, by: \.location.file).sorted(by: { $0.key < $1.key }) {
            edited.append(try prepare(fileStamps, in: file, of: document, language: language))
        }
        do {
            try SourceText.write(edited)
        } catch {
            if case let .file(.changedSinceRead(path)) = error { throw .changedSinceLoaded(file: path) }
            throw .invalid(error.diagnostics)
        }
        return stamps
    }

    /// The file with its stamps applied (not yet written).
    private static func prepare(_ stamps: [Stamp], in file: String, of document: ContentDocument, language: String) throws(ContentError) -> SourceText {
        var source: SourceText
        do {
            source = try SourceText(file: file, unchangedSince: document.sourceFingerprints[file])
        } catch {
            if case .file(.changedSinceRead) = error { throw .changedSinceLoaded(file: file) }
            throw .invalid(error.diagnostics)
        }
        for stamp in stamps {
            let place = stamp.location
            guard let offset = source.offset(line: place.line, column: place.column),
                  let tag = source.startTag(at: offset), tag.name == "text" || tag.name.hasSuffix(":text"),
                  tag.attribute("xml:lang")?.value == language else {
                throw .invalid([Diagnostic(file: file, line: place.line, column: place.column,
                                              message: "cannot find the <text xml:lang=\"\(language)\"> start tag to stamp here; "
                                                  + "nothing was written (report this file to the Passerelle developers)")])
            }
            if let from = tag.attribute("from") {
                source.replace(from.valueRange, with: stamp.hash)
            } else {
                source.replace(tag.insertionPoint..<tag.insertionPoint, with: " from=\"\(stamp.hash)\"")
            }
        }
        return source
    }
}
