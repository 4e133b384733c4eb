/// What a file held that Passerelle does not model, kept verbatim so that an
/// edit never loses it: attributes of other namespaces, and elements of other
/// namespaces (as self-contained XML) or comments.
public struct Extensions: Equatable, Sendable {
    /// An attribute of another vocabulary.
    public struct Attribute: Equatable, Sendable {
        public var namespaceURI: String
        public var prefix: String
        public var name: String
        public var value: String
        public init(namespaceURI: String, prefix: String, name: String, value: String) {
            self.namespaceURI = namespaceURI
            self.prefix = prefix
            self.name = name
            self.value = value
        }
    }

    public var attributes: [Attribute]
    /// Elements of other namespaces (each with its own namespace declarations) and
    /// comments (`<!-- ... -->`), in source order.
    public var markup: [String]

    public init(attributes: [Attribute] = [], markup: [String] = []) {
        self.attributes = attributes
        self.markup = markup
    }

    public var isEmpty: Bool { attributes.isEmpty && markup.isEmpty }
}
