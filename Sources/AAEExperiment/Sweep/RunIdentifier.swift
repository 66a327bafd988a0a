import AAECore

/// The names of a sweep's run folders: readable and stable, derived from each
/// run's assignments alone (`latent_dim=2,lr=0.001,seed=1`).
///
/// Each key is named by its last path component, or by as many trailing
/// components as make it unique among the swept keys
/// (`weights.reconstruction`). Characters that do not belong in a file name
/// become `_`; an id longer than `maximumLength` is cut and ends with a hash of
/// the full text, as do ids that sanitising made equal.
public enum RunIdentifier {
    public static let maximumLength = 80
    /// Characters kept in names and values; every other one becomes `_`.
    static let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-")

    /// The ids of `points` (each a run's assignments), in order.
    /// - Throws: `SweepError` when two points assign the same values.
    public static func ids(for points: [[SweepAssignment]]) throws -> [String] {
        let keyPaths = points.flatMap { $0.map(\.keyPath) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let names = shortNames(keyPaths)
        let texts = points.map { point in
            point.map { "\(names[$0.keyPath] ?? $0.keyPath)=\($0.value.label)" }.joined(separator: ",")
        }
        var firstIndex: [String: Int] = [:]
        for (index, text) in texts.enumerated() {
            if let earlier = firstIndex[text] {
                throw SweepError("runs \(earlier + 1) and \(index + 1) of the sweep are the same point (\(text)); "
                                 + "each run must differ in some value")
            }
            firstIndex[text] = index
        }
        var ids = zip(points, texts).map { point, text in
            fit(point.map { sanitise(names[$0.keyPath] ?? $0.keyPath) + "=" + sanitise($0.value.label) }
                .joined(separator: ","), fullText: text)
        }
        let counts = ids.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        for index in ids.indices where counts[ids[index], default: 0] > 1 {
            ids[index] = fit(ids[index], fullText: texts[index], forceHash: true)
        }
        return ids
    }

    /// For each key path, its shortest unique suffix of components.
    static func shortNames(_ keyPaths: [String]) -> [String: String] {
        let components = keyPaths.map { $0.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }
        var names: [String: String] = [:]
        for (path, parts) in zip(keyPaths, components) {
            for length in 1...parts.count {
                let suffix = Array(parts.suffix(length))
                let clashes = components.contains { $0 != parts && Array($0.suffix(length)) == suffix }
                if !clashes || length == parts.count {
                    names[path] = suffix.joined(separator: ".")
                    break
                }
            }
        }
        return names
    }

    /// `text` with every character outside `allowed` replaced by `_`, runs of
    /// `_` collapsed and edge `_` removed (`[dense 64, relu]` is `dense_64_relu`).
    static func sanitise(_ text: String) -> String {
        var result = ""
        for character in text {
            let kept: Character = allowed.contains(character) ? character : "_"
            if kept == "_", result.last == "_" { continue }
            result.append(kept)
        }
        while result.hasPrefix("_") { result.removeFirst() }
        while result.hasSuffix("_") { result.removeLast() }
        return result.isEmpty ? "_" : result
    }

    /// `id` itself when short enough, else cut and suffixed with the hash of `fullText`.
    private static func fit(_ id: String, fullText: String, forceHash: Bool = false) -> String {
        guard id.count > maximumLength || forceHash else { return id }
        let hash = String(FNV1a.hash(fullText), radix: 16)
        let digits = String(repeating: "0", count: 16 - hash.count) + hash
        let suffix = "-" + digits.prefix(12)
        return String(id.prefix(maximumLength - suffix.count)) + suffix
    }
}
