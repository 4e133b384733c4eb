import Base
import Foundation
import XMLSupport

/// Reads a gettext PO file (as Weblate, Pootle, Poedit and `msgmerge` write it) into units:
/// one per translated message, `msgstr[n]` of plural messages as segments `0`, `1` ...
///
/// The target language is the header's `Language:` (else the file name, `fr.po`); PO files
/// do not name their source language: it is the header's `X-Source-Language`, else English,
/// unless `--source-language` says. Fuzzy messages have the state ``SegmentState/initial``,
/// others ``SegmentState/translated``; obsolete messages (`#~`) are not read. The id of a
/// unit is its `msgctxt` when it has one, else the start of its `msgid`.
struct POUnitReader: UnitReader {
    let file: String
    let sourceOverride: String?
    let targetOverride: String?

    /// One message being read.
    private struct Message {
        var line = 0
        var context: String?
        var id = ""
        var plural: String?
        var translations: [Int: String] = [:]
        var fuzzy = false
        var hasID = false
    }

    /// Which string a continuation line (`"..."`) adds to.
    private enum Field { case context, id, plural, translation(Int) }

    func read(_ emit: (BilingualUnit) throws -> Void) throws -> [Diagnostic] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConsistencyError.invalid([Diagnostic(file: file, line: 0, message: "cannot read the file")])
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let text: String
        if let utf8 = String(data: bytes, encoding: .utf8) {
            text = utf8
        } else if let declared = Self.charset(in: bytes), ["iso-8859-1", "latin1", "iso-8859-15", "cp1252", "windows-1252"].contains(declared),
                  let latin = String(data: bytes, encoding: .windowsCP1252) {
            text = latin
        } else {
            throw ConsistencyError.invalid([Diagnostic(file: file, line: 1, message:
                "the file is not UTF-8 and declares no charset Passerelle reads (UTF-8, ISO-8859-1/15, windows-1252): convert it with `msgconv -t UTF-8`")])
        }
        var messages: [Message] = []
        var current = Message()
        var field: Field?
        func finish() {
            if current.hasID { messages.append(current) }
            current = Message()
            field = nil
        }
        var lineNumber = 0
        // "\r\n" is one Character: split on every line end (CRLF from Windows editors, CR, LF).
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty { finish(); continue }
            if trimmed.hasPrefix("#~") { continue }
            if trimmed.hasPrefix("#") {
                // A comment after a message's strings starts the next message.
                if current.hasID && field != nil && !current.translations.isEmpty { finish() }
                if trimmed.hasPrefix("#,") && trimmed.contains("fuzzy") { current.fuzzy = true }
                continue
            }
            if trimmed.hasPrefix("\"") {
                guard let field, let value = Self.quoted(trimmed) else { throw malformed(lineNumber, unclosed: field != nil) }
                append(value, to: field, in: &current)
                continue
            }
            guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) else { throw malformed(lineNumber) }
            let rest = trimmed[space...].drop { $0 == " " || $0 == "\t" }
            guard let value = Self.quoted(rest) else { throw malformed(lineNumber, unclosed: rest.hasPrefix("\"")) }
            let keyword = trimmed[..<space]
            switch keyword {
            case "msgctxt":
                if current.hasID { finish() }
                current.line = lineNumber
                field = .context
            case "msgid":
                if current.hasID { finish() }
                if current.line == 0 { current.line = lineNumber }
                current.hasID = true
                field = .id
            case "msgid_plural": field = .plural
            case "msgstr": field = .translation(0)
            default:
                guard keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"), let index = Int(keyword.dropFirst(7).dropLast()) else {
                    throw malformed(lineNumber)
                }
                field = .translation(index)
            }
            append(value, to: field!, in: &current)
        }
        finish()
        var target = targetOverride
        var source = sourceOverride
        if let header = messages.first(where: { $0.id.isEmpty && $0.context == nil }) {
            let fields = Self.headerFields(header.translations[0] ?? "")
            target = target ?? fields["language"].flatMap { $0.isEmpty ? nil : $0.replacingOccurrences(of: "_", with: "-") }
            source = source ?? fields["x-source-language"]
        }
        target = target ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent.replacingOccurrences(of: "_", with: "-")
        var notices: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for message in messages where !message.id.isEmpty {
            let key = (message.context ?? "") + "\u{4}" + message.id
            if let first = seen[key] {
                notices.append(Diagnostic(file: file, line: message.line, column: 1, message:
                    "this message (msgctxt and msgid) is already at line \(first); msgfmt refuses duplicates: merge them (msguniq)", severity: .warning))
            } else {
                seen[key] = message.line
            }
            let id = (message.context ?? String(message.id.prefix(40))).replacingOccurrences(of: "\n", with: " ")
            let state: SegmentState = message.fuzzy ? .initial : .translated
            let count = message.plural == nil ? 1 : max(2, (message.translations.keys.max() ?? 0) + 1)
            for index in 0..<count {
                let translation = message.translations[index]
                try emit(BilingualUnit(file: file, id: id, line: message.line, column: 1, segment: message.plural == nil ? nil : "\(index)",
                                       state: translation?.isEmpty ?? true ? .initial : state,
                                       sourceLanguage: source ?? "en", targetLanguage: target ?? "und",
                                       source: index == 0 ? message.id : message.plural ?? message.id,
                                       target: translation?.isEmpty ?? true ? nil : translation))
            }
        }
        return notices
    }

    private func malformed(_ line: Int, unclosed: Bool = false) -> ConsistencyError {
        .invalid([Diagnostic(file: file, line: line, column: 1, message: unclosed
            ? "the string is not closed on this line: end it with \" (a long string goes on in a new \"...\" line; write \\\" for a quote inside it)"
            : "not a PO line: expected msgctxt, msgid, msgid_plural, msgstr or msgstr[N] followed by a quoted string, a quoted continuation, or a # comment")])
    }

    private func append(_ value: String, to field: Field, in message: inout Message) {
        switch field {
        case .context: message.context = (message.context ?? "") + value
        case .id: message.id += value
        case .plural: message.plural = (message.plural ?? "") + value
        case let .translation(index): message.translations[index, default: ""] += value
        }
    }

    /// The content of a C-quoted string (`"a\"b\n"`), escapes resolved; nil when it is not one.
    static func quoted(_ text: Substring) -> String? {
        var text = text
        while text.last == " " || text.last == "\t" { text = text.dropLast() }
        guard text.count >= 2, text.first == "\"", text.last == "\"" else { return nil }
        var result = ""
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if escaped {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// `Name: value` lines of the header message, by lower-case name.
    static func headerFields(_ header: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in header.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// The charset of a PO header read as bytes (`charset=ISO-8859-1`).
    private static func charset(in data: Data) -> String? {
        let head = String(decoding: data.prefix(4096).map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        return String(head[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }
}
