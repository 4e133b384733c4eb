import Foundation

/// Blanks out the parts of a text that are not prose before terms and numbers are looked
/// for: placeholders, markup, URLs, e-mail addresses and code. A masked part becomes
/// spaces, so words on either side stay apart and nothing inside it is read as a term or a
/// number.
///
/// Built-in patterns (``defaultPatterns``, on unless `useDefaults` is false):
/// - placeholders: `{0}`, `{name}`, `{{ width }}`, `%s`, `%1$s`, `%(name)s`, `%d`, `%count%`,
///   `$var`, `${x}`; ICU MessageFormat arguments keep the texts of their cases
///   (`{n, plural, one {# file} other {# files}}` keeps "file" and "files");
/// - markup: HTML or XML tags with their attributes (`<a href="...">`), escaped tags
///   (`&lt;b&gt;`) and character references (`&amp;`, `&#160;`);
/// - URLs (`https://...`, `www....`), e-mail addresses and `` `code` ``.
///
/// ```swift
/// let masker = try TextMasker()
/// masker.mask("Upload {{ file }} to https://example.org")
/// // "Upload            to                    "
/// ```
public struct TextMasker: Sendable {
    /// What the built-in patterns mask, for `--help` and the README.
    public static let defaultPatterns = "placeholders ({0} {name} {{ x }} %s %1$s %(name)s %count% $var ${x}, ICU MessageFormat arguments), "
        + "HTML/XML tags and attributes, escaped tags (&lt;b&gt;) and character references, URLs, e-mail addresses, `code`"

    /// Whether the built-in patterns are applied.
    public let useDefaults: Bool
    /// The user's patterns (`--mask REGEX`).
    private let extra: [RegexBox]

    /// A masker with the built-in patterns (unless `useDefaults` is false) and `patterns`,
    /// regular expressions in ICU syntax.
    /// - Throws: ``ConsistencyError/invalidPattern(_:reason:)`` for a pattern that does not compile.
    public init(useDefaults: Bool = true, patterns: [String] = []) throws(ConsistencyError) {
        self.useDefaults = useDefaults
        var compiled: [RegexBox] = []
        for pattern in patterns {
            do {
                compiled.append(RegexBox(try NSRegularExpression(pattern: pattern)))
            } catch {
                throw .invalidPattern(pattern, reason: #"it is not a valid regular expression (ICU syntax, e.g. '\[[A-Z_]+\]')"#)
            }
        }
        extra = compiled
    }

    /// The built-in patterns alone: what `passerelle check` applies by default.
    public static let standard = TextMasker(useDefaults: true, compiled: [])

    private init(useDefaults: Bool, compiled: [RegexBox]) {
        self.useDefaults = useDefaults
        extra = compiled
    }

    /// True when nothing is masked.
    public var isEmpty: Bool { !useDefaults && extra.isEmpty }

    /// `text` with its masked parts turned into spaces (the text itself when nothing is masked).
    public func mask(_ text: String) -> String {
        var result = useDefaults ? Self.maskBuiltIn(text) : text
        for regex in extra {
            let ns = result as NSString
            let matches = regex.value.matches(in: result, range: NSRange(location: 0, length: ns.length))
            guard !matches.isEmpty else { continue }
            let mutable = NSMutableString(string: result)
            for match in matches.reversed() where match.range.length > 0 {
                mutable.replaceCharacters(in: match.range, with: String(repeating: " ", count: match.range.length))
            }
            result = mutable as String
        }
        return result
    }

    /// The built-in patterns: one scan of the text's bytes, a copy only when something is masked.
    private static func maskBuiltIn(_ text: String) -> String {
        var text = text
        let spans = text.withUTF8 { BuiltInMasks.spans(in: $0) }
        guard !spans.isEmpty else { return text }
        var bytes = Array(text.utf8)
        for span in spans {
            for index in span where index < bytes.count { bytes[index] = 0x20 }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// An `NSRegularExpression` is immutable and safe to share between threads once built.
private struct RegexBox: @unchecked Sendable {
    let value: NSRegularExpression
    init(_ value: NSRegularExpression) { self.value = value }
}
