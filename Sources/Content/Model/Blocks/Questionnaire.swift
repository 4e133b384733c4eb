import Base

/// Numbered questions, each with room for its answer on paper or in an office file (a
/// membership questionnaire printed with the charter).
public struct Questionnaire: Equatable, Sendable {
    /// The room a question leaves for its answer.
    public enum Answer: Equatable, Sendable {
        /// Ruled lines to write on.
        case lines(Int)
        /// A framed box, as tall as this many lines.
        case box(Int)
        /// Two boxes to tick: yes and no.
        case yesNo
    }

    /// One question: its text in each language and its answer area.
    public struct Question: Equatable, Sendable {
        public var unit: TextUnit
        public var answer: Answer

        public init(unit: TextUnit, answer: Answer) {
            self.unit = unit
            self.answer = answer
        }
    }

    public var id: String
    public var questions: [Question]
    public var location: SourceLocation

    public init(id: String, questions: [Question], location: SourceLocation) {
        self.id = id
        self.questions = questions
        self.location = location
    }
}
