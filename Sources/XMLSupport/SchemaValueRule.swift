import CLibXML2
import Foundation

/// What a RELAX NG schema accepts as an attribute value, told in words and checked
/// with libxml2's own XML Schema datatypes and regular expressions.
indirect enum SchemaValueRule: Sendable {
    /// Any text.
    case any
    /// One of these values.
    case choice([String])
    /// An XML Schema datatype (`date`, `NCName`, `language` ...) with its patterns.
    case data(type: String, patterns: [String], hint: String?)
    /// One of several rules.
    case either([SchemaValueRule], hint: String?)
    /// A space-separated list of values.
    case list(SchemaValueRule)

    /// The same rule, told with `hint` (the schema's `h:expect` annotation).
    func hinted(_ hint: String?) -> SchemaValueRule {
        guard let hint else { return self }
        switch self {
        case let .data(type, patterns, _): return .data(type: type, patterns: patterns, hint: hint)
        case let .either(rules, _): return .either(rules, hint: hint)
        default: return .either([self], hint: hint)
        }
    }

    /// Whether `value` is accepted.
    func accepts(_ value: String) -> Bool {
        switch self {
        case .any: return true
        case let .choice(values): return values.contains(value)
        case let .data(type, patterns, _):
            return SchemaValueRule.isValid(value, type: type) && patterns.allSatisfy { SchemaValueRule.matches(value, pattern: $0) }
        case let .either(rules, _): return rules.contains { $0.accepts(value) }
        case let .list(rule):
            let items = value.split(whereSeparator: \.isWhitespace)
            return !items.isEmpty && items.allSatisfy { rule.accepts(String($0)) }
        }
    }

    /// What is expected, for a person: "a date as YYYY-MM-DD (e.g. 2022-03-17)".
    var expectation: String {
        switch self {
        case .any: return "any text"
        case let .choice(values): return values.count == 1 ? "\"\(values[0])\"" : "one of " + values.map { "\"\($0)\"" }.joined(separator: ", ")
        case let .data(type, patterns, hint):
            return hint ?? SchemaValueRule.typeHints[type] ?? (patterns.first.map { "text matching \($0)" } ?? "a \(type)")
        case let .either(rules, hint): return hint ?? rules.map(\.expectation).joined(separator: " or ")
        case let .list(rule): return "a space-separated list, each \(rule.expectation)"
        }
    }

    /// An accepted value close to `value`, for a "did you mean" (nil when none is close).
    func suggestion(for value: String) -> String? {
        if case let .choice(values) = self {
            return values.min { EditDistance.between(value, $0) < EditDistance.between(value, $1) }
                .flatMap { EditDistance.between(value.lowercased(), $0.lowercased()) <= max(2, value.count / 3) ? $0 : nil }
        }
        if case let .list(rule) = self {
            let items = value.split(whereSeparator: \.isWhitespace).map(String.init)
            let fixed = items.map { rule.accepts($0) ? $0 : (rule.suggestion(for: $0) ?? $0) }
            return fixed != items && accepts(fixed.joined(separator: " ")) ? fixed.joined(separator: " ") : nil
        }
        return SchemaValueRule.rewrites(of: value).first { accepts($0) && $0 != value }
    }

    /// Ways people write dates, times and names that a schema wants otherwise.
    static func rewrites(of value: String) -> [String] {
        var candidates = [value.trimmingCharacters(in: .whitespaces), value.lowercased()]
        let digits = value.split(whereSeparator: { !$0.isNumber }).map(String.init)
        let pad = { (text: String) in text.count == 1 ? "0" + text : text }
        // 17/03/2022, 17.03.2022, 17-3-2022 (day first, as in French and German)
        if digits.count == 3, digits[2].count == 4, value.allSatisfy({ $0.isNumber || "/.-".contains($0) }) {
            candidates.append("\(digits[2])-\(pad(digits[1]))-\(pad(digits[0]))")
        }
        // 03/2022 -> 2022-03
        if digits.count == 2, digits[1].count == 4, value.allSatisfy({ $0.isNumber || "/.-".contains($0) }) {
            candidates.append("\(digits[1])-\(pad(digits[0]))")
        }
        // 10h30, 9h, 9:30, 9.30, 10 h 30
        if (1...2).contains(digits.count), digits.allSatisfy({ $0.count <= 2 }),
           value.allSatisfy({ $0.isNumber || "hH:. ".contains($0) }) {
            candidates.append("\(pad(digits[0])):\(digits.count == 2 ? pad(digits[1]) : "00")")
        }
        return candidates
    }

    /// Words for the XML Schema datatypes the schemas use.
    static let typeHints: [String: String] = [
        "date": "a date as YYYY-MM-DD (e.g. 2022-03-17)",
        "gYearMonth": "a month as YYYY-MM (e.g. 2022-03)",
        "NCName": "a name of letters, digits, '-', '_' and '.' that starts with a letter (no spaces)",
        "language": "a language code such as fr, de, en or de-LU",
        "positiveInteger": "a whole number from 1",
        "nonNegativeInteger": "a whole number from 0",
        "integer": "a whole number",
        "decimal": "a number written with a point (e.g. 1234.5)",
        "boolean": "true or false",
        "anyURI": "a link (https://..., mailto:... or a relative path)",
    ]

    private static let schemaNamespace = "http://www.w3.org/2001/XMLSchema"

    /// Checks a value against an XML Schema datatype with libxml2 (unknown types accept).
    static func isValid(_ value: String, type: String) -> Bool {
        if type == "string" || type == "token" { return true }
        xmlSchemaInitTypes()
        guard let schemaType = xmlSchemaGetPredefinedType(type, schemaNamespace) else { return true }
        var parsed: xmlSchemaValPtr?
        let result = xmlSchemaValidatePredefinedType(schemaType, value, &parsed)
        if let parsed { xmlSchemaFreeValue(parsed) }
        return result == 0
    }

    /// Whether `value` matches an XML Schema regular expression (the whole value).
    static func matches(_ value: String, pattern: String) -> Bool {
        guard let regexp = xmlRegexpCompile(pattern) else { return true }
        defer { xmlRegFreeRegexp(regexp) }
        return xmlRegexpExec(regexp, value) == 1
    }
}

/// The edit distance with swapped letters (optimal string alignment), for "did you
/// mean" suggestions on short names.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count), beforePrevious = previous
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                // Two letters swapped count as one mistake ("form" for "from").
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], beforePrevious[j - 2] + 1) }
            }
            beforePrevious = previous
            previous = current
        }
        return previous[b.count]
    }

    /// The candidate nearest to `word`, if it is near enough to be a typing mistake.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, between(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, min(3, word.count / 3)) else { return nil }
        return best.0
    }
}
