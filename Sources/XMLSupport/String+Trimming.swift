extension StringProtocol {
    /// The text without leading and trailing white space (Unicode white space and line
    /// ends). Pure Swift: Foundation's `trimmingCharacters` bridges through NSString and
    /// dominated the loading of large termbases.
    public var trimmedWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        guard let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
