import CICUBridge

/// Helpers that keep ICU's conventions (status codes, preflighting) in one place.
enum ICUCall {
    /// ICU's name for a status code.
    static func errorName(_ status: Int32) -> String {
        String(cString: pc_error_name(status))
    }

    /// Throws when `status` is an ICU error (warnings, which are negative, pass).
    static func check(_ status: Int32, _ operation: String) throws {
        if status > 0 {
            throw LinguisticsError.icuFailure(operation: operation, code: errorName(status))
        }
    }

    /// Runs an ICU function that writes UTF-16 into a buffer, growing the buffer when
    /// ICU reports the needed length, and returns the result as a String.
    static func string(
        _ operation: String,
        capacity: Int,
        _ body: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
    ) throws -> String {
        var capacity = max(capacity, 16)
        while true {
            var status: Int32 = 0
            var needed: Int32 = 0
            let result = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
                needed = body(buffer.baseAddress!, Int32(capacity), &status)
                count = status > 0 ? 0 : min(Int(needed), capacity)
            }
            if Int(needed) > capacity {
                capacity = Int(needed) + 1
                continue
            }
            try check(status, operation)
            return String(utf16Units: result[...])
        }
    }

    /// Same for functions writing a C string.
    static func cString(
        _ operation: String,
        capacity: Int = 64,
        _ body: (UnsafeMutablePointer<CChar>, Int32, inout Int32) -> Int32
    ) throws -> String {
        var capacity = capacity
        while true {
            var status: Int32 = 0
            var buffer = [CChar](repeating: 0, count: capacity + 1)
            let needed = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32(capacity), &status) }
            if Int(needed) >= capacity {
                capacity = Int(needed) + 1
                continue
            }
            try check(status, operation)
            return String(decoding: buffer.prefix(Int(needed)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}
