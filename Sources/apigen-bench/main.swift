// Measures apigen on whole docs sets, in process: several runs, median wall time, per-stage split.
// Run through scripts/benchmark (release build); not part of the shipped tool.
import ApigenKit
import Foundation

struct BenchmarkArguments {
    var runs = 7
    /// Skips the emitter, so a profiler sees only parse + resolve.
    var parseOnly = false
    var sets: [URL] = []

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument == "--runs", let value = iterator.next().flatMap(Int.init) {
                runs = max(2, value)  // the first run is a warm-up
            } else if argument == "--parse-only" {
                parseOnly = true
            } else {
                sets.append(URL(fileURLWithPath: argument))
            }
        }
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

func milliseconds(_ seconds: Double) -> String { String(format: "%8.1f ms", seconds * 1000) }

let arguments = BenchmarkArguments(Array(CommandLine.arguments.dropFirst()))
guard !arguments.sets.isEmpty else {
    FileHandle.standardError.write(Data("usage: apigen-bench [--runs N] [--parse-only] DOCS_SET...\n".utf8))
    exit(2)
}

let emitter: SDKEmitter
do {
    emitter = try SDKEmitter(options: EmitOptions())
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}

var wallTimes: [Double] = []
var parseTimes: [Double] = []
var generationTimes: [String: [Double]] = [:]
var generatedLines: [String: Int] = [:]
var stageTimes: [StageTimings.Stage: [Double]] = [:]
var pages = 0
var bytes = 0
for run in 0..<arguments.runs {
    var runTimings = StageTimings()
    let start = DispatchTime.now().uptimeNanoseconds
    var runPages = 0
    var runBytes = 0
    var runParse = 0.0
    for set in arguments.sets {
        do {
            let setStart = DispatchTime.now().uptimeNanoseconds
            let (document, metrics) = try DocsSetLoader.loadMeasured(set)
            runParse += Double(DispatchTime.now().uptimeNanoseconds - setStart) / 1e9
            var timings = metrics.timings
            let files = arguments.parseOnly ? [] : timings.measure(.emit) { emitter.emit(document) }
            let setWall = Double(DispatchTime.now().uptimeNanoseconds - setStart) / 1e9
            generationTimes[set.path, default: []].append(setWall)
            generatedLines[set.path] = files.reduce(0) { $0 + $1.contents.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
            runTimings.add(timings)
            runPages += metrics.pages
            runBytes += metrics.bytes
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(1)
        }
    }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    if run == 0 { continue }  // warm-up: page cache, lazy statics
    wallTimes.append(wall)
    parseTimes.append(runParse)
    for stage in StageTimings.Stage.allCases { stageTimes[stage, default: []].append(runTimings.seconds(stage)) }
    pages = runPages
    bytes = runBytes
}

let wall = median(wallTimes)
print("apigen benchmark (parse, resolve and emit in memory): \(arguments.sets.count) sets, \(pages) pages, \(String(format: "%.2f", Double(bytes) / 1e6)) MB, \(wallTimes.count) measured runs (+1 warm-up)")
let parse = median(parseTimes)
print("parse + resolve, six sets: median wall \(milliseconds(parse))   (\(Int(Double(pages) / parse)) pages/s)")
print("with emit (in memory):     median wall \(milliseconds(wall))")
print("per stage (median; CPU time summed over the worker threads):")
for stage in StageTimings.Stage.allCases {
    let value = median(stageTimes[stage] ?? [])
    if value > 0 { print("  \(stage.rawValue.padding(toLength: 30, withPad: " ", startingAt: 0)) \(milliseconds(value))") }
}
print("per docs set, parse + resolve + emit (median wall):")
for set in arguments.sets {
    let name = set.pathComponents.suffix(4).joined(separator: "/")
    print("  \(name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(milliseconds(median(Array((generationTimes[set.path] ?? []).dropFirst()))))   \(generatedLines[set.path] ?? 0) lines of Swift")
}
