import Linguistics

/// The few words a rendered document adds around its content, per language
/// (English for languages without their own).
struct Labels {
    let missing: String
    let outdated: String
    let glossary: String
    let issue: String
    let deadline: String
    let when: String
    let place: String
    let link: String
    let newsletter: String
    let charter: String
    let article: String
    let notes: String
    /// The name of the list of the document's languages.
    let languages: String
    /// The heading of a plain-text message's numbered links.
    let links: String
    /// Before the page number in a printed footer ("page 3 / 12").
    var page = "page"
    /// A signatory's lines, and a yes/no answer's boxes.
    var organisation = "Organisation", name = "Name", role = "Position", signedAt = "Place", date = "Date", signature = "Signature"
    var yes = "Yes", no = "No"

    /// The words of the labels, to hyphenate them like the text ("Einsendeschluss").
    var words: Set<String> {
        [missing, outdated, glossary, deadline, when, place, link, newsletter, charter, article, notes]
            .reduce(into: Set<String>()) { $0.formUnion(Hyphenation.words(in: $1)) }
    }

    static func `for`(_ language: String) -> Labels {
        switch LanguageTag.primary(language) {
        case "fr":
            Labels(missing: "Traduction manquante", outdated: "Traduction à mettre à jour", glossary: "Glossaire",
                   issue: "n°", deadline: "Date limite", when: "Quand", place: "Où", link: "En savoir plus",
                   newsletter: "Lettre d’information", charter: "Charte", article: "Article", notes: "Notes",
                   languages: "Langues", links: "Liens", name: "Nom", role: "Fonction", signedAt: "Fait à", date: "Le",
                   yes: "Oui", no: "Non")
        case "de":
            Labels(missing: "Übersetzung fehlt", outdated: "Übersetzung veraltet", glossary: "Glossar",
                   issue: "Nr.", deadline: "Einsendeschluss", when: "Wann", place: "Wo", link: "Mehr erfahren",
                   newsletter: "Newsletter", charter: "Charta", article: "Artikel", notes: "Anmerkungen",
                   languages: "Sprachen", links: "Links", page: "Seite", role: "Funktion", signedAt: "Ort", date: "Datum",
                   signature: "Unterschrift", yes: "Ja", no: "Nein")
        default:
            Labels(missing: "Translation missing", outdated: "Translation out of date", glossary: "Glossary",
                   issue: "No.", deadline: "Deadline", when: "When", place: "Where", link: "Read more",
                   newsletter: "Newsletter", charter: "Charter", article: "Article", notes: "Notes",
                   languages: "Languages", links: "Links")
        }
    }
}
