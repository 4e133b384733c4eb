import Foundation

/// HTML5 pages for screen and print: escaped text, soft hyphens, the theme's stylesheet
/// inside the page, and local images embedded as `data:` URIs so that the page stays one
/// file. Layout is the templates' (rows as table rows or blocks), so no composites.
struct HTMLWriter: FormatWriter {
    let markup: InlineMarkup = HTMLMarkup()
    let bullet = "•"
    var hyphenates: Bool { true }
    var embedsStylesheet: Bool { true }

    func source(of image: RenderedImage, output: String) -> String {
        switch image.source {
        case let .remote(url): url
        case let .local(_, mediaType, data): "data:\(mediaType);base64,\(data.base64EncodedString())"
        }
    }
}
