import CLibXML2

/// Counts start tags line by line, in document order, so that a tag's column can be found
/// again in the source when it is asked for: the column of the n-th `<name` on its line.
/// Few names share a line, even in a file written on one line, so a short list does.
struct TagOccurrences {
    private var line = 0
    private var counts: [(name: String, count: Int)] = []

    /// How many tags written `name` came earlier on `line`; counts this one.
    mutating func next(_ name: String, line: Int) -> Int {
        if self.line != line {
            self.line = line
            counts.removeAll(keepingCapacity: true)
        }
        if let known = counts.firstIndex(where: { $0.name == name }) {
            counts[known].count += 1
            return counts[known].count - 1
        }
        counts.append((name, 1))
        return 0
    }

    /// Counts the elements inside `root` (not `root` itself), which were not read one by one.
    mutating func countElements(inside root: xmlNodePtr) {
        XMLTree.forEachElement(from: root) { element in
            if element != root { _ = next(XMLTree.qualifiedName(of: element), line: XMLTree.lineNumber(of: element)) }
        }
    }

    /// The line counted last, and how many tags of each name it had so far.
    var current: (line: Int, counts: [String: Int]) {
        (line, Dictionary(counts.map { ($0.name, $0.count) }, uniquingKeysWith: +))
    }
}
