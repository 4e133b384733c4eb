/// libxml2's well-formedness errors told as what to write instead.
///
/// libxml2 speaks of its own functions ("xmlParseEntityRef: no name"); a person who
/// typed a stray `&` needs to read "write &amp;". Each rewrite keys on libxml2's error
/// code (and, where one code covers several mistakes, on its message); an error with
/// no rewrite keeps libxml2's words.
enum ParserMessages {
    /// The details libxml2 gives with an error.
    struct Raw {
        var code: Int32
        var message: String
        var str1: String?
        var str2: String?
        var int1: Int32
    }

    /// How many characters before libxml2's column the mistake starts: libxml2 reports
    /// where it noticed it (after `&nbsp;`, after `</txt>`), the user looks for its start.
    static func columnShift(_ raw: Raw) -> Int {
        switch Int(raw.code) {
        case 68, 23: return 1
        case 26, 27: return (raw.str1?.count ?? 0) + 2
        case 76: return (raw.str2?.count ?? 0) + 3
        default: return 0
        }
    }

    /// The message to show for a parser error.
    static func explain(_ raw: Raw) -> String {
        let name = raw.str1 ?? "?"
        switch Int(raw.code) {
        case 68 where raw.message.hasPrefix("xmlParseEntityRef"), 23:
            return "a '&' that starts no entity: write &amp; for the character & (entities are written &name;)"
        case 68 where raw.message.hasPrefix("StartTag"):
            return "a '<' that starts no tag: write &lt; for the character < (tags start with a letter: <p>)"
        case 26, 27:
            return unknownEntity(name)
        case 9 where raw.message.hasPrefix("Input is not proper UTF-8"), 81:
            let byte = raw.message.split(separator: "\n").last.flatMap { $0.split(separator: " ").dropFirst().first }.map { " (byte \($0) here)" } ?? ""
            return "the file is not UTF-8\(byte): save it as UTF-8, or name its encoding on the first line, "
                + "e.g. <?xml version=\"1.0\" encoding=\"windows-1252\"?>"
        case 76:
            let closing = raw.str2.map { "</\($0)>" } ?? "this end tag"
            if ["br", "img", "hr", "input", "meta", "link"].contains(name) {
                return "\(closing) closes <\(name)>, opened at line \(raw.int1): in XML an empty element closes itself: write <\(name)/>"
            }
            return "\(closing) closes <\(name)>, opened at line \(raw.int1): the names must match: write </\(name)>, or correct "
                + "the start tag if it is the misspelt one (elements close in the order they were opened)"
        case 77:
            return "the file ends inside <\(name)>, opened at line \(raw.int1): close it with </\(name)>"
        case 73:
            return "a start tag is not closed: end it with '>' (an attribute value with a missing quote also causes this)"
        case 74:
            return "an end tag is not finished: write it </name>"
        case 41:
            return "attribute '\(name)' has no value: write \(name)=\"...\""
        case 39, 33:
            return "an attribute value must be between quotes: name=\"value\""
        case 38:
            return "a '<' inside an attribute value: write &lt; there"
        case 42:
            return "attribute '\(name)' is written twice in this tag: keep one"
        case 5:
            return "something follows the end of the root element: a file holds one root element; move it inside or remove it"
        case 3, 4:
            return "the file holds no XML element: it should start with <?xml version=\"1.0\" encoding=\"UTF-8\"?> and a root element"
        case 45:
            return "a comment <!-- is not closed with -->"
        case 80:
            return "'--' is not allowed inside a comment: write another dash (–) or '- -'"
        case 89:
            return "entities that refer to each other without end: the file is refused"
        case 1 where raw.message.hasPrefix("Excessive depth"):
            return "elements are nested more than 256 levels deep: Passerelle reads at most 256"
        case 201:
            let prefix = name
            let known = ["xi": "http://www.w3.org/2001/XInclude", "xlink": "http://www.w3.org/1999/xlink"][prefix]
            return "the prefix '\(prefix):' is not declared: add xmlns:\(prefix)=\"\(known ?? "...")\" to the root element"
        default:
            return raw.message
        }
    }

    /// HTML entity names people type in XML, with the character they mean.
    static let htmlEntities: [String: UInt32] = [
        "nbsp": 0xA0, "laquo": 0xAB, "raquo": 0xBB, "euro": 0x20AC, "copy": 0xA9, "reg": 0xAE, "deg": 0xB0, "sect": 0xA7,
        "ndash": 0x2013, "mdash": 0x2014, "hellip": 0x2026, "lsquo": 0x2018, "rsquo": 0x2019, "ldquo": 0x201C, "rdquo": 0x201D,
        "bdquo": 0x201E, "sbquo": 0x201A, "eacute": 0xE9, "egrave": 0xE8, "ecirc": 0xEA, "agrave": 0xE0, "acirc": 0xE2,
        "ccedil": 0xE7, "ocirc": 0xF4, "ucirc": 0xFB, "icirc": 0xEE, "iuml": 0xEF, "euml": 0xEB, "oelig": 0x153,
        "auml": 0xE4, "ouml": 0xF6, "uuml": 0xFC, "Auml": 0xC4, "Ouml": 0xD6, "Uuml": 0xDC, "szlig": 0xDF, "Eacute": 0xC9,
    ]

    private static func unknownEntity(_ name: String) -> String {
        if let code = htmlEntities[name], let scalar = Unicode.Scalar(code) {
            let hex = String(code, radix: 16, uppercase: true)
            return "&\(name); is an HTML entity, unknown in XML: type the character (\(scalar)) or write &#\(code); (U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex))"
        }
        return "unknown entity &\(name);: XML knows only &amp; &lt; &gt; &quot; &apos;; type the character itself, or write &amp; for a lone &"
    }
}
