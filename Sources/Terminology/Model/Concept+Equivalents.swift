import Linguistics

extension Concept {
    /// What to write for the concept in the languages other than `language`, as cards,
    /// lists, term notes and glossary appendices show it: "de: Sozial- und Solidarwirtschaft
    /// · en: social and solidarity economy". `languages`: the languages to give, in order
    /// (default: the concept's own). Empty when none has a term or a paraphrase.
    public func equivalents(besides language: String, in languages: [String]? = nil) -> String {
        let primary = LanguageTag.primary(language)
        let others = (languages ?? self.languages.map(\.language)).filter { LanguageTag.primary($0) != primary }
        return others.compactMap { other in section(other)?.recommendedWording.map { "\(other): \($0)" } }.joined(separator: " · ")
    }
}
