/// A word-by-word difference between two texts, as `git diff --word-diff` shows it.
public enum WordDiff {
    /// A run of words kept, removed or added.
    public enum Piece: Equatable, Sendable {
        case kept(String), removed(String), added(String)
    }

    /// The pieces that turn `old` into `new` (a longest common subsequence of words;
    /// texts over 4,000 words are shown as all removed, then all added).
    public static func between(_ old: String, _ new: String) -> [Piece] {
        let a = old.split(whereSeparator: \.isWhitespace).map(String.init)
        let b = new.split(whereSeparator: \.isWhitespace).map(String.init)
        guard a.count * b.count <= 16_000_000 else { return [.removed(a.joined(separator: " ")), .added(b.joined(separator: " "))] }
        // lengths[i][j]: the longest common subsequence of a[i...] and b[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var pieces: [Piece] = []
        func append(_ piece: Piece) {
            switch (pieces.last, piece) {
            case let (.kept(x)?, .kept(y)): pieces[pieces.count - 1] = .kept(x + " " + y)
            case let (.removed(x)?, .removed(y)): pieces[pieces.count - 1] = .removed(x + " " + y)
            case let (.added(x)?, .added(y)): pieces[pieces.count - 1] = .added(x + " " + y)
            default: pieces.append(piece)
            }
        }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                append(.kept(a[i])); i += 1; j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                // Removals before additions, as diff tools show them.
                append(.removed(a[i])); i += 1
            } else {
                append(.added(b[j])); j += 1
            }
        }
        return pieces
    }

    /// The pieces written `kept [-removed-] {+added+}`.
    public static func text(of pieces: [Piece]) -> String {
        pieces.map { piece in
            switch piece {
            case let .kept(words): words
            case let .removed(words): "[-\(words)-]"
            case let .added(words): "{+\(words)+}"
            }
        }.joined(separator: " ")
    }
}
