/// What Passerelle knows of TBX's versions, dialects and data categories.
///
/// - v2 (ISO 30042:2008, "martif"): `termEntry/langSet/tig|ntig`, as CAT tools and
///   IATE export it; dialects TBX-Basic, TBX-Default, or none.
/// - v3 (ISO 30042:2019): `tbx/text/body/conceptEntry/langSec/termSec`, with
///   data categories as `type` attributes (DCA style) or as elements of a module
///   namespace (DCT style); dialects TBX-Core, TBX-Min, TBX-Basic.
public enum TBXVersion: String, Sendable {
    case v2, v3
}

/// The data categories a TBX dialect allows, with their picklists.
struct TBXDialect {
    /// The namespace of TBX v3.
    static let v3Namespace = "urn:iso:std:iso:30042:ed-2"

    /// The note that marks a term written in place of a paraphrase: TBX needs a term in
    /// every language section, and a language with no equivalent term has only a paraphrase.
    static let paraphraseTermNote = "Paraphrase: no equivalent term; recommended wording"

    let name: String
    /// Allowed `type` values per element name (DCA); nil = anything goes.
    let allowed: [String: Set<String>]?
    /// The constraint specification a v2 file of the dialect names in its header.
    var xcs: String? = nil

    /// True when the dialect has the data category `type` on `element` ("descrip",
    /// "reliabilityCode").
    func allows(_ element: String, type: String) -> Bool {
        guard let allowed else { return true }
        return allowed[element]?.contains(type) ?? false
    }
    /// Picklist of values per data category.
    static let picklists: [String: Set<String>] = [
        "partOfSpeech": ["noun", "verb", "adjective", "adverb", "properNoun", "other"],
        "termType": ["fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"],
        "grammaticalGender": ["masculine", "feminine", "neuter", "other"],
        "administrativeStatus": ["preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts"],
        "usageStatus": ["preferred", "admitted", "deprecated", "superseded", "notRecommended", "obsolete"],
        "transactionType": ["origination", "creation", "modification", "review", "input", "approval", "withdrawal", "standardization", "exportation", "importation", "transfer"],
    ]

    static let basic = TBXDialect(name: "TBX-Basic", xcsFile: "TBXBasicXCSV02.xcs", allowed: [
        "descrip": ["definition", "context", "subjectField"],
        "admin": ["source", "customerSubset", "projectSubset"],
        "termNote": ["partOfSpeech", "termType", "administrativeStatus", "usageStatus", "grammaticalGender", "geographicalUsage", "termLocation"],
        "xref": ["xGraphic", "externalCrossReference", "xSource"],
        "ref": ["crossReference"],
        "transac": ["transactionType"],
        "transacNote": ["responsibility"],
    ])

    static let minimal = TBXDialect(name: "TBX-Min", allowed: [
        "descrip": ["subjectField"],
        "termNote": ["partOfSpeech", "administrativeStatus", "usageStatus", "customerSubset"],
        "admin": ["customerSubset"],
    ])

    static let open = TBXDialect(name: "TBX", allowed: nil)

    /// TBX-Default, the dialect of ISO 30042:2008's default XCS, as IATE exports it: the
    /// data categories of ISO 12620, `reliabilityCode` among them.
    static let tbxDefault = TBXDialect(name: "TBX-Default", xcsFile: "TBXXCSV02.xcs", allowed: nil)

    init(name: String, xcsFile: String? = nil, allowed: [String: Set<String>]?) {
        self.name = name
        self.xcs = xcsFile
        self.allowed = allowed
    }

    /// The dialect a root `type` attribute names ("TBX-Basic", "TBX-Min" ...).
    static func named(_ type: String?) -> TBXDialect {
        switch type?.lowercased() {
        case "tbx-basic": basic
        case "tbx-min": minimal
        default: open
        }
    }

    /// Elements of the TBX core structure (v2 and v3 names together).
    static let coreElements: Set<String> = [
        "martif", "martifHeader", "tbx", "tbxHeader", "fileDesc", "titleStmt", "title", "publicationStmt",
        "sourceDesc", "encodingDesc", "revisionDesc", "change", "p", "text", "body", "back", "termEntry", "conceptEntry",
        "langSet", "langSec", "tig", "ntig", "termGrp", "termSec", "term", "termNote", "termNoteGrp", "termCompList",
        "termComp", "termCompGrp", "descrip", "descripGrp", "descripNote", "admin", "adminGrp", "adminNote", "note", "ref", "xref",
        "transacGrp", "transac", "transacNote", "date", "hi", "foreign", "bpt", "ept", "ph", "sc", "ec", "refObjectList",
        "refObjectSec", "refObject", "item", "itemGrp", "itemSet", "respStmt", "respName",
    ]
}
