import Dispatch

/// Times the phases of a command, for `--stats`.
struct PhaseClock {
    private let start = DispatchTime.now().uptimeNanoseconds
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var laps: [(name: String, seconds: Double)] = []

    /// Ends the phase `name`, begun at the previous lap (or at the start).
    mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((name, Double(now - last) / 1e9))
        last = now
    }

    /// Seconds from the start to the last lap.
    var total: Double { Double(last - start) / 1e9 }
}
