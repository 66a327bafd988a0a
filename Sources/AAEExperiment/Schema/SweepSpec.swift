import AAECore
import Foundation
import Yams

/// The `sweep:` section of an experiment file: which keys a sweep varies and
/// how, each run of the sweep being the file with some keys overridden.
///
///     sweep:
///       grid: {model.latent_dim: [2, 8], optimizer.lr: [0.0002, 0.001]}   # every combination
///       zip: {loss.weights.reconstruction: [0.999, 0.99], loss.weights.adversarial: [0.001, 0.01]}
///       random: {samples: 8, seed: 3, space: {optimizer.lr: {log_uniform: [1e-4, 1e-2]}}}
///       seeds: [1, 2, 3]
///
/// The parts combine as a cartesian product, in the order grid × zip × random
/// × seeds (the last varying fastest). Here only the shape of the section is
/// checked; whether each key and value suits the schema is checked by reading
/// the file once per run with that run's overrides (`SweepPlan`).
public struct SweepSpec: Sendable, Equatable {
    /// A swept key path and where the file names it, for diagnostics.
    public struct Key: Sendable, Equatable {
        /// The dotted key path, e.g. `model.latent_dim`.
        public var path: String
        public var file: String
        public var line: Int
        public var column: Int

        public var components: [String] { path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }

        /// Keys are equal when they name the same path, wherever they were written.
        public static func == (a: Key, b: Key) -> Bool { a.path == b.path }
    }

    /// One value a key takes: YAML text for the override and a short label for
    /// run ids and summary columns.
    public struct Value: Sendable, Equatable {
        /// Flow-style YAML that reads back as the value (`0.001`, `[dense 64, relu]`).
        public var yaml: String
        /// The value as written, without quotes (`0.001`, `[dense 64, relu]`); a
        /// mapping is shortened to its `kind` and its other entries
        /// (`{kind: uniform, low: -2}` is `uniform low=-2`).
        public var label: String

        public init(yaml: String, label: String) {
            self.yaml = yaml
            self.label = label
        }
    }

    /// A key with its list of values (a grid axis, or a zip column).
    public struct Axis: Sendable, Equatable {
        public var key: Key
        public var values: [Value]
    }

    /// How a random search draws one key's value.
    public enum Distribution: Sendable, Equatable {
        case uniform(low: Double, high: Double)
        /// Uniform in the logarithm: for scales such as learning rates.
        case logUniform(low: Double, high: Double)
        case choice([Value])
    }

    /// A key of a random search's space.
    public struct Dimension: Sendable, Equatable {
        public var key: Key
        public var distribution: Distribution
    }

    /// `samples` points drawn from `space` with the search's own seed.
    public struct RandomSearch: Sendable, Equatable {
        public var samples: Int
        public var seed: UInt64
        public var space: [Dimension]
    }

    /// Every combination of the axes' values.
    public var grid: [Axis]
    /// Columns taken element by element (all of one length).
    public var zip: [Axis]
    public var random: RandomSearch?
    /// Each point is run once per seed, the seed replacing the file's `seed`.
    public var seeds: [UInt64]

    /// Every swept key, in the order of the file: grid, zip, random.
    public var keys: [Key] { grid.map(\.key) + zip.map(\.key) + (random?.space.map(\.key) ?? []) }

    /// The number of runs the sweep expands to (`Int.max` when that overflows).
    public var runCount: Int {
        let factors = grid.map(\.values.count) + [zip.first?.values.count ?? 1, random?.samples ?? 1, max(seeds.count, 1)]
        return factors.reduce(1) { product, factor in
            let (result, overflow) = product.multipliedReportingOverflow(by: factor)
            return overflow ? Int.max : result
        }
    }
}

extension SweepSpec {
    static let sectionKeys = ["grid", "zip", "random", "seeds"]
    /// Root keys a sweep may not vary: they are read before overrides apply, or describe the sweep itself.
    static let unsweepableRoots = [ExtendsResolver.key, "sweep"]
    static let distributionNames = ["uniform", "log_uniform", "choice"]
    static let maximumRuns = 100_000

    static func read(_ node: ConfigNode) -> SweepSpec? {
        guard let fields = node.fields(sectionKeys) else { return nil }
        var seen: [String: Key] = [:]
        let grid = fields["grid"].flatMap { readAxes($0, seen: &seen) } ?? []
        let zipped = fields["zip"].flatMap { readAxes($0, seen: &seen) } ?? []
        if let first = zipped.first {
            for (axis, node) in zipped.dropFirst() where axis.values.count != first.axis.values.count {
                node.error("`zip` takes its lists element by element, so they must have equal lengths: "
                           + "`\(axis.key.path)` has \(axis.values.count), `\(first.axis.key.path)` \(first.axis.values.count)")
            }
        }
        let zip = zipped.map(\.axis)
        let random = fields["random"].flatMap { readRandom($0, seen: &seen) }
        let seeds = fields["seeds"].flatMap(readSeeds) ?? []
        if let seedsNode = fields["seeds"], let key = seen["seed"] {
            seedsNode.error("`seeds` sets each run's seed, so `seed` cannot also be swept (line \(key.line))")
        }
        let spec = SweepSpec(grid: grid.map(\.axis), zip: zip, random: random, seeds: seeds)
        if grid.isEmpty, zip.isEmpty, random == nil, seeds.isEmpty {
            if node.entryCount == 0 { node.error("a sweep needs at least one of grid, zip, random or seeds") }
            return nil
        }
        if spec.runCount > maximumRuns {
            node.error("the sweep expands to \(spec.runCount) runs; at most \(maximumRuns) are allowed")
        }
        return spec
    }

    /// The entries of a mapping in the order of the file, each key checked.
    private static func entries(_ node: ConfigNode, seen: inout [String: Key]) -> [(Key, ConfigNode)]? {
        guard case .mapping(let mapping) = node.node else {
            node.error("expected a mapping of key paths to values, found \(node.found)")
            return nil
        }
        var result: [(Key, ConfigNode)] = []
        for (keyNode, valueNode) in mapping {
            let path = keyNode.scalar?.string ?? ""
            let value = node.child(path, valueNode)
            let components = path.split(separator: ".", omittingEmptySubsequences: false)
            if path.isEmpty || components.contains(where: \.isEmpty) {
                node.log.report("`\(path)` is not a key path (keys joined by dots, e.g. optimizer.lr)", at: keyNode,
                                path: value.path)
                continue
            }
            if let root = components.first.map(String.init), unsweepableRoots.contains(root) {
                node.log.report("`\(root)` cannot be swept", at: keyNode, path: value.path)
                continue
            }
            let located = node.log.sources.locate(line: keyNode.mark?.line ?? 0)
            let key = Key(path: path, file: located.file, line: located.line, column: keyNode.mark?.column ?? 0)
            if let earlier = seen[path] {
                node.log.report("`\(path)` is already swept at line \(earlier.line); a key can be swept once",
                                at: keyNode, path: value.path)
                continue
            }
            seen[path] = key
            result.append((key, value))
        }
        return result
    }

    /// The axes of a mapping, each with the node of its list.
    private static func readAxes(_ node: ConfigNode, seen: inout [String: Key]) -> [(axis: Axis, node: ConfigNode)]? {
        guard let entries = entries(node, seen: &seen) else { return nil }
        if node.entryCount == 0 { node.error("expected at least one key to sweep") }
        return entries.compactMap { key, valueNode in
            readValues(valueNode).map { (axis: Axis(key: key, values: $0), node: valueNode) }
        }
    }

    private static func readValues(_ node: ConfigNode) -> [Value]? {
        guard let elements = node.list() else { return nil }
        guard !elements.isEmpty else {
            node.error("expected a non-empty list of values")
            return nil
        }
        return elements.map { Value(node: $0.node) }
    }

    private static func readRandom(_ node: ConfigNode, seen: inout [String: Key]) -> RandomSearch? {
        guard let fields = node.fields(["samples", "seed", "space"]) else { return nil }
        let samples = fields.required("samples") { $0.int(in: 1...maximumRuns) }
        let seed = fields.optional("seed", 1) { $0.int(in: 0...Int.max) }
        let space = fields.required("space") { spaceNode -> [Dimension]? in
            guard let entries = entries(spaceNode, seen: &seen) else { return nil }
            if spaceNode.entryCount == 0 { spaceNode.error("expected at least one key to draw") }
            return entries.compactMap { key, valueNode in
                readDistribution(valueNode).map { Dimension(key: key, distribution: $0) }
            }
        }
        guard let samples, let space else { return nil }
        return RandomSearch(samples: samples, seed: UInt64(seed), space: space)
    }

    private static func readDistribution(_ node: ConfigNode) -> Distribution? {
        guard let fields = node.fields(distributionNames) else { return nil }
        let given = distributionNames.filter { fields[$0] != nil }
        guard given.count == 1, let name = given.first, let value = fields[name] else {
            if given.count > 1 || node.entryCount == 0 {
                node.error("expected exactly one of \(distributionNames.joined(separator: ", ")), e.g. {log_uniform: [1e-4, 1e-2]}")
            }
            return nil
        }
        if name == "choice" { return readValues(value).map(Distribution.choice) }
        guard let elements = value.list() else { return nil }
        let bounds = elements.compactMap { $0.double() }
        guard bounds.count == elements.count else { return nil }
        guard bounds.count == 2 else {
            value.error("expected [low, high], found \(bounds.count) numbers")
            return nil
        }
        let (low, high) = (bounds[0], bounds[1])
        guard low < high else {
            value.error("expected low < high, found [\(low.formatted), \(high.formatted)]")
            return nil
        }
        if name == "log_uniform" {
            guard low > 0 else {
                value.error("a log_uniform range must be positive, found [\(low.formatted), \(high.formatted)]")
                return nil
            }
            return .logUniform(low: low, high: high)
        }
        return .uniform(low: low, high: high)
    }

    private static func readSeeds(_ node: ConfigNode) -> [UInt64]? {
        guard let elements = node.list() else { return nil }
        guard !elements.isEmpty else {
            node.error("expected a non-empty list of seeds")
            return nil
        }
        var seeds: [UInt64] = []
        for element in elements {
            guard let seed = element.int(in: 0...Int.max) else { continue }
            if seeds.contains(UInt64(seed)) {
                element.error("seed \(seed) is listed twice")
                continue
            }
            seeds.append(UInt64(seed))
        }
        return seeds
    }
}

extension SweepSpec.Value {
    /// The value of a YAML node: flow-style YAML text that reads back as it, and its label.
    init(node: Node) {
        switch node {
        case .scalar(let scalar):
            self.init(yaml: Self.flowScalar(scalar.string, plain: scalar.style == .plain), label: scalar.string)
        case .sequence(let sequence):
            let elements = sequence.map(Self.init(node:))
            self.init(yaml: "[" + elements.map(\.yaml).joined(separator: ", ") + "]",
                      label: "[" + elements.map(\.label).joined(separator: ", ") + "]")
        case .mapping(let mapping):
            let entries = mapping.map { (key: Self(node: $0.key), value: Self(node: $0.value)) }
            self.init(yaml: "{" + entries.map { "\($0.key.yaml): \($0.value.yaml)" }.joined(separator: ", ") + "}",
                      label: entries.map { $0.key.label == "kind" ? $0.value.label : "\($0.key.label)=\($0.value.label)" }
                          .joined(separator: " "))
        case .alias:
            self.init(yaml: "null", label: "null")
        }
    }

    /// A number drawn by a random search, rounded to four significant digits
    /// so that run ids stay readable; the run uses exactly the rounded value.
    init(drawn value: Double) {
        let text = Self.shortNumber(value)
        self.init(yaml: text, label: text)
    }

    /// `value` with four significant digits, in the shortest form (`0.0007234`, `1.5e-05`, `12`).
    static func shortNumber(_ value: Double) -> String {
        Double(String(format: "%.4g", value)).map(\.formatted) ?? value.formatted
    }

    /// A scalar in a flow collection: plain when it was plain and cannot be
    /// misread there, else double-quoted.
    private static func flowScalar(_ text: String, plain: Bool) -> String {
        let special = Set(",[]{}#&*!|>'\"%@`")
        let isSafe = plain && !text.isEmpty && !text.contains(where: special.contains) && !text.contains(": ")
            && text.first != " " && text.last != " " && text.last != ":"
        guard !isSafe else { return text }
        var quoted = "\""
        for character in text.unicodeScalars {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default: quoted.unicodeScalars.append(character)
            }
        }
        return quoted + "\""
    }
}

extension ConfigNode {
    /// The number of entries of a mapping (0 for any other value).
    fileprivate var entryCount: Int {
        guard case .mapping(let mapping) = node else { return 0 }
        return mapping.count
    }
}
