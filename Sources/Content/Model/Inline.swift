import Base

/// Inline content of a text in one language: runs of text and the markup around them.
public indirect enum Inline: Equatable, Sendable {
    /// Plain text, as written (typography is applied when rendering).
    case text(String)
    /// `<em>`.
    case emphasis([Inline])
    /// `<strong>`.
    case strong([Inline])
    /// `<a href>`: the target is checked when the source is loaded (http, https, mailto, relative).
    case link(href: String, [Inline])
    /// `<br/>`.
    case lineBreak
    /// `<term ref>`: words that designate a concept of the termbase.
    case term(conceptID: String, [Inline], location: SourceLocation)
    /// `<date value style>`: a date formatted for the text's language.
    case date(ContentDate, style: DateStyleName)
    /// `<num value>`: a decimal number formatted for the text's language.
    case number(String)

    /// How a `<date>` asks to be written.
    public enum DateStyleName: String, Sendable {
        case full, long, medium, short
    }
}

extension Array where Element == Inline {
    /// The words only, markup removed (dates and numbers as written in the source).
    public var plainText: String {
        var result = ""
        for inline in self {
            switch inline {
            case let .text(text): result += text
            case let .emphasis(children), let .strong(children), let .link(_, children), let .term(_, children, _):
                result += children.plainText
            case .lineBreak: result += " "
            case let .date(date, _): result += date.description
            case let .number(value): result += value
            }
        }
        return result
    }
}

extension Array where Element == Inline {
    /// The `term` references, in reading order (nested ones included).
    public var termReferences: [(conceptID: String, location: SourceLocation)] {
        var result: [(conceptID: String, location: SourceLocation)] = []
        for inline in self {
            switch inline {
            case let .term(id, children, location):
                result.append((id, location))
                result += children.termReferences
            case let .emphasis(children), let .strong(children), let .link(_, children):
                result += children.termReferences
            case .text, .lineBreak, .date, .number:
                break
            }
        }
        return result
    }
}
