/// The values the templates see. Every template gets `access` and `moduleName`; see
/// Templates/README.md for what each template receives. Names are already Swift names (escaped where
/// needed): templates only lay text out.

/// `Swift/Model.swift`: one model type.
struct ModelContext: Sendable {
    var access: String
    var moduleName: String
    /// The API's name for the type, e.g. `networkDriverService`, and as a Swift string literal.
    var apiName: String
    var apiNameLiteral: String
    /// The Swift type name, e.g. `NetworkDriverService`.
    var typeName: String
    /// Doc comment lines, `///` included (comment syntax is Swift's business, not the template's).
    var doc: [String]
    /// Resources conform to `RancherResource` and get their client.
    var isResource: Bool
    /// Whether the properties can be set: the types requests carry (`launchConfig`, action inputs), so
    /// they can be changed in place; not resources and the types only responses hold (what the server said).
    var isMutable: Bool
    /// The Swift expression of the resource's state as text (`state`, or `state?.rawValue` for an enum); absent
    /// when the model does not declare `state` (the runtime reads it from the object).
    var stateText: String?
    var properties: [PropertyContext]
    /// Whether some property name differs from its JSON key. The built-in templates key every field by its
    /// `jsonKeyLiteral` and need no `CodingKeys`; a template that declares them uses this.
    var needsCodingKeys: Bool
    var enums: [EnumContext]
    var createPayload: PayloadContext?
    var updatePayload: PayloadContext?
}

struct PropertyContext: Sendable {
    /// As declared, keywords in backticks (`` `default` ``).
    var name: String
    /// The JSON key.
    var jsonKey: String
    /// The JSON key as a Swift string literal, quotes included.
    var jsonKeyLiteral: String
    /// The Swift type without the optional mark, e.g. `[String: JSONValue]`.
    var type: String
    /// What kind of type that is (`SwiftType.kind`): `standard`, `model`, `id`, `enum`, `runtime`,
    /// `array`, `dictionary`, or `json` for a type the docs name but never describe.
    var typeKind: String
    var isOptional: Bool
    var doc: [String]
    /// `,` after every parameter but the last, for parameter lists.
    var separator: String
}

struct EnumContext: Sendable {
    var typeName: String
    var doc: [String]
    var cases: [EnumCaseContext]
    /// The case that keeps values the docs did not list: `unknown` unless an option is called that.
    var unknownCase: String
}

struct EnumCaseContext: Sendable {
    var name: String
    /// The API's value as a Swift string literal.
    var rawLiteral: String
}

/// A `Create` or `Update` request body.
struct PayloadContext: Sendable {
    var typeName: String
    /// The `Update` body: it can send `null` to clear a field.
    var isUpdate: Bool
    var doc: [String]
    var properties: [PropertyContext]
    var needsCodingKeys: Bool
    var hasRequired: Bool
}

/// `Swift/ResourceClient.swift`: the client of one resource.
struct ResourceClientContext: Sendable {
    var access: String
    var moduleName: String
    var apiName: String
    var typeName: String
    /// e.g. `NetworkDriverServiceClient`.
    var clientTypeName: String
    /// The `RancherClient` property, from the collection URL: `networkDriverServices`.
    var accessorName: String
    var collectionPath: String
    var collectionPathLiteral: String
    /// The collection path as the test server sees it (`${PROJECT_ID}` is the tests' `1a5`).
    var collectionRequestPathLiteral: String
    var itemPathLiteral: String
    var create: OperationContext?
    var update: OperationContext?
    var delete: OperationContext?
    var actions: [ActionContext]
}

struct OperationContext: Sendable {
    var method: String
    var path: String
    var pathLiteral: String
    /// The request body type (`NetworkDriverService.Create`), if the operation sends one.
    var bodyType: String?
    /// For the generated tests: a call with placeholder arguments, and the path the server sees.
    var call: String
    var requestPathLiteral: String
}

struct ActionContext: Sendable {
    /// The API name, as sent in `?action=`, and as a Swift string literal.
    var apiName: String
    var apiNameLiteral: String
    /// The Swift method name, e.g. `addServiceLink`.
    var methodName: String
    var method: String
    var path: String
    var pathLiteral: String
    var doc: [String]
    /// The input model, if the action takes one.
    var inputType: String?
    /// The decoded output: a model, or `JSONValue` where the docs name none we know.
    var outputType: String
    var hasOutput: Bool
    /// For the generated tests: a call with placeholder arguments, the path and query the server sees,
    /// and a name unique among the tests.
    var call: String
    /// `, Input()`, or nothing: the input argument of calls in tests.
    var inputArgument: String
    var requestPathLiteral: String
    var queryLiteral: String
    var testName: String
}

/// `Swift/Package.swift`, `Swift/README.md`, `Swift/ResourceTypes.swift`, `DocC/GettingStarted.md`: the whole package.
struct PackageContext: Sendable {
    var access: String
    var moduleName: String
    var docsVersion: String
    var apiVersion: String
    var resources: [ResourceSummary]
    /// The first resource, for examples.
    var firstResource: ResourceSummary?
    var types: [ResourceSummary]
    /// Every model that is a resource, with or without a collection.
    var resourceModels: [ResourceSummary]
    /// The README's examples, where the API has what they need.
    var deployExample: DeployExampleContext?
    var exampleAction: ExampleActionContext?
    /// The package's API modules, in order: this one alone, or all of a package that holds several.
    var modules: [PackageModule]
}

/// The README's deploy workflow: Swift names of the collection, types and the finishing action.
struct DeployExampleContext: Sendable {
    var accessorName: String
    var launchConfigType: String
    /// The Swift name of `launchConfig.imageUuid`.
    var imageProperty: String
    var upgradeType: String
    var strategyType: String
    var finishMethod: String
}

/// The README's action example: an action without input, its API name (as a literal) and its method.
struct ExampleActionContext: Sendable {
    var accessorName: String
    var methodName: String
    var apiNameLiteral: String
}

struct ResourceSummary: Sendable {
    var typeName: String
    var apiName: String
    var apiNameLiteral: String
    var accessorName: String
    /// The first sentence of the description; absent when there is none.
    var summary: String?
}
