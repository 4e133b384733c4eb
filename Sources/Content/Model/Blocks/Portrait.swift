import Base
import Foundation

/// A member portrait: a name or title, an optional picture, text and quotes.
public struct Portrait: Equatable, Sendable {
    public var id: String
    public var link: String?
    public var heading: TextUnit
    public var figure: Figure?
    public var blocks: [Block]

    public init(id: String, link: String?, heading: TextUnit, figure: Figure?, blocks: [Block]) {
        self.id = id
        self.link = link
        self.heading = heading
        self.figure = figure
        self.blocks = blocks
    }
}
