import Base
import Foundation
import Linguistics
import XMLSupport

/// Builds a ``ContentDocument`` from a tree that matches `schemas/content.rng`, and
/// collects what the schema cannot check: duplicate ids, languages the document does
/// not declare, one language given twice in a unit, unsafe links.
struct ContentReader {
    let file: String
    private(set) var problems: [Diagnostic] = []
    /// What is allowed but likely a mistake (a relative link in a newsletter).
    private(set) var warnings: [Diagnostic] = []
    /// Relative links break once a newsletter is sent or moved.
    private var isNewsletter = false
    private var seenIDs: [String: SourceLocation] = [:]
    private var declaredLanguages: Set<String> = []
    /// Languages of texts the document does not declare: where first met, how many texts.
    private var undeclared: [(language: String, first: Diagnostic, count: Int)] = []
    /// Codes meant by the declared codes ICU does not know (`de` for `ger`).
    private var meantLanguages: Set<String> = []

    /// Local images must be inside this folder (nil: no image is checked on disk).
    let contentRoot: String?

    init(file: String, contentRoot: String? = nil) {
        self.file = file
        self.contentRoot = contentRoot
    }

    mutating func read(_ root: XMLTree.Element) -> ContentDocument {
        isNewsletter = root.attribute("kind") == "newsletter"
        let languages = (root.attribute("languages") ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        declaredLanguages = Set(languages.map(LanguageTag.primary))
        let id = root.attribute("id") ?? "document"
        let meta = root.firstChild(named: "meta", namespace: ContentLoader.namespace)
        let title = meta?.firstChild(named: "title", namespace: ContentLoader.namespace)
        let metadata = DocumentMetadata(
            title: title.map { unit($0, derivedID: "title") } ?? TextUnit(id: "title", texts: [], location: location(of: root)),
            subtitle: meta?.firstChild(named: "subtitle", namespace: ContentLoader.namespace).map { unit($0, derivedID: "subtitle") },
            summary: meta?.firstChild(named: "summary", namespace: ContentLoader.namespace).map { unit($0, derivedID: "summary") },
            date: meta?.firstChild(named: "date", namespace: ContentLoader.namespace).flatMap { ContentDate(iso: $0.text.trimmedWhitespace) },
            issue: meta?.firstChild(named: "issue", namespace: ContentLoader.namespace).flatMap { Int($0.text.trimmedWhitespace) },
            authors: meta?.children(named: "author", namespace: ContentLoader.namespace).enumerated().map { index, author in
                elements(author, "text").isEmpty ? .name(author.text.trimmedWhitespace) : .translated(unit(author, derivedID: "author-\(index + 1)"))
            } ?? []
        )
        let sections = elements(root, "section").map { section($0) }
        checkLanguageCodes(languages, of: root)
        for (language, first, count) in undeclared where !meantLanguages.contains(LanguageTag.primary(language)) {
            var message = first
            message.message = "text in '\(language)', which languages=\"\(languages.joined(separator: " "))\" on <document> does not declare"
                + (count > 1 ? " (\(count) texts, this is the first)" : "") + ": add \(language) there, or correct this xml:lang"
            problems.append(message)
        }
        var document = ContentDocument(kind: ContentDocument.Kind(rawValue: root.attribute("kind") ?? "") ?? .charter, id: id,
                                       languages: languages, metadata: metadata, sections: sections, file: file)
        document.warnings = warnings
        return document
    }

    /// Each declared language must be a BCP 47 code ICU knows (typing "ger" for "de"
    /// would otherwise leave every German text undeclared). Called once the texts are
    /// read: a code no text uses may be meant for the one undeclared language texts use.
    private mutating func checkLanguageCodes(_ languages: [String], of root: XMLTree.Element) {
        for code in languages {
            guard let problem = ICULocale.languageProblem(code) else { continue }
            let meant = problem.suggestion ?? (undeclared.count == 1 ? undeclared[0].language : nil)
            if let meant { meantLanguages.insert(LanguageTag.primary(meant)) }
            let hint = meant.map { ": did you mean \($0)?" } ?? ": write codes such as fr, de, en, lb, nl or fr-BE"
            problems.append(root.diagnostic("languages=\"\(languages.joined(separator: " "))\": '\(code)' is not a language code (\(problem.reason))\(hint)",
                                            attribute: "languages"))
        }
    }

    /// The units of an earlier version of a source file: a whole document, or an item
    /// file it includes (`<news>`, `<event>` ...). Includes are not followed.
    mutating func units(ofVersion root: XMLTree.Element) -> [TextUnit] {
        root.name == "document" ? read(root).units : (block(root)?.units ?? [])
    }

    // MARK: Structure

    private mutating func section(_ element: XMLTree.Element) -> Section {
        let id = blockID(element)
        return Section(id: id, heading: heading(element, parentID: id),
                       blocks: blocks(in: element), subsections: elements(element, "section").map { section($0) })
    }

    /// The blocks among `parent`'s children; `excluding` names children the parent reads itself.
    private mutating func blocks(in parent: XMLTree.Element, excluding: Set<String> = []) -> [Block] {
        parent.childElements.compactMap { element in
            element.namespaceURI == ContentLoader.namespace && !excluding.contains(element.name) ? block(element) : nil
        }
    }

    private mutating func block(_ element: XMLTree.Element) -> Block? {
        switch element.name {
        case "p":
            return .paragraph(unit(element, derivedID: nil))
        case "list":
            let id = blockID(element)
            return .list(ListBlock(id: id, ordered: element.attribute("ordered") == "true",
                                   items: elements(element, "item").map { unit($0, derivedID: nil) }, location: location(of: element)))
        case "article":
            let id = blockID(element)
            return .article(Article(id: id, number: element.attribute("number"), heading: heading(element, parentID: id),
                                    parts: blocks(in: element)))
        case "clause":
            return .clause(Clause(unit: unit(element, derivedID: nil), number: element.attribute("number")))
        case "news":
            let id = blockID(element)
            return .news(NewsItem(id: id, heading: heading(element, parentID: id), blocks: blocks(in: element)))
        case "event":
            let id = blockID(element)
            let day = date(element, "date")
            if day == nil { problems.append(element.diagnostic("the event's date is not a date that exists")) }
            return .event(Event(
                id: id, date: day ?? ContentDate(year: 1970, month: 1, day: nil),
                endDate: date(element, "end-date"), time: element.attribute("time"), endTime: element.attribute("end-time"),
                link: link(element, "link"), linkLabel: elements(element, "link-label").first.map { unit($0, derivedID: "\(id).link-label") },
                heading: heading(element, parentID: id),
                place: elements(element, "place").first.map { unit($0, derivedID: "\(id).place") }, blocks: blocks(in: element)))
        case "call":
            let id = blockID(element)
            return .call(CallForProjects(id: id, deadline: date(element, "deadline"), link: link(element, "link"),
                                         linkLabel: elements(element, "link-label").first.map { unit($0, derivedID: "\(id).link-label") },
                                         heading: heading(element, parentID: id), blocks: blocks(in: element)))
        case "portrait":
            let id = blockID(element)
            return .portrait(Portrait(id: id, link: link(element, "link"), heading: heading(element, parentID: id),
                                      figure: elements(element, "figure").first.map { figure($0) },
                                      blocks: blocks(in: element, excluding: ["figure"])))
        case "figure":
            return .figure(figure(element))
        case "quote":
            let quoted = unit(element, derivedID: nil)
            return .quote(Quote(unit: quoted,
                                attribution: elements(element, "attribution").first.map { unit($0, derivedID: "\(quoted.id).attribution") }))
        case "questionnaire":
            return .questionnaire(Questionnaire(id: blockID(element), questions: elements(element, "question").map { question($0) },
                                                location: location(of: element)))
        case "signatures":
            return .signatures(SignatureBlock(id: blockID(element), signatories: elements(element, "signatory").map { signatory($0) },
                                              location: location(of: element)))
        default:
            return nil  // heading, place, alt ... are read by their parent
        }
    }

    private mutating func figure(_ element: XMLTree.Element) -> Figure {
        let id = blockID(element)
        let figure = Figure(
            id: id, source: element.attribute("src") ?? "",
            width: element.attribute("width").flatMap { Int($0) }, height: element.attribute("height").flatMap { Int($0) },
            alt: elements(element, "alt").first.map { unit($0, derivedID: "\(id).alt") }
                ?? TextUnit(id: "\(id).alt", texts: [], location: location(of: element)),
            caption: elements(element, "caption").first.map { unit($0, derivedID: "\(id).caption") },
            credit: elements(element, "credit").first.map { unit($0, derivedID: "\(id).credit") },
            location: location(of: element))
        if let problem = ImagePolicy.problem(with: figure, contentRoot: contentRoot) {
            problems.append(element.diagnostic(problem, attribute: "src"))
        }
        return figure
    }

    private mutating func question(_ element: XMLTree.Element) -> Questionnaire.Question {
        let lines = element.attribute("lines").flatMap { Int($0) }.map { min(max($0, 1), 40) } ?? 3
        let answer: Questionnaire.Answer = switch element.attribute("answer") {
        case "box": .box(lines)
        case "yes-no": .yesNo
        default: .lines(lines)
        }
        return Questionnaire.Question(unit: unit(element, derivedID: nil), answer: answer)
    }

    private mutating func signatory(_ element: XMLTree.Element) -> SignatureBlock.Signatory {
        let id = blockID(element)
        func part(_ name: String) -> TextUnit? { elements(element, name).first.map { unit($0, derivedID: "\(id).\(name)") } }
        return SignatureBlock.Signatory(id: id, heading: part("heading"), organisation: part("organisation"),
                                        name: elements(element, "name").first.map { $0.text.trimmedWhitespace }, role: part("role"))
    }

    private mutating func heading(_ parent: XMLTree.Element, parentID: String) -> TextUnit {
        guard let element = elements(parent, "heading").first else {
            return TextUnit(id: "\(parentID).heading", texts: [], location: location(of: parent))
        }
        return unit(element, derivedID: "\(parentID).heading")
    }

    // MARK: Units and inline content

    /// A unit; its id is the element's `id`, else `derivedID`. Ids are checked unique.
    private mutating func unit(_ element: XMLTree.Element, derivedID: String?) -> TextUnit {
        let id = element.attribute("id") ?? derivedID ?? "?"
        let place = location(of: element)
        register(id, at: place)
        var texts: [LanguageText] = []
        for text in elements(element, "text") {
            let language = text.attribute("lang", namespace: "http://www.w3.org/XML/1998/namespace") ?? "und"
            let textPlace = location(of: text)
            if !declaredLanguages.contains(LanguageTag.primary(language)) {
                if let known = undeclared.firstIndex(where: { $0.language == language }) {
                    undeclared[known].count += 1
                } else {
                    undeclared.append((language, text.diagnostic("", attribute: "xml:lang"), 1))
                }
            }
            if texts.contains(where: { $0.language == language }) {
                problems.append(text.diagnostic("a second '\(language)' text in unit '\(id)'; keep one per language"))
            }
            texts.append(LanguageText(language: language, inlines: trimmed(inlines(text)),
                                      translatedFrom: text.attribute("from"), location: textPlace))
        }
        return TextUnit(id: id, texts: texts, location: place)
    }

    private mutating func inlines(_ element: XMLTree.Element) -> [Inline] {
        var result: [Inline] = []
        for node in element.children {
            switch node {
            case let .text(text):
                result.append(.text(collapsingSpaces(text)))
            case let .element(child) where child.namespaceURI == ContentLoader.namespace:
                switch child.name {
                case "em": result.append(.emphasis(inlines(child)))
                case "strong": result.append(.strong(inlines(child)))
                case "br": result.append(.lineBreak)
                case "a":
                    let href = child.attribute("href") ?? ""
                    checkRelative(href, at: child, attribute: "href")
                    if LinkPolicy.hasControlCharacters(href) {
                        problems.append(child.diagnostic("link target \(href.debugDescription) holds a line break or another control character: remove it",
                                                         attribute: "href"))
                    } else if !LinkPolicy.allows(href) {
                        problems.append(child.diagnostic("link to '\(href)' refused: use http, https, mailto or a relative link"))
                    }
                    result.append(.link(href: href, inlines(child)))
                case "term":
                    result.append(.term(conceptID: child.attribute("ref") ?? "", inlines(child), location: location(of: child)))
                case "date":
                    let style = Inline.DateStyleName(rawValue: child.attribute("style") ?? "long") ?? .long
                    if let date = ContentDate(iso: child.attribute("value") ?? "") {
                        result.append(.date(date, style: style))
                    } else {
                        problems.append(child.diagnostic("'\(child.attribute("value") ?? "")' is not a date that exists"))
                    }
                case "num": result.append(.number(child.attribute("value") ?? "0"))
                default: break
                }
            default:
                break  // comments, processing instructions, foreign elements
            }
        }
        return result
    }

    /// Source indentation is not content: runs of white space become one space, and
    /// the text's start and end are trimmed.
    /// No-break spaces are content (French typography), not indentation.
    private func collapsingSpaces(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.value < 0x80 ? scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r"
                : scalar.properties.isWhitespace && scalar != "\u{00A0}" && scalar != "\u{202F}"
            if isSpace {
                pendingSpace = true
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        if pendingSpace { result.append(" ") }
        return String(result)
    }

    private func trimmed(_ inlines: [Inline]) -> [Inline] {
        var result = inlines
        if case let .text(first)? = result.first {
            result[0] = .text(String(first.drop { $0 == " " }))
        }
        if case let .text(last)? = result.last {
            let end = last.lastIndex { $0 != " " }.map { last.index(after: $0) } ?? last.startIndex
            result[result.count - 1] = .text(String(last[..<end]))
        }
        return result.filter { $0 != .text("") }
    }

    // MARK: Helpers

    private func elements(_ parent: XMLTree.Element, _ name: String) -> [XMLTree.Element] {
        parent.children(named: name, namespace: ContentLoader.namespace)
    }

    private func location(of element: XMLTree.Element) -> SourceLocation {
        let (line, column) = element.position
        return SourceLocation(file: element.file, line: line, column: column)
    }

    private mutating func blockID(_ element: XMLTree.Element) -> String {
        let id = element.attribute("id") ?? "?"
        register(id, at: location(of: element))
        return id
    }

    private mutating func register(_ id: String, at place: SourceLocation) {
        if let first = seenIDs[id] {
            problems.append(Diagnostic(file: place.file, line: place.line, column: place.column,
                                          message: "id '\(id)' is already used at \(first); ids must be unique in a document"))
        } else {
            seenIDs[id] = place
        }
    }

    private func date(_ element: XMLTree.Element, _ attribute: String) -> ContentDate? {
        element.attribute(attribute).flatMap { ContentDate(iso: $0) }
    }

    /// A newsletter is read in a mail client or copied elsewhere: a relative link leads nowhere there.
    private mutating func checkRelative(_ href: String, at element: XMLTree.Element, attribute: String) {
        guard isNewsletter, LinkPolicy.scheme(of: href) == nil, !href.hasPrefix("#"), !href.isEmpty else { return }
        warnings.append(element.diagnostic(
            "relative link '\(href)' in a newsletter: it leads nowhere once the letter is sent or moved; write its full https address",
            attribute: attribute, severity: .warning))
    }

    private mutating func link(_ element: XMLTree.Element, _ attribute: String) -> String? {
        guard let href = element.attribute(attribute) else { return nil }
        checkRelative(href, at: element, attribute: attribute)
        if !LinkPolicy.allows(href) {
            problems.append(element.diagnostic("link to '\(href)' refused: use http, https, mailto or a relative link"))
        }
        return href
    }
}
