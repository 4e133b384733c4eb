/// Plain text as format=flowed (RFC 3676) writes it: paragraphs wrapped at 72 columns,
/// each soft line break a space before the line end (a reader that knows flowed text joins
/// the lines again, at the width of its own window), lines that would start with a space,
/// ">" or "From " space-stuffed, and the signature separator "-- " kept.
public enum FlowedText {
    public static let width = 72

    /// `text` (LF line ends, each line a paragraph or an empty line) wrapped.
    public static func wrap(_ text: String, width: Int = width) -> String {
        text.replacingCRLF().split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let line = String(line)
            // Trailing spaces would make the line flow into the next one.
            let trimmed = line == "-- " ? line : String(line.reversed().drop { $0 == " " }.reversed())
            return wrapLine(trimmed, width: width).map(stuffed).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// A paragraph as lines of at most `width` characters, the space each but the last ends
    /// with included. A word longer than the width stays whole on its own line.
    private static func wrapLine(_ line: String, width: Int) -> [String] {
        guard line.count > width else { return [line] }
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty, current.count + 1 + word.count + 1 > width {
                lines.append(current + " ")
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        lines.append(current)
        return lines
    }

    private static func stuffed(_ line: String) -> String {
        line.hasPrefix(" ") || line.hasPrefix(">") || line.hasPrefix("From ") ? " " + line : line
    }
}
