import Foundation

/// The JSON that `--format json` prints: keys sorted (stable output a script can diff),
/// pretty-printed, slashes left alone (file paths stay readable).
public enum JSONText {
    /// `value` as JSON text, without a trailing line feed.
    public static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
