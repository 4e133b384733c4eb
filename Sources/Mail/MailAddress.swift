/// A mailbox: an address and, optionally, a display name ("Cluster ESS Grande Région"
/// <lettre@example.org>), written into headers with the name encoded when it is not plain
/// ASCII and quoted when it holds specials.
public struct MailAddress: Equatable, Sendable {
    public let name: String?
    public let address: String

    /// - Throws: ``MailError/invalidAddress(_:source:)`` unless `address` is `local@domain`
    ///   without spaces, brackets or line breaks; ``MailError/lineBreakInHeader(name:source:)``
    ///   for a name with a line break. `source` names where the values come from.
    public init(name: String? = nil, address: String, source: String = "settings") throws(MailError) {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        // By scalar: "\r\n" is one Character, equal to neither "\r" nor "\n".
        let forbidden: Set<Unicode.Scalar> = [" ", "<", ">", "\r", "\n", "\t", ",", ";", "\"", "(", ")"]
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !address.unicodeScalars.contains(where: forbidden.contains) else {
            throw .invalidAddress(address, source: source)
        }
        if let name, name.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) { throw .lineBreakInHeader(name: "address", source: source) }
        self.name = name.flatMap { $0.isEmpty ? nil : $0 }
        self.address = address
    }

    /// The mailbox as a header writes it; `used`: the characters its line holds before it.
    public func header(used: Int = 0) -> String {
        guard let name else { return address }
        if !EncodedWord.isPlain(name) {
            let encoded = EncodedWord.encode(name, used: used)
            let lastLine = encoded.components(separatedBy: "\r\n").last ?? encoded
            // The address on a line of its own when it would not fit after the name.
            return encoded + ((encoded == lastLine ? used : 0) + lastLine.count + address.count + 3 > 78 ? "\r\n <\(address)>" : " <\(address)>")
        }
        let specials = "()<>[]:;@\\,.\""
        guard name.contains(where: { specials.contains($0) }) else { return "\(name) <\(address)>" }
        let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(quoted)\" <\(address)>"
    }
}
