import Base
import XMLSupport

/// Checks Mustache templates against ``ViewModelSchema``: every name must be one the
/// renderer provides in that scope, every partial must exist, and Markdown and text
/// templates must switch HTML escaping off. Partials and parents are checked in the
/// scope they are used in.
struct TemplateLinter {
    let sources: [String: Theme.Source]

    private struct Tag {
        let kind: Character?
        let name: String
        let offset: String.Index
    }

    func lint(entries: [String]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            let folder = name.split(separator: "/").first.map(String.init) ?? ""
            let pragma = ["md": "MARKDOWN", "txt": "TEXT"][folder]
            if let pragma, !source.text.hasPrefix("{{%CONTENT_TYPE:\(pragma)}}") {
                problems.append(Diagnostic(file: source.path, line: 1, column: 1,
                                              message: "start the template with {{%CONTENT_TYPE:\(pragma)}}, or values are HTML-escaped"))
            }
        }
        for entry in entries {
            var visiting: Set<String> = []
            lint(entry, scopes: [ViewModelSchema.document], visiting: &visiting, problems: &problems)
        }
        var seen: Set<String> = []
        return problems.filter { seen.insert($0.description).inserted }
    }

    private func lint(_ name: String, scopes: [[String: ViewModelSchema.Node]], visiting: inout Set<String>, problems: inout [Diagnostic]) {
        guard let source = sources[name], visiting.insert(name).inserted else { return }
        defer { visiting.remove(name) }
        var scopes = scopes
        for tag in tags(in: source.text) {
            func report(_ message: String) {
                let (line, column) = position(of: tag.offset, in: source.text)
                problems.append(Diagnostic(file: source.path, line: line, column: column, message: message))
            }
            switch tag.kind {
            case "!", "%", "=":
                continue
            case "/":
                if scopes.count > 1 { scopes.removeLast() }
            case ">":
                if sources[tag.name] == nil { report("no partial '\(tag.name)' in the theme") }
                lint(tag.name, scopes: scopes, visiting: &visiting, problems: &problems)
            case "<":
                if sources[tag.name] == nil { report("no parent template '\(tag.name)' in the theme") }
                lint(tag.name, scopes: scopes, visiting: &visiting, problems: &problems)
                scopes.append([:])
            case "$", "^":
                if tag.kind == "^", resolve(tag.name, in: scopes) == nil { report(unknown(tag.name, scopes)) }
                scopes.append([:])
            case "#":
                guard let node = resolve(tag.name, in: scopes) else {
                    report(unknown(tag.name, scopes))
                    scopes.append([:])
                    continue
                }
                if case let .list(schema) = node { scopes.append(schema) } else { scopes.append([:]) }
            default:
                if resolve(tag.name, in: scopes) == nil { report(unknown(tag.name, scopes)) }
            }
        }
    }

    private func unknown(_ name: String, _ scopes: [[String: ViewModelSchema.Node]]) -> String {
        let known = (scopes.last(where: { !$0.isEmpty }) ?? [:]).keys.sorted().joined(separator: ", ")
        return "'\(name)' is not a value the renderer provides here (it would render as nothing); known here: \(known)"
    }

    private func resolve(_ name: String, in scopes: [[String: ViewModelSchema.Node]]) -> ViewModelSchema.Node? {
        if name == "." { return .value }
        // Transforms: {{ uppercased(name) }} names `name`.
        var name = name
        if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        }
        let first = String(name.split(separator: ".").first ?? Substring(name))
        for scope in scopes.reversed() {
            if let node = scope[first] { return node }
        }
        return nil
    }

    /// The tags of a template, honouring set-delimiter tags.
    private func tags(in text: String) -> [Tag] {
        var result: [Tag] = []
        var open = "{{"
        var close = "}}"
        var index = text.startIndex
        while let start = text.range(of: open, range: index..<text.endIndex) {
            var bodyStart = start.upperBound
            var closing = close
            if open == "{{", bodyStart < text.endIndex, text[bodyStart] == "{" {
                bodyStart = text.index(after: bodyStart)
                closing = "}}}"
            }
            guard let end = text.range(of: closing, range: bodyStart..<text.endIndex) else { break }
            var body = text[bodyStart..<end.lowerBound].trimmingCharacters(in: .whitespaces)
            var kind: Character? = closing == "}}}" ? "{" : nil
            if kind == nil, let first = body.first, "!#^/>&<$=%".contains(first) {
                kind = first
                body = String(body.dropFirst())
            }
            if kind == "=" {
                let parts = body.dropLast().split(separator: " ")
                if parts.count == 2 { open = String(parts[0]); close = String(parts[1]) }
            }
            result.append(Tag(kind: kind, name: body.trimmingCharacters(in: .whitespaces), offset: start.lowerBound))
            index = end.upperBound
        }
        return result
    }

    private func position(of offset: String.Index, in text: String) -> (Int, Int) {
        var line = 1
        var lineStart = text.startIndex
        var index = text.startIndex
        while index < offset {
            if text[index] == "\n" { line += 1; lineStart = text.index(after: index) }
            index = text.index(after: index)
        }
        return (line, text.distance(from: lineStart, to: offset) + 1)
    }
}
