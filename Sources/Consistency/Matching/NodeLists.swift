/// For each trie node of a ``TermDictionary``, two lists of small integers (the folded
/// term words on the edge into the node, and the entries that end there), kept side by
/// side in one flat array: reading a node touches two cache lines, not one per list.
struct NodeLists {
    private struct Span {
        let start: Int32
        let split: Int32
        let end: Int32
    }

    private var spans: [Span] = []
    private var values: [Int32] = []

    /// Packs the lists of each node, keeping their order.
    init(edgeWords: [[Int32]], terminals: [[Int32]]) {
        spans.reserveCapacity(edgeWords.count)
        for (words, entries) in zip(edgeWords, terminals) {
            let start = Int32(values.count)
            values.append(contentsOf: words)
            let split = Int32(values.count)
            values.append(contentsOf: entries)
            spans.append(Span(start: start, split: split, end: Int32(values.count)))
        }
    }

    /// The folded term words on the edge into `node`.
    func edgeWords(_ node: Int) -> ArraySlice<Int32> {
        let span = spans[node]
        return values[Int(span.start)..<Int(span.split)]
    }

    /// The entries that end at `node`.
    func terminals(_ node: Int) -> ArraySlice<Int32> {
        let span = spans[node]
        return values[Int(span.split)..<Int(span.end)]
    }
}
