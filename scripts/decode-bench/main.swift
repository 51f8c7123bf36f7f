// Decodes a collection of services with the generated models, as the SDK's client does, and parses the same
// bytes with JSONSerialization; prints both medians and their ratio. With models over their JSON object
// (OBJECT_MODELS), also the decode followed by `typeMismatches()` of every service, which reads every
// member of every service with its documented type: the most a program can ask of the models.
// Arguments: the JSON file, the number of runs.
import Foundation
import RancherSDK

let arguments = CommandLine.arguments
let data = try Data(contentsOf: URL(fileURLWithPath: arguments[1]))
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 9 : 9

/// The client's date handling, which the SDK keeps internal: ISO 8601 with or without fractional seconds.
func makeDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
        let text = try decoder.singleValueContainer().decode(String.self)
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        return try Date(text, strategy: Date.ISO8601FormatStyle())
    }
    return decoder
}

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let elapsed = try clock.measure(body)
    return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
}

#if OBJECT_MODELS
/// What `RancherClient` does with a response body: parse it once, build the models over its objects.
func decodePage(_ data: Data) throws -> Page<Service> {
    guard let page = Page<Service>(jsonValue: try JSONValue(parsing: data)) else { throw CocoaError(.coderReadCorrupt) }
    return page
}
#else
func decodePage(_ data: Data) throws -> Page<Service> {
    try makeDecoder().decode(Page<Service>.self, from: data)
}
#endif

var modelTimes: [Double] = []
var checkedTimes: [Double] = []
var serializationTimes: [Double] = []
for _ in 0..<runs {
    modelTimes.append(try milliseconds {
        let page = try decodePage(data)
        // `launchConfig`, not one of its fields: Swift names differ between the SDKs compared (`imageUuid` at 8f8bd60).
        precondition(page.data.count == 1000 && page.data[999].launchConfig != nil)
    })
    #if OBJECT_MODELS
    checkedTimes.append(try milliseconds {
        let page = try decodePage(data)
        precondition(page.data.allSatisfy { $0.typeMismatches().isEmpty })
    })
    #endif
    serializationTimes.append(try milliseconds {
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        precondition((object?["data"] as? [Any])?.count == 1000)
    })
}
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
let model = median(modelTimes)
let serialization = median(serializationTimes)
print(String(format: "models %.1f ms, JSONSerialization %.1f ms, ratio %.2f×; ", model, serialization, model / serialization),
      terminator: "")
if !checkedTimes.isEmpty {
    let checked = median(checkedTimes)
    print(String(format: "with every member read typed (typeMismatches) %.1f ms, ratio %.2f×; ", checked, checked / serialization),
          terminator: "")
}
