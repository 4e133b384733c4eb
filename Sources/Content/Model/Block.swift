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
}

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

/// A numbered clause of a charter article.
public struct Clause: Equatable, Sendable {
    public var unit: TextUnit
    public var number: String?

    public init(unit: TextUnit, number: String?) {
        self.unit = unit
        self.number = number
    }
}

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

/// An image with alternative text (and an optional caption) per language.
public struct Figure: Equatable, Sendable {
    public var id: String
    /// The image as written: a path relative to the file the figure is written in (an
    /// included item's own folder), or an https URL.
    public var source: String
    /// The shown size in CSS pixels, when the source gives it.
    public var width: Int?
    public var height: Int?
    public var alt: TextUnit
    public var caption: TextUnit?
    /// Who made the image, and its licence.
    public var credit: TextUnit?
    public var location: SourceLocation

    public init(id: String, source: String, width: Int? = nil, height: Int? = nil, alt: TextUnit, caption: TextUnit?,
                credit: TextUnit? = nil, location: SourceLocation) {
        self.id = id
        self.source = source
        self.width = width
        self.height = height
        self.alt = alt
        self.caption = caption
        self.credit = credit
        self.location = location
    }

    /// True for an image on the web (`https:`), which is linked, never fetched.
    public var isRemote: Bool { LinkPolicy.scheme(of: source) == "https" }

    /// The local image file: `source` resolved against the folder of the file the
    /// figure is written in; nil for a remote image.
    public var localFile: String? {
        guard LinkPolicy.scheme(of: source) == nil else { return nil }
        let folder = URL(fileURLWithPath: location.file).deletingLastPathComponent()
        return folder.appendingPathComponent(source.removingPercentEncoding ?? source).standardizedFileURL.path
    }
}

/// A quotation and who said it.
public struct Quote: Equatable, Sendable {
    public var unit: TextUnit
    public var attribution: TextUnit?

    public init(unit: TextUnit, attribution: TextUnit?) {
        self.unit = unit
        self.attribution = attribution
    }
}
