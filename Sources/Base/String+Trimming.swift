extension StringProtocol {
    /// The text without leading and trailing white space (Unicode white space and line
    /// ends). Pure Swift: Foundation's `trimmingCharacters` bridges through NSString and
    /// dominated the loading of large termbases.
    public var trimmedWhitespace: String {
        // Most values have nothing to trim: tell from their first and last bytes.
        let whole = String(self)
        if let head = whole.utf8.first, let tail = whole.utf8.last, Self.isPlainByte(head), Self.isPlainByte(tail) { return whole }
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        guard let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }

    /// An ASCII byte that is not white space (nor a control character).
    private static func isPlainByte(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
}
