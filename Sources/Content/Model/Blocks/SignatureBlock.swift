import Base

/// Where a document is signed: one signatory after another, each with lines for the
/// organisation, the name, the role, the place, the date and the signature. What the
/// source gives (an organisation, a name) is printed on its line; the rest is left blank.
public struct SignatureBlock: Equatable, Sendable {
    /// One signatory.
    public struct Signatory: Equatable, Sendable {
        public var id: String
        /// Who signs here, e.g. "Pour l'organisation membre" (optional).
        public var heading: TextUnit?
        public var organisation: TextUnit?
        /// A person's name, as written in every language.
        public var name: String?
        public var role: TextUnit?

        public init(id: String, heading: TextUnit? = nil, organisation: TextUnit? = nil, name: String? = nil, role: TextUnit? = nil) {
            self.id = id
            self.heading = heading
            self.organisation = organisation
            self.name = name
            self.role = role
        }
    }

    public var id: String
    public var signatories: [Signatory]
    public var location: SourceLocation

    public init(id: String, signatories: [Signatory], location: SourceLocation) {
        self.id = id
        self.signatories = signatories
        self.location = location
    }
}
