import Base
import Foundation

/// A block of a section: what a charter or a newsletter is made of.
public indirect enum Block: Equatable, Sendable {
    case paragraph(TextUnit)
    case list(ListBlock)
    /// A numbered charter article.
    case article(Article)
    /// A numbered clause of an article.
    case clause(Clause)
    case news(NewsItem)
    case event(Event)
    case call(CallForProjects)
    case portrait(Portrait)
    case figure(Figure)
    case quote(Quote)
    /// Questions with room for the answers.
    case questionnaire(Questionnaire)
    /// Lines where the signatories sign.
    case signatures(SignatureBlock)
}
