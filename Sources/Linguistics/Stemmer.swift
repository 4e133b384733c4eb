import CStemmer

/// A Snowball stemmer: reduces inflected words to a common stem.
///
/// ```swift
/// let stemmer = try Stemmer(language: "fr")
/// stemmer.stem("économies") == stemmer.stem("économie") // true
/// ```
///
/// Input is case-folded first (Snowball does not lower-case). A stemmer is not
/// thread-safe: use one per task.
public final class Stemmer {
    /// The language code it was made for, e.g. `fr`.
    public let language: String
    private let handle: OpaquePointer

    /// Opens Snowball's stemmer for a language: an ISO 639 code (`fr`, `de`, `en`,
    /// `nl`, ...) or an algorithm name (`french`, `german2`).
    public init(language: String) throws {
        let code = language.split(separator: "-").first.map(String.init)?.lowercased() ?? language
        guard let handle = sb_stemmer_new(code, "UTF_8") else {
            throw LinguisticsError.noStemmer(language: language, available: Stemmer.availableAlgorithms)
        }
        self.language = code
        self.handle = handle
    }

    deinit { sb_stemmer_delete(handle) }

    /// The stem of one word, e.g. "entwicklungen" -> "entwickl".
    public func stem(_ word: String) -> String {
        var utf8 = Array(word.utf8)
        if utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII folds to its lower case: no need for ICU.
            for index in utf8.indices where utf8[index] >= 0x41 && utf8[index] <= 0x5A { utf8[index] |= 0x20 }
        } else {
            utf8 = Array(TextNormalizer.foldCase(word).utf8)
        }
        return utf8.withUnsafeMutableBufferPointer { buffer -> String in
            guard let result = sb_stemmer_stem(handle, buffer.baseAddress, Int32(buffer.count)) else {
                return String(decoding: buffer, as: UTF8.self)
            }
            let length = Int(sb_stemmer_length(handle))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }

    /// The names of Snowball's algorithms on this machine ("arabic", ..., "french", "german", ...).
    public static var availableAlgorithms: [String] {
        var names: [String] = []
        guard var cursor = sb_stemmer_list() else { return names }
        while let name = cursor.pointee {
            names.append(String(cString: name))
            cursor += 1
        }
        return names
    }
}
