import Base
import Foundation

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
