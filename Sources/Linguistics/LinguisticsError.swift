/// Errors raised by the Linguistics module.
///
/// Every case reads as a sentence a user can act on, e.g.
/// `Unknown locale 'xx': ICU has no data for language 'xx'. Use a BCP 47 tag such as fr, de-DE or de-u-co-phonebk.`
public enum LinguisticsError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The locale tag could not be parsed or names a language ICU has no data for.
    case unknownLocale(String, reason: String)
    /// The locale asks for a collation type (`-u-co-...`) ICU does not offer for it.
    case unknownCollationType(locale: String, type: String, available: [String])
    /// Snowball has no stemmer for this language.
    case noStemmer(language: String, available: [String])
    /// The input text is not valid Unicode (for example a lone surrogate or invalid UTF-8).
    case invalidText(String)
    /// A line of an input is not valid UTF-8.
    case invalidUTF8(source: String, line: Int)
    /// A line of an input is longer than ICU's 32-bit lengths allow.
    case lineTooLong(source: String, line: Int, bytes: Int, limit: Int)
    /// An ICU call failed; `code` is ICU's error name.
    case icuFailure(operation: String, code: String)
    /// No hyphenation patterns are installed for this language.
    case noHyphenationPatterns(language: String, package: String)

    public var description: String {
        switch self {
        case let .unknownLocale(tag, reason):
            return "Unknown locale '\(tag)': \(reason). Use a BCP 47 tag such as fr, de-DE or de-u-co-phonebk."
        case let .unknownCollationType(locale, type, available):
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
            return "Locale '\(locale)' has no collation type '\(type)'. Available: \(list)."
        case let .noStemmer(language, available):
            return "No Snowball stemmer for language '\(language)'. Available: \(available.joined(separator: ", "))."
        case let .invalidText(reason):
            return "Invalid text: \(reason)."
        case let .lineTooLong(source, line, bytes, limit):
            return "\(source):\(line): the line is \(bytes) bytes long; lines of at most \(limit >> 20) MB can be sorted (ICU counts in 32 bits): split it."
        case let .invalidUTF8(source, line):
            return "\(source):\(line): invalid UTF-8; convert the file to UTF-8 (for example with iconv)."
        case let .icuFailure(operation, code):
            return "ICU failed in \(operation) (\(code))."
        case let .noHyphenationPatterns(language, package):
            return "No hyphenation patterns for '\(language)' in \(Hyphenator.folder): install the Debian package \(package) (long words are then not hyphenated)."
        }
    }
}
