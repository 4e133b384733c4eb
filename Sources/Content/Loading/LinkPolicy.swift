/// Which link targets a source may use: `http`, `https`, `mailto` and relative
/// references (`other.html`, `#section`, `//host/path`). Everything else
/// (`javascript:`, `data:`, `vbscript:`, `file:` ...) is refused.
///
/// Browsers ignore tabs, newlines and leading control characters in URLs
/// (`java&#9;script:`), so they are removed before the scheme is read.
public enum LinkPolicy {
    /// The schemes a link may name.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// True when `href` may be written into an output: an allowed scheme (or none), and no
    /// control character (a line feed written `&#10;` would end a Markdown link and start
    /// a block of its own).
    public static func allows(_ href: String) -> Bool {
        if hasControlCharacters(href) { return false }
        guard let scheme = scheme(of: href) else { return true }
        return allowedSchemes.contains(scheme)
    }

    /// True when `href` holds a C0 or C1 control character or DEL (tab and line breaks included).
    public static func hasControlCharacters(_ href: String) -> Bool {
        href.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    /// The lowercased scheme of `href`, or nil for a relative reference.
    public static func scheme(of href: String) -> String? {
        let cleaned = href.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }
        var scheme = ""
        for scalar in cleaned {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            let isSchemeCharacter = isLetter || ("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar)
            guard scheme.isEmpty ? isLetter : isSchemeCharacter else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }
}
