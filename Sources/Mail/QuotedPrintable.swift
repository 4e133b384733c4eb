/// Quoted-printable (RFC 2045, 6.7) of UTF-8 text for a MIME part: lines of at most 76
/// characters (a soft break `=` ends the longer ones), CRLF line ends, every byte outside
/// printable ASCII written `=XX`, and white space before a line end encoded so that no
/// mail relay strips it (format=flowed relies on it). A line starting with "From " or "."
/// has that character encoded too, which some relays would otherwise change.
public enum QuotedPrintable {
    public static let lineLength = 76

    /// `text` encoded; its line ends (LF or CRLF) become CRLF.
    public static func encode(_ text: String) -> String {
        let lines = text.replacingCRLF().split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { encodeLine(Array($0.utf8)) }.joined(separator: "\r\n")
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var output = ""
        var line = ""
        func emit(_ piece: String) {
            // Room for the piece and a soft break.
            if line.utf8.count + piece.utf8.count > lineLength - 1 {
                output += line + "=\r\n"
                line = ""
            }
            line += piece
        }
        let startsRisky = bytes.starts(with: Array("From ".utf8)) || bytes.first == UInt8(ascii: ".")
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let printable = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !isLast)
            if printable && !(index == 0 && startsRisky) {
                emit(String(UnicodeScalar(byte)))
            } else {
                emit("=" + hex(byte))
            }
        }
        return output + line
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}

extension String {
    /// The text with CRLF and lone CR line ends written LF.
    func replacingCRLF() -> String {
        guard utf8.contains(13) else { return self }
        var bytes: [UInt8] = []
        var afterCR = false
        for byte in utf8 {
            if byte == 13 {
                bytes.append(10)
            } else if !(byte == 10 && afterCR) {
                bytes.append(byte)
            }
            afterCR = byte == 13
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
