import Linguistics
import Terminology

/// Tells an inflected form of a word ("économies", "sociaux", "Entwicklungen",
/// "Verträge", "policies") from a derived word that merely shares its stem
/// ("coopération" beside "coopérative", "associés" beside "association").
///
/// Words are compared folded (lowercase, accents and umlauts removed). Two words are
/// forms of one word when, after their common beginning, each ends with one of the
/// language's inflectional endings ("économie"/"économies", "lokalen"/"lokaler"), or
/// their endings follow an irregular plural pattern ("sociale"/"sociaux").
///
/// Verb endings count as inflections too: participles, conjugated forms and imperatives
/// of a verb term ("transféré", "téléversez" for "téléverser"; "speichert" for
/// "speichern"; "uploaded" for "upload"). German participles with `ge-` are matched
/// through ``participleBases(_:)`` ("gespeichert", "hochgeladen").
struct InflectionGuard {
    private let pairs: [(String, String)]
    private let endings: Set<String>
    private let language: String

    init(language: String) {
        self.language = language
        switch language {
        case "fr":
            pairs = [("al", "aux"), ("ale", "aux"), ("ail", "aux"), ("au", "aux"), ("eau", "eaux"), ("eu", "eux"), ("ales", "aux")]
            endings = ["", "s", "e", "es", "x",
                       // verbs in -er and -ir: participles, present, imperative, future, imperfect
                       "er", "ez", "ons", "ent", "ant", "ee", "ees", "ai", "as", "a", "ais", "ait", "aient", "era", "erai", "eras",
                       "erez", "erons", "eront", "erait", "eraient", "iez", "ions", "ir", "i", "is", "it", "ie", "ies", "issent",
                       "issez", "issons", "issant", "issait"]
        case "en":
            pairs = [("y", "ies"), ("f", "ves"), ("fe", "ves"), ("man", "men"), ("is", "es"), ("y", "ied"), ("e", "ing")]
            endings = ["", "s", "es", "'s", "ed", "d", "ing"]
        case "de":
            pairs = [("um", "en"), ("us", "en"), ("a", "en")]
            endings = ["", "e", "en", "er", "es", "em", "n", "r", "s", "ern", "ens", "ns",
                       // verbs: present, past, imperative, present participle
                       "t", "st", "et", "est", "te", "ten", "tet", "test", "end", "ende", "enden", "ender"]
        case "nl":
            pairs = [("heid", "heden"), ("f", "ven"), ("s", "zen")]
            endings = ["", "s", "'s", "en", "e", "n", "t", "te", "ten", "de", "den"]
        case "lb":
            pairs = []
            endings = ["", "en", "er", "n", "s", "e", "es", "t", "ten"]
        default:
            pairs = []
            endings = ["", "s"]
        }
    }

    /// Separable prefixes of Luxembourgish verbs, before the `ge` of their participle ("eropgelueden").
    private static let luxembourgishPrefixes = ["erop", "erof", "eran", "eraus", "era", "op", "of", "aus", "un", "mat", "no", "zou",
                                                "ëm", "zréck", "ewech", "fort", "bäi", "duerch", "iwwer", "ënner", "virun", "vir"]

    /// Separable prefixes of German verbs, before the `ge` of their participle ("hochgeladen").
    private static let separablePrefixes = ["ab", "an", "auf", "aus", "bei", "ein", "fest", "fort", "her", "hin", "hoch", "los", "mit",
                                            "nach", "vor", "weg", "zu", "zurück", "zusammen", "weiter", "wieder", "um", "durch", "dar", "frei"]

    /// Other forms to key a word by when its own stem is no term's: German `ge-`
    /// participles (``participleBases(_:)``) and Dutch plurals whose stem Snowball keeps
    /// apart from the singular's ("coöperaties" / "coöperatie").
    func alternativeBases(_ lower: String) -> [String] {
        guard lower.count >= 5 else { return [] }
        switch language {
        case "de", "lb": return participleBases(lower) + (language == "de" ? germanVerbBases(lower) : [])
        case "fr": return frenchVerbBases(lower)
        case "nl":
            var bases = ["'s", "s", "en"].compactMap { ending in
                lower.hasSuffix(ending) && lower.count > ending.count + 3 ? String(lower.dropLast(ending.count)) : nil
            }
            // Participles: "geüpload", "gedownload", "gewerkt" -> "uploaden", "werken".
            if lower.hasPrefix("ge") && lower.count >= 6 {
                let rest = String(lower.dropFirst(2))
                bases += [rest + "en", rest]
                if rest.hasSuffix("t") || rest.hasSuffix("d") { bases.append(rest.dropLast() + "en") }
            }
            return bases
        default: return []
        }
    }

    /// French verb endings, longest first, with the infinitive ending they come from.
    private static let frenchEndings: [(String, String)] = [
        ("eraient", "er"), ("erions", "er"), ("eriez", "er"), ("erons", "er"), ("eront", "er"), ("erait", "er"), ("erais", "er"),
        ("issent", "ir"), ("issons", "ir"), ("issez", "ir"), ("issait", "ir"), ("issant", "ir"),
        ("aient", "er"), ("èrent", "er"), ("erent", "er"), ("erez", "er"), ("ions", "er"), ("iez", "er"), ("ons", "er"),
        ("ent", "er"), ("ais", "er"), ("ait", "er"), ("ant", "er"), ("ez", "er"), ("ées", "er"), ("és", "er"), ("ée", "er"), ("é", "er"),
    ]

    /// French: the infinitive a conjugated form may come from ("téléversons", "transfèrent"
    /// -> "téléverser", "transfèrer", which the collation key reads as "transférer"), for the
    /// forms whose Snowball stem differs from the infinitive's. At most three candidates, as
    /// endings overlap ("transfèrent": -ent of the present, not -èrent of the past).
    private func frenchVerbBases(_ lower: String) -> [String] {
        Array(Self.frenchEndings.lazy.filter { lower.hasSuffix($0.0) && lower.count >= $0.0.count + 4 }
            .map { String(lower.dropLast($0.0.count)) + $0.1 }.prefix(3))
    }

    /// True when `prefix` is a separable prefix of a German verb ("ab" of "abspeichern").
    func isSeparablePrefix(_ prefix: String) -> Bool {
        language == "de" && Self.separablePrefixes.contains(prefix)
    }

    /// German: the infinitive of a conjugated form ("speichert", "speicherte" -> "speichern")
    /// and of a `zu` infinitive ("hochzuladen" -> "hochladen").
    private func germanVerbBases(_ lower: String) -> [String] {
        var bases: [String] = []
        for prefix in Self.separablePrefixes where lower.hasPrefix(prefix + "zu") && lower.count > prefix.count + 5 {
            bases.append(prefix + lower.dropFirst(prefix.count + 2))
        }
        for ending in ["test", "ten", "tet", "te", "est", "st", "et", "t"] where lower.hasSuffix(ending) && lower.count >= ending.count + 4 {
            let stem = lower.dropLast(ending.count)
            bases.append(stem + "en")
            bases.append(stem + "n")
            break
        }
        return bases
    }

    /// German: the separable prefix and the verb of a term such as "hochladen" ("hoch",
    /// "laden"), which a main clause splits ("Laden Sie die Datei hoch"); nil for other words.
    func separableVerb(_ lower: String) -> (particle: String, verb: String)? {
        guard language == "de", lower.hasSuffix("n") else { return nil }
        for prefix in Self.separablePrefixes where lower.hasPrefix(prefix) && lower.count >= prefix.count + 4 {
            return (prefix, String(lower.dropFirst(prefix.count)))
        }
        return nil
    }

    /// German: the forms a `ge-` participle may come from, lower case ("gespeichert" ->
    /// "speichert", "speicher"; "hochgeladene" -> "hochladene", "hochladen"), to key it as
    /// the verb's other forms are. Empty for other languages and other words.
    func participleBases(_ lower: String) -> [String] {
        guard language == "de" || language == "lb", lower.count >= 6 else { return [] }
        var bases: [String] = []
        if lower.hasPrefix("ge") { bases.append(String(lower.dropFirst(2))) }
        for prefix in language == "lb" ? Self.luxembourgishPrefixes : Self.separablePrefixes
            where lower.hasPrefix(prefix + "ge") && lower.count > prefix.count + 4 {
            bases.append(prefix + lower.dropFirst(prefix.count + 2))
        }
        // Weak participles end in -t (and may be declined: -te, -ten ...): "speichert" -> "speicher(n)".
        var result: [String] = []
        for base in bases {
            result.append(base)
            for ending in ["t", "te", "ten", "ter", "tes", "tem", "et", "ete", "eten"] where base.hasSuffix(ending) && base.count > ending.count + 3 {
                result.append(base.dropLast(ending.count) + "en")
                result.append(base.dropLast(ending.count) + "n")
            }
        }
        return result
    }

    /// Lowercase without diacritics.
    func fold(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        var scalars = String.UnicodeScalarView()
        for scalar in TextNormalizer.normalize(word.lowercased(), to: .nfd).unicodeScalars where !(0x0300...0x036F).contains(scalar.value) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// True when `word` is the noun of the verb `base` (both folded): French "téléversement",
    /// "téléversements", "chargement" for "téléverser", "charger". Only verb terms accept it
    /// (see ``TermMatcher``); "coopération" is never an inflection of "coopérative".
    func isNominalization(_ word: String, of base: String) -> Bool {
        guard language == "fr", base.hasSuffix("er") else { return false }
        let stem = base.dropLast(2)
        guard stem.count >= 3, word.hasPrefix(stem) else { return false }
        return ["ement", "ements", "age", "ages"].contains(String(word.dropFirst(stem.count)))
    }

    /// Endings of French masculine nouns of persons and agents, whose feminine is written as
    /// a form of them ("adhérent"/"adhérente", "salarié"/"salariée", "entrepreneur"/"entrepreneure").
    private static let frenchPersonEndings = ["é", "ent", "ant", "eur", "ier", "ien", "ais", "ois", "in", "at", "and", "ard", "er"]

    /// The gender that narrows the forms of the term `text` (see ``isInflection(_:of:partOfSpeech:gender:)``):
    /// none for a French masculine term whose head may name a person ("adhérent", "entrepreneur
    /// social"), as "adhérentes" and "entrepreneure sociale" are forms of it; for the others,
    /// the termbase's gender.
    func formGender(ofTerm text: String, gender: GrammaticalGender?) -> GrammaticalGender? {
        guard language == "fr", gender == .masculine else { return gender }
        var head = text.lowercased().prefix { $0.isLetter }
        if head.count > 4, head.hasSuffix("s") || head.hasSuffix("x") { head = head.dropLast() }
        let person = !head.hasSuffix("ment") && Self.frenchPersonEndings.contains { head.hasSuffix($0) }
        return person ? nil : gender
    }

    /// French nouns vary in number only, and in gender where the termbase does not say which:
    /// the verb endings do not apply to them.
    private static let frenchNominalEndings: Set<String> = ["", "s", "x", "e", "es"]

    /// True when `word` and `base` (both folded) are forms of one word. `partOfSpeech` and
    /// `gender`, of the term `base` belongs to, narrow the French forms: a noun takes no verb
    /// ending ("partager" is not the noun "partage"), a masculine noun no feminine ending
    /// ("communes", the municipalities or the adjective of "actions communes", is not the
    /// masculine "communs") and a feminine one no masculine form ("entrepris" is not
    /// "entreprise"). A termbase gives the other gender's form as a term of its own
    /// ("entrepreneuse sociale" beside "entrepreneur social").
    func isInflection(_ word: String, of base: String, partOfSpeech: PartOfSpeech? = nil, gender: GrammaticalGender? = nil) -> Bool {
        if word == base { return true }
        // An English term in -ing names an activity: "volunteering" is not "volunteers".
        if language == "en", base.hasSuffix("ing"), !word.hasSuffix("ing"), !word.hasSuffix("ings") { return false }
        let frenchGender = language == "fr" && (gender == .masculine || gender == .feminine) ? gender : nil
        let frenchNoun = language == "fr" && (partOfSpeech == .noun || frenchGender != nil)
        for (singular, plural) in pairs {
            // "sociale" / "sociaux" changes the gender.
            if frenchGender != nil && singular.hasPrefix("ale") { continue }
            for (a, b) in [(word, base), (base, word)] where a.hasSuffix(singular) && b.hasSuffix(plural) {
                if a.dropLast(singular.count) == b.dropLast(plural.count) { return true }
            }
        }
        let common = zip(word, base).prefix { $0 == $1 }.count
        guard common >= 3 else { return false }
        // The endings may share letters: "transfere" / "transferer" split as "transfer" + "e" / "er".
        let wordLetters = Array(word), baseLetters = Array(base)
        for split in stride(from: common, through: max(3, common - 3), by: -1) {
            let wordEnding = String(wordLetters[split...]), baseEnding = String(baseLetters[split...])
            guard endings.contains(wordEnding) && endings.contains(baseEnding) else { continue }
            if frenchNoun && !(Self.frenchNominalEndings.contains(wordEnding) && Self.frenchNominalEndings.contains(baseEnding)) { continue }
            if let frenchGender {
                let feminineWord = wordEnding.hasPrefix("e"), feminineBase = baseEnding.hasPrefix("e")
                if frenchGender == .masculine && feminineWord && !feminineBase { continue }
                if frenchGender == .feminine && feminineBase && !feminineWord { continue }
            }
            return true
        }
        return false
    }
}
