import Foundation
import XMLSupport

/// Records, in the sources, that translations are up to date: writes
/// `from="HASH"` (the current source text's hash) into the `<text xml:lang>` start tag
/// of every translation in a language that is untracked or outdated.
///
/// The edit is textual, at the tag's line and column, so the rest of the file (layout,
/// comments, other namespaces) stays byte for byte as it was. Files are written
/// atomically; XIncluded item files are edited where they are.
public enum TranslationStamper {
    /// One text to stamp.
    public struct Stamp: Equatable, Sendable {
        public var unitID: String
        public var location: ContentLocation
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
    @discardableResult
    public static func stamp(_ document: ContentDocument, language: String) throws(ContentError) -> [Stamp] {
        let stamps = pending(in: document, language: language)
        for (file, fileStamps) in Dictionary(grouping: stamps, by: \.location.file) {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw .invalid([XMLDiagnostic(file: file, line: 0, message: "cannot read the file to stamp it")])
            }
            var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // Right to left on each line, so earlier columns stay valid.
            for stamp in fileStamps.sorted(by: { ($0.location.line, $0.location.column) > ($1.location.line, $1.location.column) }) {
                let place = stamp.location
                guard place.line >= 1, place.line <= lines.count, place.column >= 1,
                      let edited = stamped(lines[place.line - 1], column: place.column, hash: stamp.hash) else {
                    throw .invalid([XMLDiagnostic(file: file, line: place.line, column: place.column,
                                                  message: "cannot find the <text> start tag to stamp")])
                }
                lines[place.line - 1] = edited
            }
            do {
                try AtomicFile.write(lines.joined(separator: "\n"), to: file)
            } catch {
                throw .invalid(error.diagnostics)
            }
        }
        return stamps
    }

    /// The line with `from="hash"` set in the start tag that begins at `column`.
    static func stamped(_ line: String, column: Int, hash: String) -> String? {
        let characters = Array(line)
        guard column - 1 < characters.count, characters[column - 1] == "<",
              let end = characters[(column - 1)...].firstIndex(of: ">") else { return nil }
        var tag = String(characters[(column - 1)..<end])
        if let range = tag.range(of: #"\sfrom="[^"]*""#, options: .regularExpression) {
            tag.replaceSubrange(range, with: " from=\"\(hash)\"")
        } else {
            let selfClosing = tag.hasSuffix("/")
            if selfClosing { tag.removeLast() }
            tag += " from=\"\(hash)\"" + (selfClosing ? "/" : "")
        }
        return String(characters[..<(column - 1)]) + tag + String(characters[end...])
    }
}
