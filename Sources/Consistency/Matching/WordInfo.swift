/// What a ``TermMatcher`` needs to know about one word of a text, worked out once per
/// word: which trie edges it can follow and which terms it holds as a compound part.
struct WordInfo {
    /// The dictionary's id for the word's stem key, when some term has a word with that key.
    let fuzzyID: Int?
    /// Lowercase, accents removed: to check that the word inflects the term word whose
    /// stem it shares (empty when `fuzzyID` is nil).
    let folded: String
    /// The dictionary's id for `folded` when a term word folds the same way, else -1: equal
    /// ids mean the same word, without comparing strings.
    let foldedID: Int32
    /// The dictionary's id for the word as written, when a term asks for exact matching.
    var exactID: Int?
    /// Terms this word contains as a compound part (German).
    let compoundEntries: [Int]
}
