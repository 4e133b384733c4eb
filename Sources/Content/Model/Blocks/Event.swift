import Base
import Foundation

/// An event: when, where, a link, and a description.
public struct Event: Equatable, Sendable {
    public var id: String
    public var date: ContentDate
    public var endDate: ContentDate?
    /// `HH:MM`, 24-hour.
    public var time: String?
    public var endTime: String?
    public var link: String?
    /// The words of the link, when the source gives them.
    public var linkLabel: TextUnit?
    public var heading: TextUnit
    public var place: TextUnit?
    public var blocks: [Block]

    public init(id: String, date: ContentDate, endDate: ContentDate? = nil, time: String? = nil, endTime: String? = nil,
                link: String? = nil, linkLabel: TextUnit? = nil, heading: TextUnit, place: TextUnit? = nil, blocks: [Block] = []) {
        self.linkLabel = linkLabel
        self.id = id
        self.date = date
        self.endDate = endDate
        self.time = time
        self.endTime = endTime
        self.link = link
        self.heading = heading
        self.place = place
        self.blocks = blocks
    }
}
