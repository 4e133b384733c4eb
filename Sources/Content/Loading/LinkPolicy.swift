/// Which link targets a source may use: `http`, `https`, `mailto` and relative
/// references (`other.html`, `#section`, `//host/path`). Everything else
/// (`javascript:`, `data:`, `vbscript:`, `file:` ...) is refused.
///
/// Browsers ignore tabs, newlines and leading control characters in URLs
/// (`java&#9;script:`), so they are removed before the scheme is read.
public enum LinkPolicy {
    /// The schemes a link may name.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// True when `href` may be written into an output.
    public static func allows(_ href: String) -> Bool {
        guard let scheme = scheme(of: href) else { return true }
        return allowedSchemes.contains(scheme)
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
