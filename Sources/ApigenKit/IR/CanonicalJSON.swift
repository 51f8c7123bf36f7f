import Foundation

/// The JSON form of `ir-format.md`: UTF-8, keys sorted, 2-space indent, `"key": value`, `[]` for empty.
/// Foundation's pretty printer writes `"key" : value` and splits empty containers, so the compact
/// encoding is re-indented here.
public enum CanonicalJSON {
    public static func encode(_ value: some Encodable) throws -> String {
        try encodeWhole(value)
    }

    /// One encoder over the whole value (what `encode(_:)` does for anything but a document).
    static func encodeWhole(_ value: some Encodable) throws -> String {
        indent(try compact(value)) + "\n"
    }

    /// A document as `encode(_:)` of any value writes it, its types encoded on all cores: one encoder over
    /// them was a fifth of `apigen dump`.
    public static func encode(_ document: APIDocument) throws -> String {
        guard let json = try splicingTypes(of: document) else { return try encodeWhole(document) }
        return indent(json) + "\n"
    }

    /// The document's compact JSON, its types encoded each on its own and put in place. `types` sorts last among
    /// the document's keys, so the JSON of the document without them ends with `"types":[]}`; `nil` if not.
    static func splicingTypes(of document: APIDocument) throws -> Data? {
        var shell = document
        shell.types = []
        var json = try compact(shell)
        let emptyTypes = Data(#""types":[]}"#.utf8)
        guard json.count >= emptyTypes.count, json.suffix(emptyTypes.count).elementsEqual(emptyTypes) else { return nil }
        let types = ConcurrentMap.map(document.types) { type in Result { try compact(type) } }
        json.removeLast(2)
        for (index, type) in types.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json.append(try type.get())
        }
        json.append(contentsOf: Array("]}".utf8))
        return json
    }

    private static func compact(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    public static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        try JSONDecoder().decode(type, from: data)
    }

    /// Re-indents compact JSON; string contents are copied untouched.
    static func indent(_ compact: Data) -> String {
        let bytes = [UInt8](compact)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var depth = 0
        var inString = false
        var escaped = false
        func newline() {
            output.append(0x0A)
            output.append(contentsOf: repeatElement(0x20, count: depth * 2))
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            defer { index += 1 }
            if inString {
                output.append(byte)
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                output.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                output.append(byte)
                let closing = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if index + 1 < bytes.count, bytes[index + 1] == closing {
                    output.append(closing)
                    index += 1
                } else {
                    depth += 1
                    newline()
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                newline()
                output.append(byte)
            case UInt8(ascii: ","):
                output.append(byte)
                newline()
            case UInt8(ascii: ":"):
                output.append(contentsOf: [UInt8(ascii: ":"), 0x20])
            default:
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
