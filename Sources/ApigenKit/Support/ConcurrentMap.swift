import Dispatch
import Synchronization

/// `map` over the cores, results in input order: parsing pages and rendering files are independent jobs.
enum ConcurrentMap {
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        map(elements, visiting: Array(elements.indices), transform)
    }

    /// `map` that starts the heaviest elements first, so the cores finish together: with the input
    /// order, one large page parsed last kept a core busy while the other waited.
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], heaviestFirst weight: (Element) -> Int, _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        map(elements, visiting: elements.indices.sorted { weight(elements[$0]) > weight(elements[$1]) }, transform)
    }

    /// Transforms the elements in the order `order` gives their indices; results stay in input order.
    private static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], visiting order: [Int], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let results = Mutex<[Result?]>(Array(repeating: nil, count: elements.count))
        DispatchQueue.concurrentPerform(iterations: elements.count) { position in
            let index = order[position]
            let result = transform(elements[index])
            results.withLock { $0[index] = result }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
