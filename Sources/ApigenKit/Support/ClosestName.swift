/// The closest of a set of names to a misspelt one, for "did you mean" in error messages.
enum ClosestName {
    /// The candidate with the fewest single-character edits from `name`, if it is close enough to be a typo
    /// (at most a third of the name's length, and at least one edit allowed).
    static func match(for name: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(1, name.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(Array(name.lowercased().utf8), Array(candidate.lowercased().utf8))
            if distance <= limit, distance < (best?.distance ?? .max) || (distance == best?.distance && candidate < best!.name) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// Levenshtein distance, two rows at a time.
    static func editDistance(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        var previous = Array(0...rhs.count)
        var current = previous
        for (i, left) in lhs.enumerated() {
            current[0] = i + 1
            for (j, right) in rhs.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[rhs.count]
    }

    /// `; did you mean 'x'?` when there is a close candidate, else nothing.
    static func suggestion(for name: String, in candidates: some Sequence<String>) -> String {
        match(for: name, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
