/// Numbers written as words, per language: "three" and "3", "zéro" and "0", "zwölf" and
/// "12", "premier" and "1er". They only excuse a difference of digits between source and
/// target (a translation may write a number either way); they never make one, so that
/// words that are also articles ("un", "ein", "one") do no harm.
enum NumberWords {
    /// The value of each number word, by primary language.
    private static let tables: [String: [String: Int]] = [
        "en": table([
            "zero|no|none", "one|a|an|first|once|single", "two|second|twice|double|both", "three|third|thrice|triple", "four|fourth", "five|fifth",
            "six|sixth", "seven|seventh", "eight|eighth", "nine|ninth", "ten|tenth", "eleven|eleventh", "twelve|twelfth|dozen",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty|twentieth",
        ], tens: ["thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], hundred: "hundred", thousand: "thousand"),
        "fr": table([
            "zéro|aucun|aucune", "un|une|premier|première|premiers|premières|1er|1re|1ère|unique", "deux|deuxième|second|seconde|double|deux",
            "trois|troisième|triple", "quatre|quatrième", "cinq|cinquième", "six|sixième", "sept|septième", "huit|huitième", "neuf|neuvième",
            "dix|dixième", "onze|onzième", "douze|douzième", "treize", "quatorze", "quinze|quinzaine", "seize", "dix-sept", "dix-huit", "dix-neuf",
            "vingt|vingtième",
        ], tens: ["trente", "quarante", "cinquante", "soixante", "soixante-dix|septante", "quatre-vingt|quatre-vingts|huitante", "quatre-vingt-dix|nonante"],
           hundred: "cent", thousand: "mille"),
        "de": table([
            "null|kein|keine|keinen", "ein|eine|einen|einem|einer|eins|erste|ersten|erster|erstes|einmal|einzige|einzigen",
            "zwei|zweite|zweiten|zweiter|zweimal|beide|beiden|doppelt", "drei|dritte|dritten|dreimal", "vier|vierte|vierten", "fünf|fünfte|fünften",
            "sechs|sechste", "sieben|siebte", "acht|achte", "neun|neunte", "zehn|zehnte", "elf|elfte", "zwölf|zwölfte", "dreizehn", "vierzehn",
            "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn", "zwanzig",
        ], tens: ["dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"], hundred: "hundert", thousand: "tausend"),
        "nl": table([
            "nul|geen", "een|één|eerste", "twee|tweede", "drie|derde", "vier|vierde", "vijf|vijfde", "zes|zesde", "zeven|zevende", "acht|achtste",
            "negen|negende", "tien|tiende", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien", "twintig",
        ], tens: ["dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"], hundred: "honderd", thousand: "duizend"),
        "lb": table([
            "null|keen|keng", "een|eng|eent|éischt|éischten", "zwee|zwou|zweet", "dräi|drëtt", "véier", "fënnef", "sechs", "siwen", "aacht", "néng",
            "zéng", "eelef", "zwielef", "dräizéng", "véierzéng", "fofzéng", "siechzéng", "siwwenzéng", "uechtzéng", "nonzéng", "zwanzeg",
        ], tens: ["drësseg", "véierzeg", "fofzeg", "sechzeg", "siwwenzeg", "achtzeg", "nonzeg"], hundred: "honnert", thousand: "dausend"),
    ]

    private static func table(_ units: [String], tens: [String], hundred: String, thousand: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for (value, words) in units.enumerated() {
            for word in words.split(separator: "|") { result[String(word)] = value }
        }
        for (index, words) in tens.enumerated() {
            for word in words.split(separator: "|") { result[String(word)] = (index + 3) * 10 }
        }
        result[hundred] = 100
        result[thousand] = 1000
        return result
    }

    /// The values of the number words of `text` in `language` (primary subtag), as digits.
    static func values(in text: String, language: String) -> [String] {
        guard let table = tables[language] else { return [] }
        return text.lowercased().split { !$0.isLetter && $0 != "-" }.flatMap { token -> [String] in
            if let value = table[String(token)] { return [String(value)] }
            // "vingt-et-un", "dix-sept" were looked up whole; parts otherwise.
            return token.split(separator: "-").compactMap { table[String($0)].map(String.init) }
        }
    }
}
