/// One designation of a concept in one language.
///
/// ```swift
/// Term("ESS", status: .admitted, type: .acronym, exactMatch: true)
/// ```
public struct Term: Equatable, Sendable {
    /// The term itself, e.g. "économie sociale et solidaire".
    public var text: String
    /// The status `check` applies: ``TermStatus/admitted`` when the source gave none (then
    /// ``statusIsRecorded`` is false).
    public var status: TermStatus
    /// False when the file the term was read from gave it no status (many TBX exports,
    /// IATE's among them): writers then write none rather than invent one.
    public var statusIsRecorded: Bool
    public var type: TermType?
    public var partOfSpeech: PartOfSpeech?
    public var gender: GrammaticalGender?
    /// Where the term is used, as region codes (FR, BE, LU, DE, AT, CH ...). Empty: everywhere.
    public var regions: [String]
    /// Matched as written (case, accents, no stemming): for acronyms such as "ESS",
    /// which must not match the French word "essais".
    public var exactMatch: Bool
    /// A usage note.
    public var note: String?
    /// Where the term is attested.
    public var source: String?
    /// A reliability code from 1 (not verified) to 4 (very reliable), as IATE gives it.
    public var reliability: Int?
    /// A deprecated term that must never appear, whatever the text is about (TBX
    /// `forbidden`, native `usage="forbidden"`): `passerelle check` reports it wherever it
    /// is found, as an error. An ordinary deprecated term is only reported where its
    /// concept is meant, since it may be a common word ("action" for a company share).
    public var isForbidden: Bool
    /// Attributes and elements of other vocabularies, kept through load and save.
    public var extensions: Extensions

    public init(
        _ text: String, status: TermStatus = .admitted, type: TermType? = nil, partOfSpeech: PartOfSpeech? = nil,
        gender: GrammaticalGender? = nil, regions: [String] = [], exactMatch: Bool = false, note: String? = nil,
        source: String? = nil, reliability: Int? = nil, isForbidden: Bool = false, extensions: Extensions = Extensions(),
        statusIsRecorded: Bool = true
    ) {
        self.statusIsRecorded = statusIsRecorded
        self.isForbidden = isForbidden
        self.reliability = reliability
        self.text = text
        self.status = status
        self.type = type
        self.partOfSpeech = partOfSpeech
        self.gender = gender
        self.regions = regions
        self.exactMatch = exactMatch
        self.note = note
        self.source = source
        self.extensions = extensions
    }
}
