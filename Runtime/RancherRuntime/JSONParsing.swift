// RancherRuntime: reading response bodies as JSON values.

import Foundation

extension JSONValue {
    /// Parses a JSON text (RFC 8259) into a value.
    ///
    /// The client reads every response body with it, and models keep the objects it builds: one pass over the
    /// bytes, where `JSONDecoder` would build its own tree and then convert each member through `Decoder`
    /// containers (measured on 1,000 services: about half of what `JSONSerialization` takes, an eighth of
    /// `JSONDecoder` into `JSONValue`).
    /// - Throws: `DecodingError.dataCorrupted` naming the byte offset and what was wrong there.
    public init(parsing data: Data) throws {
        self = try data.withUnsafeBytes { bytes in
            var parser = JSONParser(bytes: bytes)
            let value = try parser.value(depth: 0)
            parser.skipWhitespace()
            guard parser.index == bytes.count else { throw parser.failure("unexpected text after the JSON value") }
            return value
        }
    }
}

/// A recursive-descent JSON parser over a byte buffer.
private struct JSONParser {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    /// Deeper documents are refused rather than risk the stack.
    static let maximumDepth = 256

    /// An error at `offset` (by default the byte being read).
    func failure(_ reason: String, at offset: Int? = nil) -> DecodingError {
        DecodingError.dataCorrupted(DecodingError.Context(
            codingPath: [], debugDescription: "The body is not valid JSON: \(reason) at byte \(offset ?? index)."))
    }

    /// The bytes in `range` as text; JSON is UTF-8, and a string that is not is refused, as `JSONDecoder` does.
    private func text(_ bytes: some Collection<UInt8>, startingAt offset: Int) throws -> String {
        if #available(macOS 15, iOS 18, tvOS 18, watchOS 11, *) {
            guard let text = String(validating: bytes, as: UTF8.self) else { throw failure("invalid UTF-8 in a string", at: offset) }
            return text
        }
        guard let text = String(bytes: bytes, encoding: .utf8) else { throw failure("invalid UTF-8 in a string", at: offset) }
        return text
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    mutating func value(depth: Int) throws -> JSONValue {
        guard depth < Self.maximumDepth else { throw failure("values nested too deeply") }
        skipWhitespace()
        guard index < bytes.count else { throw failure("unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw failure("unexpected character")
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw failure("invalid literal") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw failure("invalid literal") }
        index += count
    }

    private func isDigit(_ offset: Int) -> Bool {
        offset < bytes.count && bytes[offset] &- UInt8(ascii: "0") < 10
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`: an integer that fits in 64 bits becomes
    /// `.integer`, exactly; any other number `.number`.
    private mutating func number() throws -> JSONValue {
        let start = index
        let isNegative = bytes[index] == UInt8(ascii: "-")
        if isNegative { index += 1 }
        let integerStart = index
        var integer: Int64 = 0
        var overflows = false
        while isDigit(index) {
            let digit = Int64(bytes[index] &- UInt8(ascii: "0"))
            let (product, productOverflows) = integer.multipliedReportingOverflow(by: 10)
            let (sum, sumOverflows) = isNegative
                ? product.subtractingReportingOverflow(digit) : product.addingReportingOverflow(digit)
            integer = sum
            overflows = overflows || productOverflows || sumOverflows
            index += 1
        }
        let integerDigits = index - integerStart
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else {
            throw failure("invalid number")
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard isDigit(index) else { throw failure("invalid number") }
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard isDigit(index) else { throw failure("invalid number") }
            while isDigit(index) { index += 1 }
        }
        if isInteger, !overflows { return .integer(integer) }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        // A number past Double's range would read as infinity, which no JSON encoder can write back.
        guard let number = Double(text), number.isFinite else { throw failure("number out of range", at: start) }
        return .number(number)
    }

    private mutating func string() throws -> String {
        index += 1  // the opening quote
        // Most strings hold no escape: they are one slice of the input, and most of those are ASCII, which
        // needs no UTF-8 validation (validating every string cost a quarter of a decode).
        var end = index
        var isASCII = true
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
            isASCII = isASCII && bytes[end] < 0x80
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            defer { index = end + 1 }
            let slice = UnsafeRawBufferPointer(rebasing: bytes[index..<end])
            return isASCII ? String(decoding: slice, as: UTF8.self) : try text(slice, startingAt: index)
        }
        let start = index
        var unescaped: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try text(unescaped, startingAt: start)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw failure("unterminated string") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(escape)
                case UInt8(ascii: "n"): unescaped.append(0x0A)
                case UInt8(ascii: "t"): unescaped.append(0x09)
                case UInt8(ascii: "r"): unescaped.append(0x0D)
                case UInt8(ascii: "b"): unescaped.append(0x08)
                case UInt8(ascii: "f"): unescaped.append(0x0C)
                case UInt8(ascii: "u"): unescaped.append(contentsOf: String(try escapedScalar()).utf8)
                default: throw failure("invalid escape in string", at: index - 1)
                }
            case 0..<0x20:
                throw failure("control character in string", at: index - 1)
            default:
                unescaped.append(byte)
            }
        }
        throw failure("unterminated string")
    }

    /// The scalar of a `\uXXXX` escape, or of two that spell a UTF-16 surrogate pair; a lone surrogate
    /// becomes U+FFFD (RFC 8259 leaves it to the parser; `JSONDecoder` refuses the whole body).
    private mutating func escapedScalar() throws -> Unicode.Scalar {
        let code = try hexCode()
        if (0xD800...0xDBFF).contains(code), index + 6 <= bytes.count,
           bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
            let mark = index
            index += 2
            let low = try hexCode()
            if (0xDC00...0xDFFF).contains(low) {
                return Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
            }
            index = mark
        }
        return Unicode.Scalar(code) ?? "\u{FFFD}"
    }

    private mutating func hexCode() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("invalid \\u escape") }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid \\u escape")
            }
            code = code << 4 | UInt32(digit)
            index += 1
        }
        return code
    }

    private mutating func array(depth: Int) throws -> JSONValue {
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else { throw failure("unterminated array") }
            let separator = bytes[index]
            guard separator == UInt8(ascii: ",") || separator == UInt8(ascii: "]") else { throw failure("expected ',' or ']' in an array") }
            index += 1
            if separator == UInt8(ascii: "]") { return .array(elements) }
        }
    }

    private mutating func object(depth: Int) throws -> JSONValue {
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a key in an object") }
            let key = try string()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':' in an object") }
            index += 1
            // A repeated key keeps its last value, as JSONSerialization and JSONDecoder do.
            members[key] = try value(depth: depth + 1)
            skipWhitespace()
            guard index < bytes.count else { throw failure("unterminated object") }
            let separator = bytes[index]
            guard separator == UInt8(ascii: ",") || separator == UInt8(ascii: "}") else { throw failure("expected ',' or '}' in an object") }
            index += 1
            if separator == UInt8(ascii: "}") { return .object(members) }
        }
    }
}
