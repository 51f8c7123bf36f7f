/// A JSON value that keeps object keys in document order: inferred types list their fields in the
/// example's key order, which `JSONSerialization` does not preserve; `/schemas` and the mock server write
/// keys in the order a Rancher server does.
public indirect enum OrderedJSON: Sendable, Hashable {
    case string(String)
    /// The literal as written (`0`, `2000`, `0.5`).
    case number(String)
    case bool(Bool)
    case null
    case array([OrderedJSON])
    case object([Member])

    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: OrderedJSON

        public init(key: String, value: OrderedJSON) {
            self.key = key
            self.value = value
        }
    }

    public subscript(key: String) -> OrderedJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    public struct SyntaxError: Error, Hashable, CustomStringConvertible {
        /// 1-based line within the parsed text.
        public var line: Int
        public var reason: String
        public var description: String { reason }
    }

    /// Parses one JSON value; anything but whitespace after it is an error.
    public static func parse(_ text: String) throws(SyntaxError) -> OrderedJSON {
        var parser = Parser(bytes: Array(text.utf8))
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.fail("unexpected text after the JSON value") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        /// Deeper documents are rejected rather than risk the stack.
        static let maximumDepth = 256

        func fail(_ reason: String) -> SyntaxError {
            let line = 1 + bytes[..<min(index, bytes.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            return SyntaxError(line: line, reason: reason)
        }

        mutating func skipWhitespace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
        }

        mutating func value(depth: Int) throws(SyntaxError) -> OrderedJSON {
            guard depth < Self.maximumDepth else { throw fail("JSON nested too deeply") }
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of JSON") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw fail("unexpected character '\(Character(Unicode.Scalar(bytes[index])))' in JSON")
            }
        }

        private mutating func literal(_ word: String) throws(SyntaxError) {
            let expected = Array(word.utf8)
            guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
                throw fail("invalid literal in JSON")
            }
            index += expected.count
        }

        private mutating func number() throws(SyntaxError) -> OrderedJSON {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            var digits = 0
            while index < bytes.count, "0123456789.eE+-".utf8.contains(bytes[index]) {
                index += 1
                digits += 1
            }
            let literal = String(decoding: bytes[start..<index], as: UTF8.self)
            guard digits > 0, Self.isNumberLiteral(bytes[start..<index]) else { throw fail("invalid number '\(literal)' in JSON") }
            return .number(literal)
        }

        /// RFC 8259's number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
        static func isNumberLiteral(_ text: ArraySlice<UInt8>) -> Bool {
            var index = text.startIndex
            func digits() -> Int {
                let start = index
                while index < text.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[index]) { index += 1 }
                return index - start
            }
            if index < text.endIndex, text[index] == UInt8(ascii: "-") { index += 1 }
            let leading = index
            let integerDigits = digits()
            guard integerDigits > 0, integerDigits == 1 || text[leading] != UInt8(ascii: "0") else { return false }
            if index < text.endIndex, text[index] == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { return false }
            }
            if index < text.endIndex, text[index] == UInt8(ascii: "e") || text[index] == UInt8(ascii: "E") {
                index += 1
                if index < text.endIndex, text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { return false }
            }
            return index == text.endIndex
        }

        private mutating func string() throws(SyntaxError) -> String {
            index += 1  // opening quote
            // Most strings have no escape: they are one slice of the input.
            var end = index
            while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] != 0x0A {
                end += 1
            }
            if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
                defer { index = end + 1 }
                return String(decoding: bytes[index..<end], as: UTF8.self)
            }
            var scalars: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: scalars, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { throw fail("unterminated string in JSON") }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "n"): scalars.append(0x0A)
                    case UInt8(ascii: "t"): scalars.append(0x09)
                    case UInt8(ascii: "r"): scalars.append(0x0D)
                    case UInt8(ascii: "b"): scalars.append(0x08)
                    case UInt8(ascii: "f"): scalars.append(0x0C)
                    case UInt8(ascii: "u"):
                        var code = try hexCode()
                        // A UTF-16 surrogate pair spells one scalar in two escapes.
                        if (0xD800...0xDBFF).contains(code), index + 6 <= bytes.count,
                           bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                            index += 2
                            let low = try hexCode()
                            if (0xDC00...0xDFFF).contains(low) {
                                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                scalars.append(contentsOf: Array("\u{FFFD}".utf8))
                                code = low
                            }
                        }
                        scalars.append(contentsOf: Array(String(Character(Unicode.Scalar(code) ?? "\u{FFFD}")).utf8))
                    default: scalars.append(escape)
                    }
                case 0x0A:
                    throw fail("unterminated string in JSON")
                default:
                    scalars.append(byte)
                }
            }
            throw fail("unterminated string in JSON")
        }

        private mutating func hexCode() throws(SyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count,
                  let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
            else { throw fail("invalid \\u escape in JSON") }
            index += 4
            return code
        }

        private mutating func array(depth: Int) throws(SyntaxError) -> OrderedJSON {
            index += 1
            var elements: [OrderedJSON] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            while true {
                elements.append(try value(depth: depth + 1))
                skipWhitespace()
                guard index < bytes.count else { throw fail("unterminated array in JSON") }
                let separator = bytes[index]
                index += 1
                if separator == UInt8(ascii: "]") { return .array(elements) }
                guard separator == UInt8(ascii: ",") else { throw fail("expected ',' or ']' in JSON array") }
            }
        }

        private mutating func object(depth: Int) throws(SyntaxError) -> OrderedJSON {
            index += 1
            var members: [Member] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key in JSON object") }
                let key = try string()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':' in JSON object") }
                index += 1
                members.append(Member(key: key, value: try value(depth: depth + 1)))
                skipWhitespace()
                guard index < bytes.count else { throw fail("unterminated object in JSON") }
                let separator = bytes[index]
                index += 1
                if separator == UInt8(ascii: "}") { return .object(members) }
                guard separator == UInt8(ascii: ",") else { throw fail("expected ',' or '}' in JSON object") }
            }
        }
    }
}
