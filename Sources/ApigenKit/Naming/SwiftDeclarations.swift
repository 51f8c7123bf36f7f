/// The Swift declarations apigen generates for one document, decided in one place: which types get a model
/// and under what name, each property's name and Swift type (typed IDs, nested enums, the runtime's
/// types, the JSON fallback), each action's method name and its input and output types. The emitter renders
/// them; `apigen diff` compares those of two documents, so a finding names what a Swift caller sees.
struct SwiftDeclarations: Sendable {
    /// Types that get a model (every type but the common-fields page), by API name.
    let modelTypes: [String: APIType]
    let actionNames: ActionNameSplitter
    private let typeNameOverrides: [String: String]
    /// The Swift name of every model, computed once: the emitter asks for them at every reference.
    private let modelTypeNames: [String: String]
    /// Fields resource pages hide, as the common page (resolved) states them.
    private let commonFields: [Field]
    /// Types a request can carry: their fields are `var`.
    let requestTypes: Set<String>

    init(document: APIDocument, typeNameOverrides: [String: String] = [:]) {
        let models = Self.modelTypes(in: document)
        modelTypes = models
        self.typeNameOverrides = typeNameOverrides
        modelTypeNames = models.mapValues { Self.typeName($0.name, overrides: typeNameOverrides) }
        actionNames = ActionNameSplitter(document: document)
        commonFields = document.types.first { $0.origin == .common }?.fields ?? []
        requestTypes = Self.typesRequestsCarry(in: models)
    }

    /// Every type but the common-fields page, by name.
    static func modelTypes(in document: APIDocument) -> [String: APIType] {
        var models: [String: APIType] = [:]
        for type in document.types where type.origin != .common { models[type.name] = type }
        return models
    }

    // MARK: - Types and properties

    /// The Swift name of an API type: the user's override (`names:` in apigen.yml), else the rule.
    func typeName(_ apiName: String) -> String {
        modelTypeNames[apiName] ?? Self.typeName(apiName, overrides: typeNameOverrides)
    }

    static func typeName(_ apiName: String, overrides: [String: String]) -> String {
        overrides[apiName] ?? SwiftNames.typeName(apiName)
    }

    /// The type's fields as its model declares them; a resource also gets the common fields its page hides
    /// (from the common page, as resolved). The fixed standard fields (`id`, `type`, `links`, `transitioning`, …)
    /// keep the conventions' type whatever a page says, because the runtime's `RancherResource` relies on them;
    /// the standard fields a resource does not declare are read from its object by the runtime.
    func fields(of type: APIType) -> [Field] {
        guard type.kind == .resource else { return type.fields }
        var names = Set<String>()
        return (type.fields + commonFields).filter { names.insert($0.name).inserted }.map(Self.conventional)
    }

    private static func conventional(_ field: Field) -> Field {
        guard let standard = ResourceConventions.standardField(named: field.name), standard.isFixed else { return field }
        var fixed = field
        fixed.type = standard.field.type
        fixed.options = standard.field.options
        if fixed.description.isEmpty { fixed.description = standard.field.description }
        return fixed
    }

    /// The model property of the field `name` of `type`, as the model declares it (a resource's common
    /// fields and conventional types included); nil when the type has no model or no such field.
    func property(named name: String, in type: APIType) -> SwiftProperty? {
        guard modelTypes[type.name] != nil, let field = fields(of: type).first(where: { $0.name == name }) else { return nil }
        return property(for: field, in: type)
    }

    /// The property a field of `type` becomes (in the model, or in its `Create`/`Update` bodies).
    func property(for field: Field, in type: APIType) -> SwiftProperty {
        var name = SwiftNames.memberName(field.name)
        if SwiftNames.reservedMemberNames.contains(name) { name += "Field" }
        let swiftType: SwiftType
        if field.name == "id", field.type.innermost != .scalar(.json) {
            swiftType = .ownID  // Rancher IDs are strings such as "1h5", whatever the table says (often `int`).
        } else if type.kind == .resource, let runtimeType = Self.runtimeFieldTypes[field.name] {
            swiftType = .runtime(runtimeType)
        } else if case .scalar(.enum) = field.type.innermost, let options = field.options, !options.isEmpty {
            swiftType = Self.wrap(field.type, around: .enumeration(enumeration(for: field, options: options)))
        } else {
            swiftType = self.swiftType(field.type)
        }
        return SwiftProperty(name: name, declaration: SwiftNames.declaration(name), type: swiftType)
    }

    /// Resource fields whose Swift type the runtime declares, so that generic code (`RancherResource`) can
    /// read them on any resource.
    private static let runtimeFieldTypes = ["transitioning": "Transitioning"]

    /// The Swift type of an API type: models where the IR names a type with a model, typed IDs for references.
    func swiftType(_ type: TypeRef) -> SwiftType {
        switch type {
        case .reference(let target?) where modelTypes[target] != nil: .id(of: typeName(target))
        case .reference: .standard("String")
        case .named(let name) where modelTypes[name] != nil: .model(typeName(name))
        case .named: .jsonFallback
        case .array(let element): .array(swiftType(element))
        case .map(let value): .dictionary(swiftType(value))
        case .scalar(let scalar): .standard(SwiftNames.scalarType(scalar))
        }
    }

    private static func wrap(_ type: TypeRef, around inner: SwiftType) -> SwiftType {
        switch type {
        case .array(let element): .array(wrap(element, around: inner))
        case .map(let value): .dictionary(wrap(value, around: inner))
        default: inner
        }
    }

    private func enumeration(for field: Field, options: [String]) -> SwiftEnum {
        var typeName = SwiftNames.typeName(field.name)
        if SwiftNames.nestedTypeNames.contains(typeName) { typeName += "Value" }
        // An option listed twice is one case (a repeated raw value does not compile); distinct options
        // that spell the same case name are numbered (`aB`, `aB2`).
        var listed = Set<String>()
        var seen = Set<String>()
        var nextSuffix: [String: Int] = [:]
        let cases = options.filter { listed.insert($0).inserted }.map { option -> SwiftEnum.Case in
            let base = SwiftNames.caseName(option)
            var name = base
            while !seen.insert(name).inserted {
                let suffix = nextSuffix[base, default: 2]
                nextSuffix[base] = suffix + 1
                name = base + String(suffix)
            }
            return SwiftEnum.Case(name: name, rawValue: option)
        }
        return SwiftEnum(typeName: typeName, cases: cases, unknownCase: seen.contains("unknown") ? "undocumented" : "unknown")
    }

    // MARK: - Actions

    /// What a resource client already declares (its operations, and `ResourceCollectionClient`'s calls).
    static let collectionMemberNames: Set<String> = [
        "list", "all", "get", "create", "update", "delete", "client", "wait", "waitUntilSettled", "waitUntilRemoved",
    ]

    /// The client method of an action: `addservicelink` → `addServiceLink`; an action named like an operation or
    /// a collection call (`update`) gets an `Action` suffix.
    func methodName(forAction name: String) -> String {
        let methodName = actionNames.methodName(name)
        return Self.collectionMemberNames.contains(methodName) ? methodName + "Action" : methodName
    }

    /// The Swift type an action takes: its input's model, or nothing (an input without a model is not sent).
    func inputType(of action: Action) -> String? {
        action.input.flatMap { modelTypes[$0] != nil ? typeName($0) : nil }
    }

    /// The Swift type an action returns: its output's model, else the generic, lossless `Resource`.
    func outputType(of action: Action) -> String? {
        action.output.map { modelTypes[$0] != nil ? typeName($0) : "Resource" }
    }

    /// The method as Swift code names it: `NetworkDriverServiceClient.addServiceLink(id:_:)`.
    func methodSignature(of action: Action, in type: APIType) -> String {
        "\(typeName(type.name))Client.\(methodName(forAction: action.name))(id:\(inputType(of: action) == nil ? "" : "_:"))"
    }

    // MARK: - Graph facts

    /// The types a request can carry: action inputs, and the types that creatable or updatable fields (and the
    /// fields of those types, all the way down) hold. Their models get `var` fields, to be changed in place; the
    /// others are what the server said, and `let` fields compile to less code (no setters).
    private static func typesRequestsCarry(in models: [String: APIType]) -> Set<String> {
        var carried = Set<String>()
        var pending: [String] = []
        func carry(_ type: TypeRef) {
            switch type {
            case .named(let name) where models[name] != nil: if carried.insert(name).inserted { pending.append(name) }
            case .array(let element), .map(let element): carry(element)
            default: break
            }
        }
        for type in models.values {
            for action in type.actions {
                if let input = action.input { carry(.named(input)) }
                action.inputFields.forEach { carry($0.type) }
            }
            for field in type.fields where type.kind == .resource && (field.create || field.update) { carry(field.type) }
        }
        while let name = pending.popLast() {
            models[name]?.fields.forEach { carry($0.type) }
        }
        return carried
    }
}

/// A generated property: its name, as declared (keywords in backticks), and its Swift type.
struct SwiftProperty: Sendable, Hashable {
    var name: String
    var declaration: String
    var type: SwiftType
}

/// The Swift type of a property, as a structure: what kind of type it is, not only how it is spelled.
indirect enum SwiftType: Sendable, Hashable {
    /// `String`, `Int`, `Double`, `Bool`, `Date`, `JSONValue`.
    case standard(String)
    /// A generated model.
    case model(String)
    /// The typed ID of another model: `Host.ID`.
    case id(of: String)
    /// The model's own ID: `ID`.
    case ownID
    /// A nested enum of the model.
    case enumeration(SwiftEnum)
    /// A type the runtime declares (`Transitioning`).
    case runtime(String)
    case array(SwiftType)
    case dictionary(SwiftType)
    /// A type the docs name but never describe: read as `JSONValue`.
    case jsonFallback

    /// As the model declares it, e.g. `[String: Host.ID]`, `Mode`.
    var spelling: String { spelling(nestedIn: nil) }

    /// As code outside the model names it: nested enums and the own ID qualified, e.g. `Service.Mode`.
    func spelling(nestedIn owner: String?) -> String {
        let prefix = owner.map { $0 + "." } ?? ""
        return switch self {
        case .standard(let name), .model(let name), .runtime(let name): name
        case .id(let target): "\(target).ID"
        case .ownID: prefix + "ID"
        case .enumeration(let enumeration): prefix + enumeration.typeName
        case .array(let element): "[\(element.spelling(nestedIn: owner))]"
        case .dictionary(let value): "[String: \(value.spelling(nestedIn: owner))]"
        case .jsonFallback: "JSONValue"
        }
    }

    /// The kind, for templates: `standard`, `model`, `id`, `enum`, `runtime`, `array`, `dictionary`, `json`.
    var kind: String {
        switch self {
        case .standard: "standard"
        case .model: "model"
        case .id, .ownID: "id"
        case .enumeration: "enum"
        case .runtime: "runtime"
        case .array: "array"
        case .dictionary: "dictionary"
        case .jsonFallback: "json"
        }
    }

    /// The nested enum this type holds, directly or as array or map elements.
    var enumeration: SwiftEnum? {
        switch self {
        case .enumeration(let enumeration): enumeration
        case .array(let inner), .dictionary(let inner): inner.enumeration
        default: nil
        }
    }
}

/// A nested enum: its cases keep the API's values; values the docs do not list go to `unknownCase`.
struct SwiftEnum: Sendable, Hashable {
    struct Case: Sendable, Hashable {
        var name: String
        var rawValue: String
    }

    var typeName: String
    var cases: [Case]
    /// `unknown`, or `undocumented` when an option is itself called `unknown`.
    var unknownCase: String
}
