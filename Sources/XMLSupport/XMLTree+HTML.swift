import Base
import CLibXML2
import Foundation

extension XMLTree {
    /// Parses HTML (as browsers write it: `<br>`, `<meta charset>`, unquoted
    /// attributes) with libxml2's HTML parser, without network access, so that
    /// rendered pages can be inspected with the element API and XPath
    /// (element names are lowercase, in no namespace).
    public static func parse(html data: Data, sourceName: String) throws(XMLSupportError) -> XMLTree {
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let document = data.withUnsafeBytes { bytes in
            htmlReadMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), sourceName, "UTF-8", options)
        }
        guard let document, xmlDocGetRootElement(document) != nil else {
            if let document { xmlFreeDoc(document) }
            throw .malformed([Diagnostic(file: sourceName, line: 0, message: "not parseable as HTML")])
        }
        return XMLTree(document: document, sourceName: sourceName)
    }
}
