import Content
import Foundation
import Rendering
import Testing
import TestSupport
import XMLSupport
import ZIPFoundation

/// The charter as Word and LibreOffice files and as a printed PDF, checked by the tools
/// others wrote: the OASIS ODF 1.3 RELAX NG schemas (read in place from
/// ../shared/corpora), python-docx, pandoc, LibreOffice and poppler's pdftotext.
@Suite("Office documents and PDF: DOCX, ODT, print")
struct OfficeDocumentTests {
    static let charter = Corpus.projectFile("content/charter.xml")

    static func office(_ file: RenderOptions.OfficeFile, layout: RenderOptions.Layout = .parallel, languages: [String] = ["fr", "de"],
                       terms: RenderOptions.TermNotes? = nil) throws -> Data {
        let document = try ContentLoader().load(file: charter)
        var options = RenderOptions(languages: languages, terms: terms)
        options.layout = layout
        return try RenderingTests.renderer().officeDocument(document, as: file, options: options).data
    }

    /// The package's entries, in order, with their bytes.
    static func entries(_ data: Data) throws -> [(path: String, method: CompressionMethod, data: Data)] {
        let archive = try Archive(data: data, accessMode: .read)
        return try archive.map { entry in
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            return (entry.path, entry.isCompressed ? .deflate : .none, bytes)
        }
    }

    static func tool(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/usr/local/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program, stopped after `timeout` seconds; its status and standard output.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let timer = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    // MARK: ODT

    @Test("ODT: mimetype first and stored; content, styles, meta and manifest valid against the ODF 1.3 RELAX NG schemas",
          arguments: [RenderOptions.Layout.parallel, .stacked, .single])
    func odtValidates(layout: RenderOptions.Layout) throws {
        let entries = try Self.entries(try Self.office(.odt, layout: layout, languages: layout == .single ? ["de"] : ["fr", "de"]))
        #expect(entries.first?.path == "mimetype" && entries.first?.method == CompressionMethod.none)
        #expect(String(decoding: entries[0].data, as: UTF8.self) == "application/vnd.oasis.opendocument.text")
        let document = try RelaxNGSchema(file: try Corpus.path("odf13-schema/OpenDocument-v1.3-schema.rng"))
        let manifest = try RelaxNGSchema(file: try Corpus.path("odf13-schema/OpenDocument-v1.3-manifest-schema.rng"))
        for (path, schema) in [("content.xml", document), ("styles.xml", document), ("meta.xml", document), ("META-INF/manifest.xml", manifest)] {
            let part = try #require(entries.first { $0.path == path }, "no \(path)")
            let tree = try XMLTree.parse(data: part.data, sourceName: path)
            #expect(schema.diagnostics(for: tree).isEmpty, "\(path): \(schema.diagnostics(for: tree).prefix(3))")
        }
    }

    @Test("ODT: one table row per aligned unit, the header row repeated, rows kept together, each paragraph's language")
    func odtTable() throws {
        let entries = try Self.entries(try Self.office(.odt))
        let content = String(decoding: try #require(entries.first { $0.path == "content.xml" }).data, as: UTF8.self)
        #expect(content.contains("<table:table-header-rows>"))
        #expect(content.contains("<style:table-row-properties fo:keep-together=\"always\"/>"))
        #expect(content.contains("fo:language=\"fr\" fo:country=\"FR\"") && content.contains("fo:language=\"de\" fo:country=\"DE\""))
        let document = try ContentLoader().load(file: Self.charter)
        // The title row, then one row per unit (the signatures add none: each signatory is a row).
        let rows = content.components(separatedBy: "<table:table-row ").count - 1
        #expect(rows == 1 + 1 + document.units.count - 1 - Self.unitsNotRows(document), "rows: \(rows)")
        let styles = String(decoding: try #require(entries.first { $0.path == "styles.xml" }).data, as: UTF8.self)
        #expect(styles.contains("<text:page-number") && styles.contains("<text:page-count>"))
        #expect(styles.contains("Charte du cluster") && styles.contains("Charta des Clusters"), "running title in both languages")
    }

    /// Units that are not rows of their own: the title (a row of its own above the table
    /// holds title, subtitle and meta: subtitle), and the signatories' parts (one row each).
    static func unitsNotRows(_ document: ContentDocument) -> Int {
        var count = document.metadata.subtitle == nil ? 0 : 1
        for section in document.sections {
            for case let .signatures(block) in section.blocks {
                for signatory in block.signatories {
                    count += [signatory.heading, signatory.organisation, signatory.role].compactMap { $0 }.count - 1
                }
            }
        }
        return count
    }

    // MARK: DOCX

    @Test("DOCX: every part well-formed, the parts Word needs, and each image once")
    func docxParts() throws {
        let entries = try Self.entries(try Self.office(.docx))
        let paths = Set(entries.map(\.path))
        for needed in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml", "word/settings.xml",
                       "word/_rels/document.xml.rels", "word/footnotes.xml", "word/header1.xml", "word/footer1.xml", "docProps/core.xml"] {
            #expect(paths.contains(needed), "no \(needed)")
        }
        for entry in entries where entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
            #expect(throws: Never.self, "\(entry.path) is not well-formed") { try XMLTree.parse(data: entry.data, sourceName: entry.path) }
        }
        let core = String(decoding: try #require(entries.first { $0.path == "docProps/core.xml" }).data, as: UTF8.self)
        #expect(core.contains("<dc:language>fr-FR</dc:language>") && core.contains("Charta des Clusters"))
    }

    @Test("DOCX: python-docx opens it: one table row per aligned unit, cantSplit and tblHeader, w:lang on the runs, heading styles")
    func docxInPythonDocx() throws {
        let venv = ProcessInfo.processInfo.environment["PASSERELLE_TEST_VENV"] ?? Corpus.projectFile(".venv-test")
        let python = "\(venv)/bin/python3"
        try #require(FileManager.default.isExecutableFile(atPath: python) && (try Self.run(python, ["-c", "import docx"]).status == 0),
                     "python-docx is needed: make test-venv installs it into .venv-test")
        let folder = try TemporaryFolder.make("docx")
        defer { TemporaryFolder.remove(folder) }
        let file = folder.appendingPathComponent("charter.docx")
        try Self.office(.docx).write(to: file)
        let script = """
        import docx, json, sys
        from docx.oxml.ns import qn
        d = docx.Document(sys.argv[1])
        t = d.tables[0]
        rows = t.rows
        runs = [r for row in rows for c in row.cells for p in c.paragraphs for r in p.runs if r.text.strip()]
        langs = [r._r.rPr.find(qn('w:lang')).get(qn('w:val')) if r._r.rPr is not None and r._r.rPr.find(qn('w:lang')) is not None else None for r in runs]
        print(json.dumps({
          'rows': len(rows), 'columns': len(t.columns),
          'header': rows[0]._tr.trPr.find(qn('w:tblHeader')) is not None,
          'cantSplit': all(r._tr.trPr is not None and r._tr.trPr.find(qn('w:cantSplit')) is not None for r in rows),
          'runs': len(runs), 'unlabelled': langs.count(None), 'languages': sorted(set(l for l in langs if l)),
          'headings': sorted(set(p.style.name for row in rows for c in row.cells for p in c.paragraphs if p.style.name.startswith('Heading'))),
          'title': d.core_properties.title, 'sections': len(d.sections),
          'header': d.sections[0].header.paragraphs[0].text,
        }))
        """
        let (status, output) = try Self.run(python, ["-c", script, file.path])
        try #require(status == 0, "python-docx could not open the file")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(report["columns"] as? Int == 2)
        #expect(report["cantSplit"] as? Bool == true)
        #expect(report["unlabelled"] as? Int == 0, "runs without w:lang: \(report)")
        #expect(report["languages"] as? [String] == ["de-DE", "fr-FR"])
        #expect((report["headings"] as? [String])?.contains("Heading 1") == true && (report["headings"] as? [String])?.contains("Heading 2") == true)
        #expect((report["header"] as? String)?.contains("Charta") == true)
        let document = try ContentLoader().load(file: Self.charter)
        #expect(report["rows"] as? Int == 1 + 1 + document.units.count - 1 - Self.unitsNotRows(document), "\(report)")
    }

    @Test("DOCX: pandoc reads it, and term notes are footnotes only when asked for")
    func docxInPandoc() throws {
        let pandoc = try #require(Self.tool("pandoc"), "pandoc is needed: apt-get install pandoc (make test)")
        let folder = try TemporaryFolder.make("docx-pandoc")
        defer { TemporaryFolder.remove(folder) }
        let plain = folder.appendingPathComponent("charter.docx"), noted = folder.appendingPathComponent("noted.docx")
        try Self.office(.docx).write(to: plain)
        try Self.office(.docx, terms: .first).write(to: noted)
        let text = try Self.run(pandoc, ["-f", "docx", "-t", "plain", plain.path])
        #expect(text.status == 0)
        #expect(text.output.contains("Article 1") && text.output.contains("Artikel 1"), "pandoc read no articles")
        let markdown = try Self.run(pandoc, ["-f", "docx", "-t", "markdown", plain.path]).output
        #expect(!markdown.contains("[^1]"), "term notes became footnotes without --terms")
        let notes = try Self.run(pandoc, ["-f", "docx", "-t", "markdown", noted.path]).output
        #expect(notes.contains("[^1]"), "--terms first gave no footnotes")
    }

    @Test("the theme's office.toml sets fonts, size and margins; a mistyped key is refused with the keys to use")
    func officeSettings() throws {
        let folder = try TemporaryFolder.make("office-theme")
        defer { TemporaryFolder.remove(folder) }
        let theme = folder.appendingPathComponent("theme")
        try FileManager.default.copyItem(atPath: Corpus.projectFile("templates/default"), toPath: theme.path)
        let settings = theme.appendingPathComponent("office.toml")
        try "body_font = \"DejaVu Serif\"\nheading_font = \"DejaVu Sans\"\nfont_size = 12\nmargin = 25\n".write(to: settings, atomically: true, encoding: .utf8)
        let renderer = DocumentRenderer(theme: try Theme.load(folder: theme.path), termbase: try RenderingTests.renderer().termbase)
        let document = try ContentLoader().load(file: Self.charter)
        let docx = try Self.entries(try renderer.officeDocument(document, as: .docx, options: RenderOptions(languages: ["fr", "de"])).data)
        let styles = String(decoding: try #require(docx.first { $0.path == "word/styles.xml" }).data, as: UTF8.self)
        #expect(styles.contains("w:ascii=\"DejaVu Serif\"") && styles.contains("w:ascii=\"DejaVu Sans\"") && styles.contains("<w:sz w:val=\"24\"/>"))
        let body = String(decoding: try #require(docx.first { $0.path == "word/document.xml" }).data, as: UTF8.self)
        #expect(body.contains("w:left=\"1417\""), "25 mm margins")
        let odt = try Self.entries(try renderer.officeDocument(document, as: .odt, options: RenderOptions(languages: ["fr", "de"])).data)
        let odtStyles = String(decoding: try #require(odt.first { $0.path == "styles.xml" }).data, as: UTF8.self)
        #expect(odtStyles.contains("style:font-name=\"DejaVu Serif\" fo:font-size=\"12.0pt\"") && odtStyles.contains("fo:margin-left=\"2.500cm\""))

        try "body-font = \"Arial\"\n".write(to: settings, atomically: true, encoding: .utf8)
        let mistyped = DocumentRenderer(theme: try Theme.load(folder: theme.path), termbase: renderer.termbase)
        #expect {
            try mistyped.officeDocument(document, as: .odt, options: RenderOptions(languages: ["fr"]))
        } throws: { error in
            let message = (error as? RenderingError)?.description ?? ""
            return message.contains("office.toml") && message.contains("unknown key 'body-font'") && message.contains("body_font")
        }
    }

    @Test("WeasyPrint's PDF: the same bytes for the same input and date (SOURCE_DATE_EPOCH)")
    func samePDF() throws {
        var printer = try PDFPrinter.find(environment: ["PATH": "/usr/bin:/bin", "PASSERELLE_PDF_ENGINE": "weasyprint"])
        printer.sourceDate = Date(timeIntervalSince1970: 946_684_800)
        let document = try ContentLoader().load(file: Self.charter)
        let renderer = try RenderingTests.renderer()
        let options = RenderOptions(languages: ["fr", "de"])
        #expect(try renderer.printedPDF(document, options: options, printer: printer).data == renderer.printedPDF(document, options: options, printer: printer).data)
    }

    @Test("the same input gives the same bytes", arguments: [RenderOptions.OfficeFile.docx, .odt])
    func sameBytes(file: RenderOptions.OfficeFile) throws {
        #expect(try Self.office(file) == Self.office(file))
    }

    // MARK: Printed

    /// The text of each page of `pdf`.
    static func pages(_ pdf: URL) throws -> [String] {
        let pdftotext = try #require(Self.tool("pdftotext"), "pdftotext is needed: apt-get install poppler-utils (make test)")
        let (status, text) = try Self.run(pdftotext, ["-layout", pdf.path, "-"])
        try #require(status == 0)
        return text.components(separatedBy: "\u{0C}")
    }

    /// Each article's French and German headings on the same page.
    static func expectArticlesPaired(_ pages: [String], _ what: String) {
        let articles = try? ContentLoader().load(file: charter).sections.flatMap(\.blocks).filter { if case .article = $0 { true } else { false } }.count
        #expect((articles ?? 0) > 5)
        for number in 1...(articles ?? 1) {
            let french = pages.firstIndex { $0.contains("Article \(number) ") }
            let german = pages.firstIndex { $0.contains("Artikel \(number) ") }
            #expect(french != nil && french == german, "\(what): Article \(number) on page \(french.map(String.init) ?? "none"), Artikel \(number) on \(german.map(String.init) ?? "none")")
        }
    }

    @Test("LibreOffice converts the DOCX and the ODT to PDF, the French and German of each article on one page",
          arguments: [RenderOptions.OfficeFile.docx, .odt])
    func libreOffice(file: RenderOptions.OfficeFile) throws {
        let soffice = try #require(Self.tool("soffice"), "LibreOffice is needed: apt-get install libreoffice-writer-nogui (make test)")
        let folder = try TemporaryFolder.make("libreoffice")
        defer { TemporaryFolder.remove(folder) }
        let input = folder.appendingPathComponent("charter.\(file.rawValue)")
        try Self.office(file).write(to: input)
        let (status, _) = try Self.run(soffice, ["-env:UserInstallation=\(folder.appendingPathComponent("profile").absoluteString)", "--headless",
                                                 "--convert-to", "pdf", "--outdir", folder.path, input.path], timeout: 180)
        try #require(status == 0, "LibreOffice failed to convert the \(file.rawValue)")
        let pages = try Self.pages(folder.appendingPathComponent("charter.pdf"))
        #expect(pages.count > 3)
        Self.expectArticlesPaired(pages, "LibreOffice's PDF of the \(file.rawValue)")
        #expect(pages.contains { $0.contains("Unterschrift") && $0.contains("Signature") })
    }

    @Test("PDF: A4, the title and language in its metadata, fonts embedded, page x / y, each article's two languages on one page")
    func printed() throws {
        let printer = try PDFPrinter.find()
        let document = try ContentLoader().load(file: Self.charter)
        let folder = try TemporaryFolder.make("pdf")
        defer { TemporaryFolder.remove(folder) }
        let pdf = folder.appendingPathComponent("charter.pdf")
        try RenderingTests.renderer().printedPDF(document, options: RenderOptions(languages: ["fr", "de"]), printer: printer).data.write(to: pdf)
        let pages = try Self.pages(pdf)
        Self.expectArticlesPaired(pages, "the printed PDF (\(printer.engine.rawValue))")
        let numbered = pages.dropLast().enumerated().filter { $0.element.filter { $0 != " " }.contains("\($0.offset + 1)/\(pages.count - 1)") }
        #expect(numbered.count == pages.count - 1, "pages without 'x / y'")
        let info = try Self.run(try #require(Self.tool("pdfinfo")), [pdf.path]).output
        #expect(info.contains("Charte du cluster") && info.contains("A4"), "\(info)")
        let fonts = try Self.run(try #require(Self.tool("pdffonts")), [pdf.path]).output.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty && fonts.allSatisfy { $0.contains(" yes ") }, "fonts not embedded: \(fonts)")
        #expect(!pages.joined().contains("\u{AD}"), "soft hyphens in the PDF's text: it cannot be searched")
    }
}
