import Foundation

/// Header text for a mail message (RFC 5322 and RFC 2047): plain ASCII as it is; text with
/// other characters as UTF-8 "B" encoded-words of at most 75 characters, cut between
/// characters (never inside one), folded on lines of their own.
public enum EncodedWord {
    /// The longest encoded-word RFC 2047 allows.
    static let maximumLength = 75

    /// True when `text` can go into a header as it is.
    public static func isPlain(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 32 && $0 < 127 }
    }

    /// `text` as header text: as it is when plain, else encoded-words separated by folding
    /// white space (CRLF and a space). `used`: the characters its line holds before it
    /// ("Subject: "), so that the first line too stays within 78.
    public static func encode(_ text: String, used: Int = 0) -> String {
        guard !isPlain(text) else { return text }
        let prefix = "=?UTF-8?B?", suffix = "?="
        // Base64 of n bytes takes 4 * ceil(n / 3) characters; a folded line starts with a space.
        func maximumBytes(_ room: Int) -> Int { max(3, (min(room, maximumLength) - prefix.count - suffix.count) / 4 * 3) }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            let room = words.isEmpty ? 78 - used : 77
            if chunk.count + bytes.count > maximumBytes(room), !chunk.isEmpty {
                words.append(prefix + base64(chunk) + suffix)
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(prefix + base64(chunk) + suffix) }
        return words.joined(separator: "\r\n ")
    }

    static func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
}
