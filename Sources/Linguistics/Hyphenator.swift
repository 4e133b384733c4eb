import CHyphen
import Foundation

/// Hyphenation with libhyphen and the TeX-derived patterns Debian ships in
/// `/usr/share/hyphen` (packages hyphen-de, hyphen-fr, hyphen-en-us): where a word may
/// be broken at the end of a line, so that narrow columns break
/// "Gegenseitigkeits-gesellschaft" where a reader expects it.
///
/// ```swift
/// let german = try Hyphenator(language: "de-LU")
/// german.breaks(in: "Gegenseitigkeitsgesellschaft")   // [3, 6, 8, 11, 15, ...]
/// german.softHyphenated("die Gegenseitigkeitsgesellschaft")  // U+00AD at each break
/// ```
///
/// The patterns are read-only once loaded: one hyphenator may serve several tasks.
public final class Hyphenator: @unchecked Sendable {
    /// The pattern file used.
    public let file: String
    private let dictionary: UnsafeMutablePointer<HyphenDict>
    /// The patterns are in UTF-8 (French), else in ISO-8859-1 (German).
    private let isUTF8: Bool

    /// Where Debian puts the patterns.
    public static let folder = "/usr/share/hyphen"

    /// Words shorter than this are never broken.
    public static let minimumWordLength = 6

    /// Loads the patterns of `language` (`de`, `fr-BE`, `en`): the region's file when
    /// there is one, else the language's. libhyphen takes about 2 s to load the 77,000
    /// German patterns (French: 3 ms): ``HyphenationCache`` keeps the breaks it found.
    ///
    /// - Throws: ``LinguisticsError/noHyphenationPatterns(language:package:)`` when none is installed.
    public init(language: String, folder: String = Hyphenator.folder) throws(LinguisticsError) {
        guard let found = Self.patternFile(language: language, folder: folder), let loaded = hnj_hyphen_load(found) else {
            throw .noHyphenationPatterns(language: language, package: Self.package(language))
        }
        file = found
        dictionary = loaded
        isUTF8 = loaded.pointee.utf8 != 0
    }

    deinit { hnj_hyphen_free(dictionary) }

    /// The pattern file for `language`: the region's when there is one, else the language's.
    public static func patternFile(language: String, folder: String = Hyphenator.folder) -> String? {
        let primary = LanguageTag.primary(language)
        var candidates: [String] = []
        if let region = LanguageTag.region(language) { candidates.append("hyph_\(primary)_\(region).dic") }
        candidates += ["hyph_\(primary).dic", primary == "en" ? "hyph_en_US.dic" : "hyph_\(primary)_\(primary.uppercased()).dic"]
        return candidates.map { (folder as NSString).appendingPathComponent($0) }.first(where: FileManager.default.isReadableFile)
    }

    /// The Debian package with the patterns of `language`.
    static func package(_ language: String) -> String {
        let primary = LanguageTag.primary(language)
        return "hyphen-\(primary == "en" ? "en-us" : primary)"
    }

    /// The character offsets in `word` after which it may be broken (none for short
    /// words, words with digits or characters the patterns cannot hold).
    public func breaks(in word: String) -> [Int] {
        let characters = Array(word)
        guard characters.count >= Self.minimumWordLength, characters.count <= 100, characters.allSatisfy(\.isLetter) else { return [] }
        let lower = characters.map { String($0).lowercased() }
        guard lower.allSatisfy({ $0.count == 1 }) else { return [] }
        // One byte sequence per character, in the patterns' encoding.
        var bytes: [UInt8] = []
        for character in lower {
            let encoded: [UInt8]
            if isUTF8 {
                encoded = Array(character.utf8)
            } else {
                guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1, scalar.value < 0x100 else { return [] }
                encoded = [UInt8(scalar.value)]
            }
            bytes += encoded
        }
        var hyphens = [CChar](repeating: 0, count: bytes.count + 5)
        var replacements: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var positions: UnsafeMutablePointer<Int32>?
        var cuts: UnsafeMutablePointer<Int32>?
        // libhyphen runs strstr over the word: it must end with a NUL byte, although its length
        // is given (found by libFuzzer: a read past the buffer).
        let terminated = bytes + [0]
        let result = terminated.withUnsafeBufferPointer { word in
            word.withMemoryRebound(to: CChar.self) { signed in
                hnj_hyphen_hyphenate2(dictionary, signed.baseAddress, Int32(bytes.count), &hyphens, nil, &replacements, &positions, &cuts)
            }
        }
        defer { freeNonStandard(replacements, positions, cuts, count: bytes.count) }
        guard result == 0 else { return [] }
        // libhyphen numbers the hyphenation vector by character for UTF-8 patterns, by
        // byte (one per character in ISO-8859-1) otherwise.
        var found: [Int] = []
        for index in 0..<characters.count where hyphens[index] & 1 == 1 {
            // Non-standard breaks (old German "Schiff-fahrt") change letters: left out.
            if let replacements, replacements[index] != nil { continue }
            let after = index + 1
            if after >= 2, characters.count - after >= 2 { found.append(after) }
        }
        return found
    }

    /// `text` with a soft hyphen (U+00AD) at each break of each of its words, which
    /// browsers and WeasyPrint use when the word does not fit the line.
    public func softHyphenated(_ text: String) -> String {
        Self.softHyphenated(text) { breaks(in: $0) }
    }

    /// `text` with a soft hyphen at each break that `breaks` gives for its words.
    public static func softHyphenated(_ text: String, breaks: (String) -> [Int]) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        var written = text.startIndex
        forEachWord(in: text) { range in
            output += text[written..<range.lowerBound]
            written = range.upperBound
            let word = String(text[range])
            let points = breaks(word)
            guard !points.isEmpty else {
                output += word
                return
            }
            let characters = Array(word)
            var previous = 0
            for point in points {
                output += String(characters[previous..<point]) + "\u{00AD}"
                previous = point
            }
            output += String(characters[previous...])
        }
        output += text[written...]
        return output
    }

    /// Calls `body` with the range of each word of `text` (a run of letters), in order:
    /// what is hyphenated.
    public static func forEachWord(in text: String, _ body: (Range<String.Index>) -> Void) {
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            // ASCII letters without a look at Unicode's properties.
            let isLetter = character.asciiValue.map { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A } ?? character.isLetter
            if isLetter {
                if start == nil { start = index }
            } else if let first = start {
                body(first..<index)
                start = nil
            }
            index = text.index(after: index)
        }
        if let first = start { body(first..<text.endIndex) }
    }

    private func freeNonStandard(_ replacements: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                 _ positions: UnsafeMutablePointer<Int32>?, _ cuts: UnsafeMutablePointer<Int32>?, count: Int) {
        if let replacements {
            for index in 0..<count { free(replacements[index]) }
            free(replacements)
        }
        free(positions)
        free(cuts)
    }
}
