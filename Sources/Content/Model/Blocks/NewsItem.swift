import Base
import Foundation

/// A newsletter news item.
public struct NewsItem: Equatable, Sendable {
    public var id: String
    public var heading: TextUnit
    public var blocks: [Block]

    public init(id: String, heading: TextUnit, blocks: [Block]) {
        self.id = id
        self.heading = heading
        self.blocks = blocks
    }
}
