import Content
import Foundation
import XMLSupport

/// The HTML part of a newsletter sent by e-mail, built the way MJML's output is, for the
/// clients that matter (Gmail, Outlook, Apple Mail, phones): a 600 px table layout with
/// `role="presentation"`, Outlook "ghost" tables in `<!--[if mso | IE]>` comments, every style
/// inlined on its element (and a `<style>` block in the head for the clients that keep it: the
/// 480 px media query, dark mode with `prefers-color-scheme` and Outlook.com's `[data-ogsc]`),
/// a hidden preheader, `lang` and `dir` on `<html>` and on the content, images on absolute
/// https URLs with width, height and alt, links as bulletproof buttons, no script, no form, no
/// external CSS. One language: the message's.
struct EmailHTMLWriter {
    /// Where the message's links lead besides the content: the web version, the message in
    /// the other languages, and the unsubscribe link (with the mailing tool's placeholder).
    struct Links {
        let webVersion: String?
        /// Other languages' messages: language code and URL.
        let otherLanguages: [(language: String, url: String)]
        let unsubscribe: String
        /// A relative link of the content is made absolute from here.
        let base: String?
        /// Who sends it, named in the footer.
        var sender: String? = nil
    }

    /// The inline styles of the layout, in one place.
    enum Style {
        static let font = "font-family:Helvetica,Arial,sans-serif"
        /// Long words break rather than widen the message on a phone (with soft hyphens where
        /// the language's patterns allow).
        static let text = "\(font);font-size:16px;line-height:1.55;color:#222222;overflow-wrap:break-word;word-wrap:break-word;word-break:break-word"
        static let accent = "#1f6f5c"
        static let link = "color:\(accent);text-decoration:underline"
        static let heading1 = "margin:0 0 8px 0;\(font);font-size:26px;line-height:1.25;color:#16382f;font-weight:bold"
        static let heading2 = "margin:28px 0 8px 0;\(font);font-size:21px;line-height:1.3;color:#16382f;font-weight:bold"
        static let heading3 = "margin:20px 0 6px 0;\(font);font-size:18px;line-height:1.35;color:#16382f;font-weight:bold"
        static let paragraph = "margin:0 0 14px 0;\(text)"
        static let small = "\(font);font-size:13px;line-height:1.5;color:#5f6b66"
    }

    let inline: InlineRenderer
    let links: Links
    /// How an image is referred to (its https URL).
    let imageSource: (RenderedImage) -> String?

    init(annotator: TermAnnotator, links: Links, hyphenation: Hyphenation = .none, imageSource: @escaping (RenderedImage) -> String?) {
        self.links = links
        self.imageSource = imageSource
        inline = InlineRenderer(markup: EmailHTMLMarkup(base: links.base), formatter: LocaleFormatter(), terms: annotator,
                                footnotes: FootnoteCollector(), termNotes: .none, hyphenation: hyphenation)
    }

    /// The HTML of `document` in its first language; `preheader`: the line clients show after
    /// the subject.
    func html(of document: RenderedDocument, preheader: String) -> String {
        let language = document.languages.first ?? document.sourceLanguage
        let labels = EmailLabels.for(language)
        let title = document.title.first?.text.map { inline.plain($0) } ?? ""
        var body = ""
        body += "<h1 style=\"\(Style.heading1)\">\(escape(title))</h1>\n"
        if let subtitle = document.subtitle?.first, subtitle.text != nil {
            body += "<p style=\"margin:0 0 6px 0;\(Style.font);font-size:19px;line-height:1.35;color:#2f5d50\">\(render(subtitle))</p>\n"
        }
        if let meta = document.meta.first { body += "<p style=\"margin:0 0 20px 0;\(Style.small)\">\(escape(meta))</p>\n" }
        for section in document.sections {
            for row in section.rows { body += block(row) }
        }
        var top: [String] = []
        if let web = links.webVersion { top.append("<a href=\"\(escape(web))\" style=\"\(Style.link)\">\(escape(labels.webVersion))</a>") }
        for other in links.otherLanguages {
            let name = MustacheAdapter.languageName(other.language)
            top.append("<a href=\"\(escape(other.url))\" lang=\"\(escape(other.language))\" hreflang=\"\(escape(other.language))\" style=\"\(Style.link)\">\(escape(name))</a>")
        }
        let footer = (links.sender.map { escape($0) + "<br>" } ?? "")
            + "<a href=\"\(escape(links.unsubscribe))\" style=\"\(Style.link)\">\(escape(labels.unsubscribe))</a>"
        return Self.page(language: language, title: title, preheader: preheader, top: top.joined(separator: " · "), body: body, footer: footer)
    }

    // MARK: Blocks

    private func render(_ cell: RenderedCell?) -> String {
        cell?.text.map { inline.render($0) } ?? ""
    }

    private func block(_ row: RenderedRow) -> String {
        let first = row.cells.first
        // Each block says its language (a missing translation shows the source's) and direction
        // (the cluster's languages are all written left to right).
        let lang = first.map { " lang=\"\(escape($0.language))\" dir=\"ltr\"" } ?? ""
        let text = render(first)
        switch row.kind {
        case let .heading(level):
            let heading = row.cellMarkers?.first.map { "\(escape($0)) – \(text)" } ?? text
            guard !heading.isEmpty else { return "" }
            let tag = level <= 2 ? "h2" : "h3"
            return "<\(tag)\(lang) style=\"\(level <= 2 ? Style.heading2 : Style.heading3)\">\(heading)</\(tag)>\n"
        case .paragraph:
            return text.isEmpty ? "" : "<p\(lang) style=\"\(Style.paragraph)\">\(text)</p>\n"
        case let .item(number):
            let marker = number.map { "\($0)." } ?? "•"
            return "<p\(lang) style=\"margin:0 0 8px 0;padding-left:22px;text-indent:-18px;\(Style.text)\">\(marker)&#160;\(text)</p>\n"
        case .clause:
            let marker = row.marker.map { "<strong>\(escape($0))</strong> " } ?? ""
            return "<p\(lang) style=\"\(Style.paragraph)\">\(marker)\(text)</p>\n"
        case .quote:
            let attribution = row.attribution?.first.map(render).flatMap { $0.isEmpty ? nil : $0 }
            return "<blockquote\(lang) style=\"margin:0 0 16px 0;padding:4px 0 4px 14px;border-left:4px solid \(Style.accent);\(Style.text);font-style:italic\">"
                + text + (attribution.map { "<br><span style=\"font-style:normal;\(Style.small)\">— \($0)</span>" } ?? "") + "</blockquote>\n"
        case .figure:
            return figure(row, lang: lang)
        case .details:
            return details(row)
        case let .question(number, _):
            return "<p\(lang) style=\"\(Style.paragraph)\"><strong>\(number).</strong> \(text)</p>\n"
        case .signature:
            guard let signature = row.signature?.first else { return "" }
            let lines = MailTextWriter.signatureLines(signature, render: { render($0) }, escape: escape)
            return "<p\(lang) style=\"\(Style.paragraph)\">\(lines.joined(separator: "<br>"))</p>\n"
        }
    }

    private func figure(_ row: RenderedRow, lang: String) -> String {
        let alt = row.cells.first?.text.map { inline.plain($0) } ?? ""
        var html = ""
        if let image = row.image, let src = imageSource(image) {
            // At most the content's width (552 px), keeping the ratio; the width attribute for Outlook.
            let width = image.width > 0 ? min(image.width, 552) : 552
            let height = image.width > 0 && image.height > 0 ? image.height * width / image.width : 0
            html += "<img src=\"\(escape(src))\" alt=\"\(escape(alt))\" width=\"\(width)\"" + (height > 0 ? " height=\"\(height)\"" : "")
                + " style=\"display:block;width:100%;max-width:\(width)px;height:auto;border:0;outline:none;text-decoration:none\">"
        }
        let caption = [render(row.captions?.first), render(row.credits?.first)].filter { !$0.isEmpty }.joined(separator: " · ")
        if !caption.isEmpty { html += "<p\(lang) style=\"margin:6px 0 16px 0;\(Style.small)\">\(caption)</p>" }
        return html.isEmpty ? "" : "<div style=\"margin:8px 0 16px 0\">\(html)</div>\n"
    }

    /// An event's or a call's details: two columns (when, where) that stack on a phone,
    /// then the link as a button.
    private func details(_ row: RenderedRow) -> String {
        guard let details = row.details?.first else { return "" }
        func column(_ label: String?, _ value: String?) -> String? {
            guard let label, let value, !value.isEmpty else { return nil }
            // The language's typography: "Quand :" with a no-break space in French.
            var typographer = Typographer(language: details.column)
            return "<div class=\"column\" style=\"display:inline-block;vertical-align:top;width:100%;max-width:260px\">"
                + "<p style=\"margin:0 0 6px 0;\(Style.text)\"><strong>\(escape(typographer.apply(label + ":")))</strong> \(value)</p></div>"
        }
        let columns = [column(details.whenLabel, details.when.map(escape)), column(details.placeLabel, details.place.map(render)),
                       column(details.deadlineLabel, details.deadline.map(escape))].compactMap { $0 }
        var html = "<table class=\"box\" role=\"presentation\" border=\"0\" cellpadding=\"0\" cellspacing=\"0\" width=\"100%\" style=\"margin:0 0 16px 0;background:#eef5f2;border-radius:6px\"><tr><td style=\"padding:14px 16px\">"
        html += "<!--[if mso | IE]><table role=\"presentation\" border=\"0\" cellpadding=\"0\" cellspacing=\"0\"><tr><td width=\"260\" valign=\"top\"><![endif]-->"
        html += columns.joined(separator: "<!--[if mso | IE]></td><td width=\"260\" valign=\"top\"><![endif]-->")
        html += "<!--[if mso | IE]></td></tr></table><![endif]-->"
        if let link = details.link { html += button(href: link, label: details.linkLabel ?? link) }
        return html + "</td></tr></table>\n"
    }

    /// A link as a button every client shows: a table cell with its background, the link
    /// inside with its own padding.
    private func button(href: String, label: String) -> String {
        let target = EmailHTMLMarkup.absolute(href, base: links.base)
        return "<table role=\"presentation\" border=\"0\" cellpadding=\"0\" cellspacing=\"0\" style=\"margin:8px 0 0 0\"><tr>"
            + "<td align=\"center\" bgcolor=\"\(Style.accent)\" style=\"border-radius:4px;background:\(Style.accent)\">"
            + "<a href=\"\(escape(target))\" style=\"display:inline-block;padding:10px 18px;\(Style.font);font-size:15px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:4px\">\(escape(label))</a>"
            + "</td></tr></table>"
    }

    private func escape(_ text: String) -> String { HTMLMarkup().escape(text) }

    // MARK: Page

    static func page(language: String, title: String, preheader: String, top: String, body: String, footer: String) -> String {
        let markup = HTMLMarkup()
        let lang = markup.escape(language)
        // Spacers after the preheader keep the first words of the content out of the preview.
        let spacer = String(repeating: "&#847;&#8199;&#173;", count: 40)
        return """
        <!doctype html>
        <html lang="\(lang)" dir="ltr" xmlns="http://www.w3.org/1999/xhtml" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="X-UA-Compatible" content="IE=edge">
        <meta name="x-apple-disable-message-reformatting">
        <meta name="color-scheme" content="light dark">
        <meta name="supported-color-schemes" content="light dark">
        <title>\(markup.escape(title))</title>
        <!--[if mso]><noscript><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml></noscript><![endif]-->
        <style>
        body{margin:0;padding:0;-webkit-text-size-adjust:100%;-ms-text-size-adjust:100%}
        table,td{border-collapse:collapse;mso-table-lspace:0;mso-table-rspace:0}
        img{border:0;height:auto;line-height:100%;outline:none;text-decoration:none;-ms-interpolation-mode:bicubic}
        @media only screen and (max-width:480px){.column{max-width:100% !important;width:100% !important}.card{padding:18px !important}}
        @media (prefers-color-scheme:dark){.page{background:#121614 !important}.card{background:#1d2320 !important;color:#e8ece9 !important}.card h1,.card h2,.card h3,.card p,.card blockquote{color:#e8ece9 !important}.box{background:#2a3531 !important}.card a,.frame a{color:#8fd6c1 !important}.frame{color:#b9c4bf !important}}
        [data-ogsc] .page{background:#121614 !important}
        [data-ogsc] .card{background:#1d2320 !important;color:#e8ece9 !important}
        [data-ogsc] .card h1,[data-ogsc] .card h2,[data-ogsc] .card h3,[data-ogsc] .card p,[data-ogsc] .card blockquote{color:#e8ece9 !important}
        [data-ogsc] .box{background:#2a3531 !important}
        [data-ogsc] .card a,[data-ogsc] .frame a{color:#8fd6c1 !important}
        </style>
        </head>
        <body class="page" style="margin:0;padding:0;background:#f2f2ee;word-spacing:normal">
        <div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all">\(markup.escape(preheader))\(spacer)</div>
        <div class="page" role="article" aria-roledescription="email" aria-label="\(markup.escape(title))" lang="\(lang)" dir="ltr" style="background:#f2f2ee">
        <!--[if mso | IE]><table role="presentation" border="0" cellpadding="0" cellspacing="0" width="600" align="center" style="width:600px"><tr><td><![endif]-->
        <div style="margin:0 auto;max-width:600px">
        <table role="presentation" border="0" cellpadding="0" cellspacing="0" width="100%" style="width:100%">
        <tr><td class="frame" style="padding:14px 24px;text-align:center;\(Style.small)">\(top)</td></tr>
        <tr><td class="card" style="background:#ffffff;padding:24px;border-radius:6px;\(Style.text)">
        \(body)</td></tr>
        <tr><td class="frame" style="padding:18px 24px 28px 24px;text-align:center;\(Style.small)">\(footer)</td></tr>
        </table>
        </div>
        <!--[if mso | IE]></td></tr></table><![endif]-->
        </div>
        </body>
        </html>

        """
    }
}

/// HTML inline markup for e-mail: every link styled inline (clients drop the head's
/// styles) and made absolute; no term notes.
struct EmailHTMLMarkup: InlineMarkup {
    /// Relative links of the content are resolved against it (the web version's URL).
    let base: String?
    private let html = HTMLMarkup()

    func escape(_ text: String) -> String { html.escape(text) }
    func emphasis(_ inner: String) -> String { "<em>\(inner)</em>" }
    func strong(_ inner: String) -> String { "<strong>\(inner)</strong>" }
    func link(href: String, _ inner: String) -> String {
        "<a href=\"\(escape(Self.absolute(href, base: base)))\" style=\"\(EmailHTMLWriter.Style.link)\">\(inner)</a>"
    }
    var lineBreak: String { "<br>" }
    func term(_ inner: String, conceptID: String, note: String?, noteKey: String, footnotes: FootnoteCollector) -> String { inner }

    /// `href` as an absolute URL: as it is when it has a scheme (https:, mailto:), else
    /// resolved against `base` (which leaves it as it is without one).
    static func absolute(_ href: String, base: String?) -> String {
        guard let base, !href.contains(":"), let url = URL(string: href, relativeTo: URL(string: base)) else { return href }
        return url.absoluteString
    }
}

/// The words of an e-mail's frame, per language.
struct EmailLabels {
    let webVersion: String
    let unsubscribe: String

    static func `for`(_ language: String) -> EmailLabels {
        switch language.prefix(2) {
        case "fr": EmailLabels(webVersion: "Voir la version en ligne", unsubscribe: "Se désinscrire")
        case "de": EmailLabels(webVersion: "Im Browser ansehen", unsubscribe: "Abmelden")
        default: EmailLabels(webVersion: "View online", unsubscribe: "Unsubscribe")
        }
    }
}
