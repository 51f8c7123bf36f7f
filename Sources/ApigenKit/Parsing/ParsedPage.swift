/// What one page says, before the set-level pass weighs link evidence across pages.
struct ParsedPage: Sendable {
    /// The schema id: the page's folder or file name.
    var name: String
    var file: String
    var heading: String
    var headingLine: Int
    var kind: APIType.Kind
    var origin: APIType.Origin
    var description: String
    var fields: [RawField]
    var operations: [RawOperation]
    var actions: [RawAction]
    var frontMatter: FrontMatter?
}

/// A table row whose Type cell may still hold undecided links.
struct RawField: Sendable {
    var name: String
    var cell: TypeGrammar.CellType
    var line: Int
    var writable: Bool
    var create: Bool
    var required: Bool
    var update: Bool
    var `default`: String?
    var options: [String]?
    var description: String
}

/// A curl example's JSON body and where it was found.
struct RawExample: Sendable {
    var json: OrderedJSON
    var line: Int
}

struct RawOperation: Sendable {
    var operation: Operation
    var line: Int
    var body: RawExample?
}

struct RawAction: Sendable {
    var name: String
    var method: String
    var path: String
    var input: String?
    var output: String?
    var inputFields: [RawField]
    var line: Int
    var body: RawExample?
}
