import Foundation

/// Substring search on UTF-8 bytes. Foundation's `range(of:)` and `contains(_:)` bridge through
/// NSString on Linux and took a quarter of the parse time; these run on the string's own bytes,
/// with libc's `memchr`/`memcmp` when the bytes are contiguous (native strings always are).
extension StringProtocol {
    /// The first occurrence of `needle`, searching from `start` (default: the beginning).
    func firstRange(ofText needle: String, from start: Index? = nil) -> Range<Index>? {
        let haystack = utf8
        let begin = start ?? haystack.startIndex
        var needle = needle
        let contiguousHit: Int?? = haystack[begin...].withContiguousStorageIfAvailable { bytes in
            needle.withUTF8 { pattern -> Int? in
                guard let first = pattern.first, let base = bytes.baseAddress, let patternBase = pattern.baseAddress
                else { return nil }
                // memchr for the first byte, memcmp for the rest (glibc's memmem is not exported to Swift).
                var offset = 0
                while bytes.count - offset >= pattern.count,
                      let hit = memchr(base + offset, Int32(first), bytes.count - offset - pattern.count + 1) {
                    let candidate = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + candidate, patternBase, pattern.count) == 0 { return candidate }
                    offset = candidate + 1
                }
                return nil
            }
        }
        if let contiguousHit {
            guard let offset = contiguousHit else { return nil }
            let lower = haystack.index(begin, offsetBy: offset)
            return lower..<haystack.index(lower, offsetBy: needle.utf8.count)
        }
        return slowFirstRange(of: Array(needle.utf8), from: begin)
    }

    private func slowFirstRange(of pattern: [UInt8], from begin: Index) -> Range<Index>? {
        let haystack = utf8
        guard let first = pattern.first else { return nil }
        var index = begin
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

    func containsByte(_ byte: UInt8) -> Bool {
        let contiguous = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false
        }
        return contiguous ?? utf8.contains(byte)
    }
}

extension Substring {
    /// The lines, split on LF with empty lines kept (as `split(separator: "\n", omittingEmptySubsequences: false)`),
    /// found with `memchr`: the generic `split` over the UTF-8 view took a third of the Markdown preprocessing.
    func lines() -> [Substring] {
        let bytes = utf8
        let offsets: [Int]? = bytes.withContiguousStorageIfAvailable { buffer in
            var breaks: [Int] = []
            guard let base = buffer.baseAddress else { return breaks }
            var offset = 0
            while offset < buffer.count, let hit = memchr(base + offset, 0x0A, buffer.count - offset) {
                let lineEnd = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                breaks.append(lineEnd)
                offset = lineEnd + 1
            }
            return breaks
        }
        guard let offsets else { return split(separator: "\n", omittingEmptySubsequences: false) }
        var result: [Substring] = []
        result.reserveCapacity(offsets.count + 1)
        var lineStart = bytes.startIndex
        for offset in offsets {
            let lineEnd = bytes.index(bytes.startIndex, offsetBy: offset)
            result.append(self[lineStart..<lineEnd])
            lineStart = bytes.index(after: lineEnd)
        }
        result.append(self[lineStart...])
        return result
    }
}
