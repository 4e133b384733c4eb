/// What a ``TermMatcher`` needs to know about one word of a text, worked out once per
/// word: which trie edges it can follow and which terms it holds as a compound part.
/// Ids are kept as 32-bit numbers (-1 for none): the dictionary holds one of these per
/// term word, and a smaller table stays in the processor's caches longer.
struct WordInfo {
    private let fuzzy: Int32
    private var exact: Int32
    /// The dictionary's id for `folded` when a term word folds the same way, else -1: equal
    /// ids mean the same word, without comparing strings.
    let foldedID: Int32
    /// Lowercase, accents removed: to check that the word inflects the term word whose
    /// stem it shares (empty when `fuzzyID` is nil).
    let folded: String
    /// Terms this word contains as a compound part (German).
    let compoundEntries: [Int]

    init(fuzzyID: Int?, folded: String, foldedID: Int32, exactID: Int?, compoundEntries: [Int]) {
        fuzzy = fuzzyID.map { Int32($0) } ?? -1
        exact = exactID.map { Int32($0) } ?? -1
        self.foldedID = foldedID
        self.folded = folded
        self.compoundEntries = compoundEntries
    }

    /// The dictionary's id for the word's stem key, when some term has a word with that key.
    var fuzzyID: Int? { fuzzy >= 0 ? Int(fuzzy) : nil }

    /// The dictionary's id for the word as written, when a term asks for exact matching.
    var exactID: Int? {
        get { exact >= 0 ? Int(exact) : nil }
        set { exact = newValue.map { Int32($0) } ?? -1 }
    }
}
