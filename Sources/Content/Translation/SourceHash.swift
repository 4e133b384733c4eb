import Linguistics

/// The short hash that ties a translation to the source text it was made from.
///
/// Eight hex digits of FNV-1a (32 bits) over the source text's words in NFC, with
/// runs of white space made one space: re-indenting the XML does not outdate a
/// translation, changing a word does. It detects edits; it is not a security hash.
public enum SourceHash {
    /// The hash of a text in the source language.
    public static func of(_ text: LanguageText) -> String {
        of(plainText: text.inlines.plainText)
    }

    /// The hash of plain text.
    public static func of(plainText: String) -> String {
        let words = plainText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var hash: UInt32 = 0x811C_9DC5
        for byte in TextNormalizer.normalize(words, to: .nfc).utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
