import Base
import Foundation

/// A charter article: a heading, then clauses, paragraphs and lists.
public struct Article: Equatable, Sendable {
    public var id: String
    /// The number as written (`3`, `IV`, `2.1`), if any.
    public var number: String?
    public var heading: TextUnit
    public var parts: [Block]

    public init(id: String, number: String?, heading: TextUnit, parts: [Block]) {
        self.id = id
        self.number = number
        self.heading = heading
        self.parts = parts
    }
}
