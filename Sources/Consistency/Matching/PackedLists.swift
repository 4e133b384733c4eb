/// Lists of small integers kept in one flat array (with where each list starts), instead
/// of an array of arrays: reading a list touches two arrays, not a pointer per list.
struct PackedLists {
    private var starts: [Int32] = [0]
    private var values: [Int32] = []

    /// Packs `lists`, keeping their order.
    init(_ lists: [[Int32]]) {
        starts.reserveCapacity(lists.count + 1)
        for list in lists {
            values.append(contentsOf: list)
            starts.append(Int32(values.count))
        }
    }

    /// The list at `index`.
    subscript(index: Int) -> ArraySlice<Int32> {
        values[Int(starts[index])..<Int(starts[index + 1])]
    }
}
