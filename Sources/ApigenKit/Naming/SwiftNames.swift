/// How API names become Swift names. The emitter and the Swift view of `apigen diff` share these
/// rules, so a change of generated name is seen the same way by both.
public enum SwiftNames {
    /// Words Swift reserves in declaration position; a property or case with one of these names is
    /// written in backticks.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw",
        "switch", "where", "while", "as", "Any", "false", "is", "nil", "self", "Self", "super", "throws", "true",
        "try", "await", "async", "consume", "copy", "discard", "each", "macro", "package", "some", "any",
    ]

    /// Standard library and Foundation type names that code importing both Foundation and the SDK meets, which
    /// the generated code itself does not use: a model named so would make them ambiguous in user code, so the
    /// rule adds `Model` (`host` → `HostModel`); a `names:` entry in apigen.yml may still choose one.
    static let foundationTypeNames: Set<String> = [
        "Actor", "Bundle", "Calendar", "Character", "CharacterSet", "ClosedRange", "Collection", "Comparable",
        "DateComponents", "DateFormatter", "Decimal", "FileManager", "Float", "Formatter", "Host", "Identifiable",
        "IndexPath", "IndexSet", "KeyPath", "Locale", "MainActor", "Measurement", "Notification", "NotificationCenter",
        "NSError", "NumberFormatter", "ObjectIdentifier", "Operation", "OperationQueue", "Port", "Process",
        "ProcessInfo", "Progress", "Range", "RunLoop", "Scanner", "Sequence", "Stream", "TaskGroup", "TimeZone",
        "Timer", "UInt", "UInt64", "Unit", "UserDefaults", "UUID",
    ]

    /// Type names a model must not take, whoever chooses it: the standard library and Foundation types the
    /// generated code uses, and the runtime's own types (Runtime/RancherRuntime). A Rancher `task` becomes `TaskModel`.
    static let reservedTypeNames = Set<String>([
        "ContinuousClock", "Decodable", "Encodable", "Equatable", "Int64", "NSObject", "StaticString", "TimeInterval",
        // Swift and Foundation, as used by the generated code and its tests.
        "Any", "Array", "AsyncIteratorProtocol", "AsyncSequence", "Bool", "CancellationError", "Codable", "CodingKey",
        "Data", "Date", "Decoder", "Dictionary", "Double", "Encoder", "Error", "Hashable", "Hasher", "Int", "Int32",
        "JSONDecoder", "JSONEncoder", "LocalizedError", "Mirror", "NSLock", "Never", "Optional", "Protocol",
        "RawRepresentable", "Result", "Self", "Sendable", "Set", "String", "Substring", "Task", "Thread", "Type",
        "UInt8", "URL", "URLComponents", "URLError", "URLQueryItem", "URLRequest", "URLSession",
        "URLSessionConfiguration", "Void",
        // The runtime (every type Runtime/RancherRuntime declares; a test checks the list is complete) and the
        // generated registry.
        "APIError", "APIRequest", "APIVersion", "BasicCredentials", "ChallengedResponses", "DecodingFailure", "DigitScanner",
        "Duration", "ErrorEnvelope", "FieldDecoder", "FieldKey", "HTTPExchange", "HTTPRequest", "HTTPResponse", "HTTPTransport",
        "ISO8601Timestamp", "JSONConvertible", "JSONObjectValue", "JSONParser", "JSONValue", "ListOptions", "Page", "PageSequence", "Pagination", "PercentEncoding",
        "RancherClient", "RancherCoding", "RancherEnum", "RancherModel", "RancherError", "RancherResource", "RedirectRefusal", "ResourceStandardFields",
        "Resource", "ResourceCollectionClient", "ResourceModelCatalog", "ResourceID", "ResourceTypes", "RetryPolicy", "Schema",
        "SchemaAction", "SchemaField", "SchemaFilter", "ServerEndpoint", "SortOrder", "StartedTask", "Transitioning", "TypeMismatch",
        "URLSessionTransport", "WaitPolicy",
    ]).union(nestedTypeNames)

    /// Member names every model declares itself (`RancherModel`): a field with one of these names gets a
    /// `Field` suffix (`jsonObjectField`), as its property would clash.
    static let reservedMemberNames: Set<String> = ["jsonObject", "jsonValue", "additionalFields"]

    /// Names the model template declares inside every model: a nested enum may not take them either.
    static let nestedTypeNames: Set<String> = ["ID", "Create", "Update", "CodingKeys"]

    /// Initialisms written in capitals wherever they are not the first word of a member name (Swift API
    /// Design Guidelines: `stackID`, `imageUUID`, `LBTargetConfig`, but `ipAddress`). Keys are the lowercase
    /// word; a plural takes a lowercase `s` (`instanceIDs`).
    static let acronyms: [String: String] = Dictionary(uniqueKeysWithValues: [
        "ACL", "API", "CA", "CIDR", "CNI", "CPU", "CSR", "DN", "DNS", "FQDN", "HA", "HTTP", "HTTPS", "ID", "IO",
        "IP", "JSON", "LB", "OS", "SSH", "SSL", "TCP", "TLS", "TTL", "UDP", "UI", "URI", "URL", "UUID", "VIP", "VM",
    ].map { ($0.lowercased(), $0) })

    /// `networkDriverService` → `NetworkDriverService`, `lbTargetConfig` → `LBTargetConfig`; clashes with
    /// reserved and Foundation names get a `Model` suffix (`TaskModel`, `HostModel`).
    public static func typeName(_ apiName: String) -> String {
        let words = words(in: apiName)
        var name = words.flatMap(humps).map(capitalizedHump).joined()
        if name.isEmpty { name = "Unnamed" }
        if name.first?.isNumber == true { name = "_" + name }
        return reservedTypeNames.contains(name) || foundationTypeNames.contains(name) ? name + "Model" : name
    }

    /// `healthState` → `healthState`; `ip6` → `ip6`; `created[TS]` → `createdTS`; `default` → `default`
    /// (backticked on declaration by `declaration(_:)`).
    public static func memberName(_ apiName: String) -> String {
        let humps = words(in: apiName).flatMap(humps)
        guard let first = humps.first else { return "unnamed" }
        var name = first.lowercased() + humps.dropFirst().map(capitalizedHump).joined()
        if name.first?.isNumber == true { name = "_" + name }
        return name
    }

    /// `restart`, `addservicelink` → `addservicelink`: action names are kept as the API spells them,
    /// made valid.
    public static func methodName(_ apiName: String) -> String { memberName(apiName) }

    /// The name as written in a declaration: keywords in backticks.
    public static func declaration(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// `recreate` → `recreate`, `AdminAuth` → `adminAuth`, `multiHostRW` → `multiHostRW`,
    /// `NET_ADMIN` → `netAdmin`, `http-01` → `http01`.
    public static func caseName(_ value: String) -> String {
        let isShouting = value.contains("_") && value == value.uppercased()
        let source = isShouting ? value.lowercased() : value
        let name = memberName(source)
        return name.isEmpty ? "empty" : name
    }

    /// The Swift type of a scalar API type (`SwiftDeclarations` decides the others, which need the document).
    static func scalarType(_ scalar: TypeRef.Scalar) -> String {
        switch scalar {
        case .string, .password, .blob, .enum: "String"
        case .int: "Int"
        case .float: "Double"
        case .boolean: "Bool"
        case .date: "Date"
        case .json: "JSONValue"
        }
    }

    /// `text` as a Swift string literal, quotes included; `${ID}` needs no escaping, `\(` would.
    public static func stringLiteral(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 { result += "\\u{\(String(scalar.value, radix: 16))}" } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    /// A module name must be a plain identifier: letters, digits and `_`, not starting with a digit.
    public static func isValidModuleName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "_") && $0.isASCII } && !keywords.contains(name)
    }

    /// Splits on anything that is not a letter or digit, keeping camel-case humps intact.
    static func words(in text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber) || !$0.isASCII }).map(String.init)
    }

    /// An API name as words for a title: `dnsServices` → `DNS Services`, `networkDriverService` → `Network Driver
    /// Service` (initialisms in capitals, as in Swift names).
    static func title(_ apiName: String) -> String {
        words(in: apiName).flatMap(humps).map(capitalizedHump).joined(separator: " ")
    }

    /// The camel-case humps of a word: `imageUuid` → `image`, `Uuid`; `URLPath` → `URL`, `Path`;
    /// `ip6Address` → `ip6`, `Address`. Digits stay with the letters before them.
    static func humps(_ word: String) -> [String] {
        let characters = Array(word)
        var humps: [String] = []
        var start = 0
        for index in characters.indices.dropFirst() {
            let character = characters[index], previous = characters[index - 1]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let startsHump = character.isUppercase
                && (previous.isLowercase || previous.isNumber || (previous.isUppercase && next?.isLowercase == true))
            if startsHump {
                humps.append(String(characters[start..<index]))
                start = index
            }
        }
        humps.append(String(characters[start...]))
        return humps
    }

    /// A hump as it is written after the first: capitalised, or in capitals when it is an initialism
    /// (`Uuid` → `UUID`, `ids` → `IDs`, `ip6` → `IP6`).
    static func capitalizedHump(_ hump: String) -> String {
        let letters = hump.prefix { $0.isLetter }
        let rest = hump.dropFirst(letters.count)
        let key = letters.lowercased()
        if let acronym = acronyms[key] { return acronym + rest }
        if key.count > 2, key.hasSuffix("s"), let acronym = acronyms[String(key.dropLast())] { return acronym + "s" + rest }
        return capitalizedFirst(hump)
    }

    static func capitalizedFirst(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    static func lowercasedFirst(_ word: String) -> String {
        guard let first = word.first else { return word }
        // `URLPath` → `urlPath`: lower the leading run of capitals except the last before a lowercase.
        let characters = Array(word)
        var end = 0
        while end < characters.count, characters[end].isUppercase { end += 1 }
        if end <= 1 { return first.lowercased() + word.dropFirst() }
        if end == characters.count { return word.lowercased() }
        return String(characters[..<(end - 1)]).lowercased() + String(characters[(end - 1)...])
    }
}
