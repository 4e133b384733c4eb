/// Text from a glossary, a translation or a file name, made safe to show on a terminal:
/// control characters (ESC starting a colour or a window-title sequence, BEL, backspace,
/// C1 controls, DEL) are shown as `\u{1B}` instead of being obeyed. Line feeds and tabs
/// stay when `keepingLines` (they lay a report out).
public enum TerminalText {
    public static func escaped(_ text: String, keepingLines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0, keepingLines: keepingLines) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar, keepingLines: keepingLines) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar, keepingLines: Bool) -> Bool {
        if keepingLines, scalar == "\n" || scalar == "\t" { return false }
        return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
