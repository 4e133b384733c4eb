import Base
import Content
import Foundation
import XMLSupport
import Linguistics

/// Writes the targets of a returned XLIFF file back into the document's sources (the
/// XIncluded item files too), as `<text xml:lang>` elements stamped with the hash of the
/// source they were translated from.
///
/// A file that cannot be trusted is refused whole and nothing is written: not XLIFF or
/// malformed (file:line:column), for another document or language, a unit the document
/// does not have, or a target whose codes are not the source's (a link, date, number or
/// line break missing, a code extra or twice, an id changed, a paired code where a
/// placeholder was; emphasis and term markers may be left out). A unit whose source changed
/// since the extraction is reported and left as it is; an empty target is skipped and
/// listed; a target equal to the current, stamped translation changes nothing. Edits are
/// textual, so every other byte of each file stays as it was (see ``SourceText``).
public struct TranslationMerger {
    /// What a merge did, or would do with `dryRun`.
    public struct Outcome: Sendable {
        /// Units whose translation was written (or replaced), with the text written.
        public var merged: [(unit: String, markup: String)] = []
        /// Units returned with no target, or an empty one.
        public var empty: [String] = []
        /// Units already translated so, and stamped.
        public var unchanged: [String] = []
        /// Units not merged because their source changed since the extraction.
        public var changedSource: [Diagnostic] = []
        /// The files written (none with `dryRun`).
        public var files: [String] = []
    }

    public let document: ContentDocument

    public init(document: ContentDocument) {
        self.document = document
    }

    /// Merges `returned` (read from `file`); with `dryRun`, says what would change and writes nothing.
    public func merge(_ returned: ReturnedXLIFF, file: String, dryRun: Bool = false) throws(ExchangeError) -> Outcome {
        var problems = returned.problems
        let language = returned.targetLanguage ?? ""
        if let id = returned.documentID, id != document.id {
            problems.append(Diagnostic(file: file, line: 0, message: "this file is for the document '\(id)', not '\(document.id)' (\(document.file)): merge it into that one"))
        } else if returned.documentID == nil {
            problems.append(Diagnostic(file: file, line: 0, message: "no psl:document on <file>: merge only files written by passerelle extract"))
        }
        if returned.sourceLanguage != document.sourceLanguage || !document.languages.contains(language) || language == document.sourceLanguage {
            problems.append(Diagnostic(file: file, line: 0, message: "the file translates \(returned.sourceLanguage ?? "?") into \(language.isEmpty ? "?" : language); "
                + "\(document.file) is written in \(document.sourceLanguage) with \(document.languages.dropFirst().joined(separator: ", "))"))
        }
        guard problems.isEmpty else { throw .invalid(problems) }

        let current = Dictionary(ExchangeUnit.units(of: document, target: language).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let units = Dictionary(document.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var outcome = Outcome()
        var edits: [Edit] = []
        for returnedUnit in returned.units {
            let place = returnedUnit.location
            guard let source = current[returnedUnit.id], let unit = units[returnedUnit.id] else {
                problems.append(Diagnostic(file: place.file, line: place.line, column: place.column,
                                           message: "the document has no unit '\(returnedUnit.id)'; keep the unit ids as extracted"))
                continue
            }
            guard let hash = returnedUnit.sourceHash else {
                problems.append(Diagnostic(file: place.file, line: place.line, column: place.column,
                                           message: "unit '\(returnedUnit.id)' has no psl:sourceHash: merge only files written by passerelle extract"))
                continue
            }
            if hash != source.sourceHash {
                outcome.changedSource.append(Diagnostic(
                    file: place.file, line: place.line, column: place.column,
                    message: "the source of '\(returnedUnit.id)' changed since the extraction (\(hash), now \(source.sourceHash)): not merged; extract it again",
                    severity: .warning))
                continue
            }
            if returnedUnit.isEmpty {
                outcome.empty.append(returnedUnit.id)
                continue
            }
            let codeProblems = Self.codeProblems(returnedUnit, source: source)
            if !codeProblems.isEmpty {
                problems += codeProblems
                continue
            }
            let tokens = Self.tokens(returnedUnit.target ?? [], codes: InlineToken.codes(of: source.sourceTokens))
            // Compared as markup: a term marker splits the returned text into several runs.
            let markup = Self.markup(tokens, prefix: "")
            if source.state == .current, let target = source.target, target.translatedFrom == hash,
               Self.markup(InlineToken.tokens(of: target.inlines), prefix: "") == markup {
                outcome.unchanged.append(returnedUnit.id)
                continue
            }
            edits.append(Edit(unit: unit, tokens: tokens, hash: hash))
            outcome.merged.append((returnedUnit.id, markup))
        }
        guard problems.isEmpty else { throw .invalid(problems) }
        guard !dryRun, !edits.isEmpty else { return outcome }
        outcome.files = try write(edits, language: language)
        return outcome
    }

    // MARK: Codes

    /// A target's codes against the source's: each source code once, none other, paired
    /// where the source's is paired, well nested.
    static func codeProblems(_ unit: ReturnedXLIFF.Unit, source: ExchangeUnit) -> [Diagnostic] {
        let codes = InlineToken.codes(of: source.sourceTokens)
        var seen: Set<String> = []
        var open: [String] = []
        var problems: [Diagnostic] = []
        func report(_ place: SourceLocation, _ message: String) {
            problems.append(Diagnostic(file: place.file, line: place.line, column: place.column, message: "unit '\(unit.id)': \(message)"))
        }
        for token in unit.target ?? [] {
            switch token {
            case .text:
                break
            case let .open(id, place), let .placeholder(id, place):
                let paired: Bool = if case .open = token { true } else { false }
                guard let code = codes[id] else {
                    report(place, "the code \(id) is not in the source (its codes are \(codes.keys.sorted { Int($0) ?? 0 < Int($1) ?? 0 }.joined(separator: ", "))); keep the ids as extracted")
                    continue
                }
                if code.isPaired != paired {
                    report(place, "the code \(id) (\(code.display)) must be \(code.isPaired ? "a pair around text" : "a placeholder")")
                }
                if !seen.insert(id).inserted { report(place, "the code \(id) (\(code.display)) is there twice; keep it once") }
                if paired { open.append(id) }
            case let .close(id):
                if open.last == id { open.removeLast() } else { report(unit.location, "the code \(id) closes out of order") }
            }
        }
        if !open.isEmpty { report(unit.location, "the code(s) \(open.joined(separator: ", ")) are not closed") }
        let missing = codes.filter { !seen.contains($0.key) && !$0.value.canDelete }.sorted { Int($0.key) ?? 0 < Int($1.key) ?? 0 }
        if !missing.isEmpty {
            report(unit.location, "the target lacks the code(s) " + missing.map { "\($0.key) (\($0.value.display))" }.joined(separator: ", ")
                + " of the source; put each back once")
        }
        return problems
    }

    /// One translation to write: the unit, its content, the source hash to stamp.
    struct Edit {
        let unit: TextUnit
        let tokens: [InlineToken]
        let hash: String
    }

    /// A returned target as the source's tokens (codes known by their id, checked before).
    static func tokens(_ tokens: [ReturnedXLIFF.Token], codes: [String: InlineCode]) -> [InlineToken] {
        tokens.map { token -> InlineToken in
            switch token {
            case let .text(text): .text(text)
            case let .open(id, _): .open(id: id, codes[id] ?? .emphasis)
            case let .close(id): .close(id: id)
            case let .placeholder(id, _): .placeholder(id: id, codes[id] ?? .lineBreak)
            }
        }
    }

    /// Tokens as content markup (`<em>`, `<a href>`, `<date value/>` ...).
    static func markup(_ tokens: [InlineToken], prefix: String) -> String {
        var writer = XMLWriter()
        var open: [String: InlineCode] = [:]
        var result = ""
        for token in tokens {
            switch token {
            case let .text(text): result += writer.escape(text: text)
            case let .open(id, code):
                open[id] = code
                result += code.markup(prefix: prefix).start
            case let .close(id): result += (open[id] ?? .emphasis).markup(prefix: prefix).end
            case let .placeholder(_, code): result += code.markup(prefix: prefix).start
            }
        }
        return result
    }

    // MARK: Writing

    /// Applies the edits, file by file; every file is prepared before any is written.
    private func write(_ edits: [Edit], language: String) throws(ExchangeError) -> [String] {
        var sources: [String: SourceText] = [:]
        func source(_ file: String) throws(ExchangeError) -> SourceText {
            if let known = sources[file] { return known }
            do {
                return try SourceText(file: file, unchangedSince: document.sourceFingerprints[file])
            } catch {
                if case .file(.changedSinceRead) = error {
                    throw .invalid([Diagnostic(file: file, line: 0, message: "the file changed since it was read; run the merge again")])
                }
                throw .invalid(error.diagnostics)
            }
        }
        for edit in edits {
            if let existing = edit.unit.text(in: language), existing.language == language || LanguageTag.primary(existing.language) == LanguageTag.primary(language) {
                var text = try source(existing.location.file)
                try replace(existing, with: edit.tokens, hash: edit.hash, in: &text)
                sources[existing.location.file] = text
            } else {
                // In the document's order of languages: after the text of the nearest language before it.
                let order = document.languages.map(LanguageTag.primary)
                func rank(_ text: LanguageText) -> Int { order.firstIndex(of: LanguageTag.primary(text.language)) ?? order.count }
                let targetRank = order.firstIndex(of: LanguageTag.primary(language)) ?? order.count
                let before = edit.unit.texts.filter { rank($0) < targetRank }.max { rank($0) < rank($1) }
                guard let neighbour = before ?? edit.unit.texts.first else { continue }
                var text = try source(neighbour.location.file)
                try insert(beside: neighbour, after: before != nil, language: language, tokens: edit.tokens, hash: edit.hash, in: &text)
                sources[neighbour.location.file] = text
            }
        }
        do {
            try SourceText.write(sources.values.sorted { $0.path < $1.path })
        } catch {
            throw .invalid(error.diagnostics)
        }
        return sources.keys.sorted()
    }

    /// The prefix of the content namespace as this `<text>` tag writes it ("" or "c:").
    private static func prefix(of tag: SourceText.StartTag) -> String {
        tag.name.firstIndex(of: ":").map { String(tag.name[...$0]) } ?? ""
    }

    private func tag(of text: LanguageText, in source: SourceText) throws(ExchangeError) -> SourceText.StartTag {
        let place = text.location
        guard let offset = source.offset(line: place.line, column: place.column), let tag = source.startTag(at: offset),
              tag.name == "text" || tag.name.hasSuffix(":text") else {
            throw .invalid([Diagnostic(file: place.file, line: place.line, column: place.column,
                                       message: "cannot find the <text> element here; nothing was written (report this file to the Passerelle developers)")])
        }
        return tag
    }

    private func replace(_ text: LanguageText, with tokens: [InlineToken], hash: String, in source: inout SourceText) throws(ExchangeError) {
        let tag = try tag(of: text, in: source)
        let markup = Self.markup(tokens, prefix: Self.prefix(of: tag))
        guard let content = source.content(of: tag) else {
            throw .invalid([Diagnostic(file: text.location.file, line: text.location.line, column: text.location.column,
                                       message: "cannot find the end of this <text>; nothing was written")])
        }
        if content.range.isEmpty, content.end == tag.range.upperBound {
            // <text xml:lang="de"/>: written out whole, its attributes as they were.
            let attributes = tag.attributes.filter { $0.name != "from" }.map { " \($0.name)=\"\($0.value)\"" }.joined()
            source.replace(tag.range, with: "<\(tag.name)\(attributes) from=\"\(hash)\">\(markup)</\(tag.name)>")
            return
        }
        if let from = tag.attribute("from") {
            source.replace(from.valueRange, with: hash)
        } else {
            source.replace(tag.insertionPoint..<tag.insertionPoint, with: " from=\"\(hash)\"")
        }
        source.replace(content.range, with: markup)
    }

    /// A new `<text>` after `text` (or before it), on its own line with the same indentation.
    private func insert(beside text: LanguageText, after: Bool, language: String, tokens: [InlineToken], hash: String, in source: inout SourceText) throws(ExchangeError) {
        let tag = try tag(of: text, in: source)
        let markup = Self.markup(tokens, prefix: Self.prefix(of: tag))
        guard let content = source.content(of: tag) else {
            throw .invalid([Diagnostic(file: text.location.file, line: text.location.line, column: text.location.column,
                                       message: "cannot find the end of this <text>; nothing was written")])
        }
        let separator = source.indentation(before: tag.range.lowerBound).map { source.lineBreak(near: tag.range.lowerBound) + $0 } ?? " "
        var writer = XMLWriter()
        let element = "<\(tag.name) xml:lang=\"\(writer.escape(attribute: language))\" from=\"\(hash)\">\(markup)</\(tag.name)>"
        if after {
            source.replace(content.end..<content.end, with: separator + element)
        } else {
            source.replace(tag.range.lowerBound..<tag.range.lowerBound, with: element + separator)
        }
    }
}
