/// Turns run-together action names into Swift method names: `addservicelink` → `addServiceLink`.
///
/// The words come from the API itself (every camel-case word of its type, field and action names),
/// so the split follows the API's own vocabulary; a name that cannot be split stays as it is.
struct ActionNameSplitter: Sendable {
    private let vocabulary: Set<String>
    private let longestWord: Int

    init(document: APIDocument) {
        var words = Set<String>()
        func add(_ identifier: String) {
            var word = ""
            for character in identifier {
                if character.isUppercase, !word.isEmpty {
                    words.insert(word.lowercased())
                    word = ""
                }
                if character.isLetter { word.append(character) } else if !word.isEmpty {
                    words.insert(word.lowercased())
                    word = ""
                }
            }
            if !word.isEmpty { words.insert(word.lowercased()) }
        }
        for type in document.types {
            add(type.name)
            for field in type.fields + type.actions.flatMap(\.inputFields) { add(field.name) }
            for action in type.actions { add(action.input ?? ""); add(action.output ?? "") }
        }
        // Verbs that name actions but rarely fields.
        for verb in ["add", "remove", "set", "cancel", "continue", "finish", "revert", "restore", "export", "create",
                     "activate", "deactivate", "reactivate", "reconnect", "evacuate", "purge", "replay", "from", "to"] {
            words.insert(verb)
        }
        // Real words are short; a 1,000-letter "word" would make the split below cubic.
        vocabulary = words.filter { (2...Self.longestKnownWord).contains($0.count) }
        longestWord = vocabulary.map(\.count).max() ?? 0
    }

    static let longestKnownWord = 40

    func methodName(_ action: String) -> String {
        guard action == action.lowercased(), action.count <= 8 * Self.longestKnownWord, let words = split(Array(action)) else {
            return SwiftNames.methodName(action)
        }
        return SwiftNames.memberName(words.map(SwiftNames.capitalizedFirst).joined())
    }

    /// The split into the fewest known words, or nil when none covers the whole name.
    private func split(_ characters: [Character]) -> [String]? {
        let count = characters.count
        var best: [[String]?] = Array(repeating: nil, count: count + 1)
        best[0] = []
        guard count > 0 else { return nil }
        for end in 1...count {
            for length in 1...min(end, longestWord) {
                guard let prefix = best[end - length] else { continue }
                let word = String(characters[(end - length)..<end])
                guard vocabulary.contains(word) else { continue }
                if prefix.count + 1 < best[end]?.count ?? Int.max { best[end] = prefix + [word] }
            }
        }
        guard let words = best[count], words.count > 1 else { return nil }
        return words
    }
}
