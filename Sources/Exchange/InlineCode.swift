import Content

/// A unit's inline content as XLIFF sees it: text, and codes standing for the source's
/// markup. `<em>`, `<strong>`, `<a>` and `<term>` are paired codes around text (XLIFF 2
/// `pc`, 1.2 `g`); `<br/>`, `<date>` and `<num>` are placeholders (`ph`, 1.2 `x`), since a
/// date or a number is written by Passerelle in each language. Codes are numbered 1, 2 ...
/// in reading order, so the source gives the same ids each time and a returned target is
/// matched code by code.
public enum InlineToken: Equatable, Sendable {
    case text(String)
    case open(id: String, InlineCode)
    case close(id: String)
    case placeholder(id: String, InlineCode)
}

/// What a code stands for: the source element and its attributes.
public enum InlineCode: Equatable, Sendable {
    case emphasis, strong
    case link(href: String)
    case term(conceptID: String)
    case lineBreak
    case date(value: String, style: String)
    case number(value: String)

    /// True when a translation may leave the code out: emphasis, and a term marker (a
    /// paraphrase in a language without the term carries none). A link, a line break, a
    /// date and a number must come back.
    public var canDelete: Bool {
        switch self {
        case .emphasis, .strong, .term: true
        case .link, .lineBreak, .date, .number: false
        }
    }

    /// True for a paired code (with content), false for a placeholder.
    public var isPaired: Bool {
        switch self {
        case .emphasis, .strong, .link, .term: true
        case .lineBreak, .date, .number: false
        }
    }

    /// The content element as written in a source, `prefix` being the content namespace's
    /// prefix there ("" or "c:"): its start tag (or empty element) and its end tag.
    func markup(prefix: String) -> (start: String, end: String) {
        func escaped(_ value: String) -> String {
            value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
                .replacingOccurrences(of: "<", with: "&lt;")
        }
        switch self {
        case .emphasis: return ("<\(prefix)em>", "</\(prefix)em>")
        case .strong: return ("<\(prefix)strong>", "</\(prefix)strong>")
        case let .link(href): return ("<\(prefix)a href=\"\(escaped(href))\">", "</\(prefix)a>")
        case let .term(id): return ("<\(prefix)term ref=\"\(escaped(id))\">", "</\(prefix)term>")
        case .lineBreak: return ("<\(prefix)br/>", "")
        case let .date(value, style): return ("<\(prefix)date value=\"\(escaped(value))\"\(style == "long" ? "" : " style=\"\(style)\"")/>", "")
        case let .number(value): return ("<\(prefix)num value=\"\(escaped(value))\"/>", "")
        }
    }

    /// How the code shows in a CAT tool: XLIFF 2 `type`/`subType`-free display text and
    /// 1.2 `ctype`.
    var display: String {
        switch self {
        case .emphasis: "em"
        case .strong: "strong"
        case let .link(href): "link \(href)"
        case let .term(id): "term \(id)"
        case .lineBreak: "line break"
        case let .date(value, _): "date \(value)"
        case let .number(value): "number \(value)"
        }
    }

    /// XLIFF 1.2 `ctype`.
    var ctype: String {
        switch self {
        case .emphasis: "italic"
        case .strong: "bold"
        case .link: "link"
        case .term: "x-term"
        case .lineBreak: "lb"
        case .date: "x-date"
        case .number: "x-number"
        }
    }
}

extension InlineToken {
    /// The tokens of `inlines`, codes numbered from 1 in reading order.
    public static func tokens(of inlines: [Inline]) -> [InlineToken] {
        var tokens: [InlineToken] = []
        var next = 1
        func add(_ inlines: [Inline]) {
            for inline in inlines {
                func paired(_ code: InlineCode, _ children: [Inline]) {
                    let id = String(next)
                    next += 1
                    tokens.append(.open(id: id, code))
                    add(children)
                    tokens.append(.close(id: id))
                }
                func placeholder(_ code: InlineCode) {
                    tokens.append(.placeholder(id: String(next), code))
                    next += 1
                }
                switch inline {
                case let .text(text): tokens.append(.text(text))
                case let .emphasis(children): paired(.emphasis, children)
                case let .strong(children): paired(.strong, children)
                case let .link(href, children): paired(.link(href: href), children)
                case let .term(id, children, _): paired(.term(conceptID: id), children)
                case .lineBreak: placeholder(.lineBreak)
                case let .date(date, style): placeholder(.date(value: date.description, style: style.rawValue))
                case let .number(value): placeholder(.number(value: value))
                }
            }
        }
        add(inlines)
        return tokens
    }

    /// The codes of `tokens` by id.
    public static func codes(of tokens: [InlineToken]) -> [String: InlineCode] {
        var codes: [String: InlineCode] = [:]
        for token in tokens {
            switch token {
            case let .open(id, code), let .placeholder(id, code): codes[id] = code
            case .text, .close: break
            }
        }
        return codes
    }

    /// The plain text of `tokens`.
    static func plain(_ tokens: [InlineToken]) -> String {
        tokens.reduce(into: "") { if case let .text(text) = $1 { $0 += text } }
    }
}
