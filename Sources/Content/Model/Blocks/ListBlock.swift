import Base
import Foundation

/// A bulleted or numbered list; each item is a unit.
public struct ListBlock: Equatable, Sendable {
    public var id: String
    public var ordered: Bool
    public var items: [TextUnit]
    public var location: SourceLocation

    public init(id: String, ordered: Bool, items: [TextUnit], location: SourceLocation) {
        self.id = id
        self.ordered = ordered
        self.items = items
        self.location = location
    }
}
