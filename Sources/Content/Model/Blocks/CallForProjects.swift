import Base
import Foundation

/// A call for projects, with its deadline and where to apply.
public struct CallForProjects: Equatable, Sendable {
    public var id: String
    public var deadline: ContentDate?
    public var link: String?
    /// The words of the link, when the source gives them.
    public var linkLabel: TextUnit?
    public var heading: TextUnit
    public var blocks: [Block]

    public init(id: String, deadline: ContentDate?, link: String?, linkLabel: TextUnit? = nil, heading: TextUnit, blocks: [Block]) {
        self.linkLabel = linkLabel
        self.id = id
        self.deadline = deadline
        self.link = link
        self.heading = heading
        self.blocks = blocks
    }
}
