import Foundation

/// Time spent per pipeline stage. Page stages are summed over pages (CPU time across threads);
/// set-level stages are wall time. Reported by `--verbose` and by the benchmark.
public struct StageTimings: Sendable, Hashable {
    public enum Stage: String, Sendable, CaseIterable, Comparable {
        case list = "find pages"
        case read = "read file"
        case frontMatter = "front matter (Yams)"
        case preprocess = "Liquid + table repair"
        case render = "Markdown to HTML (cmark-gfm)"
        case parseHTML = "HTML to DOM (libxml2)"
        case extract = "DOM to IR"
        case resolve = "resolve links"
        case emit = "emit"
        case write = "write files"

        private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

        public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.order < rhs.order }
    }

    public private(set) var nanoseconds: [Stage: UInt64] = [:]

    public init() {}

    /// Runs `body`, adding its duration to `stage`.
    public mutating func measure<Result, Failure: Error>(
        _ stage: Stage, _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { nanoseconds[stage, default: 0] += DispatchTime.now().uptimeNanoseconds - start }
        return try body()
    }

    public mutating func add(_ other: StageTimings) {
        for (stage, value) in other.nanoseconds { nanoseconds[stage, default: 0] += value }
    }

    public func seconds(_ stage: Stage) -> Double { Double(nanoseconds[stage] ?? 0) / 1e9 }
}
