/// Substring search on UTF-8 bytes. Foundation's `range(of:)` and `contains(_:)` bridge through
/// NSString on Linux and took a quarter of the parse time; these run on the string's own bytes.
extension StringProtocol {
    /// The first occurrence of `needle`, searching from `start` (default: the beginning).
    func firstRange(ofText needle: String, from start: Index? = nil) -> Range<Index>? {
        let haystack = utf8
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return nil }
        var index = start ?? haystack.startIndex
        while let candidate = haystack[index...].firstIndex(of: first) {
            var matchEnd = candidate
            var matched = true
            for byte in pattern {
                guard matchEnd < haystack.endIndex, haystack[matchEnd] == byte else {
                    matched = false
                    break
                }
                matchEnd = haystack.index(after: matchEnd)
            }
            if matched { return candidate..<matchEnd }
            index = haystack.index(after: candidate)
        }
        return nil
    }

    /// The last occurrence of `needle`.
    func lastRange(ofText needle: String) -> Range<Index>? {
        var found: Range<Index>?
        var start = startIndex
        while let range = firstRange(ofText: needle, from: start) {
            found = range
            start = utf8.index(after: range.lowerBound)
        }
        return found
    }

    func containsText(_ needle: String) -> Bool { firstRange(ofText: needle) != nil }

    func containsByte(_ byte: UInt8) -> Bool { utf8.contains(byte) }
}
