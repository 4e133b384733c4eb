/// One word found by ``WordTokenizer``.
public struct Word: Equatable, Sendable {
    /// What the word is made of, from ICU's word-break rule status.
    public enum Kind: Sendable, Equatable {
        case number, letters, kana, ideographs
    }

    /// The word's place in the text it was found in.
    public let range: Range<String.Index>
    /// The same place as UTF-16 offsets (what ICU and libxml2 count in).
    public let utf16Range: Range<Int>
    /// Letters, number, kana or ideographs.
    public let kind: Kind
}
