import CLibXML2

extension XMLTree {
    /// The elements an XPath 1.0 expression selects.
    ///
    /// A default namespace needs a prefix of your choice:
    /// ```swift
    /// try tree.select("//tbx:termSec/tbx:term", namespaces: ["tbx": "urn:iso:std:iso:30042:ed-2"])
    /// ```
    /// Nodes that are not elements (attributes, text) are left out; use
    /// ``string(_:namespaces:)`` for values.
    public func select(_ expression: String, namespaces: [String: String] = [:], from context: Element? = nil) throws(XMLSupportError) -> [Element] {
        try evaluate(expression, namespaces: namespaces, from: context) { result in
            guard let set = result.pointee.nodesetval else { return [] }
            var elements: [Element] = []
            for index in 0..<Int(set.pointee.nodeNr) {
                if let node = set.pointee.nodeTab[index], node.pointee.type == XML_ELEMENT_NODE {
                    elements.append(Element(tree: self, node: node))
                }
            }
            return elements
        }
    }

    /// The string value of an XPath expression (`string(...)`, `count(...)`, an attribute ...).
    public func string(_ expression: String, namespaces: [String: String] = [:], from context: Element? = nil) throws(XMLSupportError) -> String {
        try evaluate(expression, namespaces: namespaces, from: context) { result in
            guard let text = xmlXPathCastToString(result) else { return "" }
            defer { pc_xml_free(text) }
            return String(cString: text)
        }
    }

    private func evaluate<T>(
        _ expression: String, namespaces: [String: String], from context: Element?,
        _ read: (xmlXPathObjectPtr) -> T
    ) throws(XMLSupportError) -> T {
        let outcome: Result<T, XMLSupportError> = LibXML.collectingErrors(file: sourceName) { sink in
            guard let xpath = xmlXPathNewContext(document) else {
                return .failure(.xpath(expression: expression, reason: "out of memory"))
            }
            defer { xmlXPathFreeContext(xpath) }
            for (prefix, uri) in namespaces {
                xmlXPathRegisterNs(xpath, prefix, uri)
            }
            if let context { xpath.pointee.node = context.node }
            guard let result = xmlXPathEvalExpression(expression, xpath) else {
                let reason = sink.errors.first?.message ?? "invalid expression"
                return .failure(.xpath(expression: expression, reason: reason))
            }
            defer { xmlXPathFreeObject(result) }
            return .success(read(result))
        }
        return try outcome.get()
    }
}
