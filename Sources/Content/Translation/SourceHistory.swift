import Foundation
import XMLSupport

/// Earlier versions of a source file, newest first (for instance from its git history).
public protocol SourceHistory {
    /// The bytes of earlier versions of `file`, newest first; empty when none is known.
    func versions(of file: String) -> [Data]
}

/// What changed in the source since an outdated translation was made: the source text
/// its `from="..."` hash was computed from, found in an earlier version of the file.
public struct SourceChange: Equatable, Sendable {
    /// The source text the translation was made from.
    public var then: String
    /// The source text now.
    public var now: String
    /// The words of both, with what was removed and added.
    public var changes: [WordDiff.Piece]
}

extension ContentDocument {
    /// The source text an outdated translation was made from, looked for in `history`
    /// (the versions of the file the unit is written in); nil when no earlier version of
    /// that unit has the recorded hash.
    public func sourceChange(for issue: TranslationIssue, history: SourceHistory) -> SourceChange? {
        guard case let .outdated(recorded, _) = issue.state,
              let unit = units.first(where: { $0.id == issue.unitID }),
              let now = unit.text(in: sourceLanguage)?.inlines.plainText else { return nil }
        let file = unit.text(in: sourceLanguage)?.location.file ?? issue.location.file
        for version in history.versions(of: file) {
            guard let tree = try? XMLTree.parse(data: version, sourceName: file) else { continue }
            var reader = ContentReader(file: file)
            let old = reader.units(ofVersion: tree.root).first { $0.id == issue.unitID }?.text(in: sourceLanguage)
            if let old, SourceHash.of(old) == recorded {
                let then = old.inlines.plainText
                return SourceChange(then: then, now: now, changes: WordDiff.between(then, now))
            }
        }
        return nil
    }
}
