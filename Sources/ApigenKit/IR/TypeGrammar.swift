/// Parses Rancher's type grammar. The docs' Type cells use the same grammar with
/// links in place of type names; `parseCell` reads those, with each link written `{target}`.
public enum TypeGrammar {
    public struct SyntaxError: Error, Hashable, CustomStringConvertible {
        public var text: String
        public var reason: String
        public var description: String { "\(reason) in '\(text)'" }
    }

    /// A Type cell before link evidence is weighed: links are still undecided.
    public indirect enum CellType: Sendable, Hashable {
        case scalar(TypeRef.Scalar)
        case reference(String?)
        case array(CellType)
        case map(CellType)
        /// A bare word that is neither a scalar nor a link, e.g. a typo or `bool`.
        case word(String)
        /// `[x](…/api-resources/x/)`: a reference, an embedded object or `password`, to be decided.
        case link(String)
        /// An empty cell (action input tables leave scalars' types out).
        case empty
    }

    /// Parses a canonical grammar string such as `array[reference[instance]]`.
    public static func parse(_ text: String) throws(SyntaxError) -> TypeRef {
        var parser = Parser(text: text, allowsLinks: false)
        let cell = try parser.parseComplete()
        guard let type = cell.canonical else {
            throw SyntaxError(text: text, reason: "empty type")
        }
        return type
    }

    /// Parses a Type cell in which links were rewritten as `{target}`.
    public static func parseCell(_ text: String) throws(SyntaxError) -> CellType {
        var parser = Parser(text: text, allowsLinks: true)
        return try parser.parseComplete()
    }

    private struct Parser {
        let scalars: [UInt8]
        let text: String
        let allowsLinks: Bool
        var index = 0
        /// Deeper nesting is rejected rather than risk the stack on hostile input.
        var depth = 0
        static let maximumDepth = 64

        init(text: String, allowsLinks: Bool) {
            self.text = text
            self.scalars = Array(text.utf8)
            self.allowsLinks = allowsLinks
        }

        mutating func parseComplete() throws(SyntaxError) -> CellType {
            skipSpaces()
            if index == scalars.count { return .empty }
            let result = try parseType()
            skipSpaces()
            guard index == scalars.count else { throw fail("unexpected '\(rest)'") }
            return result
        }

        private var rest: String { String(decoding: scalars[index...], as: UTF8.self) }

        private func fail(_ reason: String) -> SyntaxError { SyntaxError(text: text, reason: reason) }

        private mutating func skipSpaces() {
            while index < scalars.count, scalars[index] == UInt8(ascii: " ") { index += 1 }
        }

        private mutating func expect(_ byte: UInt8) throws(SyntaxError) {
            skipSpaces()
            guard index < scalars.count, scalars[index] == byte else {
                throw fail("expected '\(Character(Unicode.Scalar(byte)))'")
            }
            index += 1
        }

        private mutating func word() -> String {
            let start = index
            while index < scalars.count, Self.isWordByte(scalars[index]) { index += 1 }
            return String(decoding: scalars[start..<index], as: UTF8.self)
        }

        private static func isWordByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
                true
            default: false
            }
        }

        private mutating func parseType() throws(SyntaxError) -> CellType {
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else { throw fail("type nested too deeply") }
            skipSpaces()
            if allowsLinks, index < scalars.count, scalars[index] == UInt8(ascii: "{") {
                index += 1
                let target = word()
                guard !target.isEmpty else { throw fail("empty link") }
                try expect(UInt8(ascii: "}"))
                return .link(target)
            }
            let name = word()
            guard !name.isEmpty else { throw fail(index < scalars.count ? "unexpected '\(rest)'" : "missing type") }
            let hasArgument = index < scalars.count && scalars[index] == UInt8(ascii: "[")
            if hasArgument, name == "array" || name == "map" || name == "reference" {
                index += 1
                let argument = try parseType()
                try expect(UInt8(ascii: "]"))
                switch (name, argument) {
                case ("array", _): return .array(argument)
                case ("map", _): return .map(argument)
                case (_, .link(let target)), (_, .word(let target)): return .reference(target)
                default: throw fail("reference[…] takes a type name")
                }
            }
            switch name {
            case "reference":
                return .reference(nil)
            default:
                if hasArgument { throw fail("'\(name)' takes no argument") }
                if let scalar = TypeRef.Scalar(rawValue: name) { return .scalar(scalar) }
                return .word(name)
            }
        }
    }
}

extension TypeGrammar.CellType {
    /// The cell as a canonical type when it holds no undecided link; a bare word is a type name.
    public var canonical: TypeRef? {
        switch self {
        case .scalar(let scalar): .scalar(scalar)
        case .reference(let target): .reference(target)
        case .array(let element): element.canonical.map(TypeRef.array)
        case .map(let element): element.canonical.map(TypeRef.map)
        case .word(let name): .named(name)
        case .link, .empty: nil
        }
    }
}
