import Foundation
import Yams

/// A `--set key.path=value` given on the command line, applied to the file's
/// YAML before it is read, so the value is typed and validated by the schema.
public struct Override: Sendable, Equatable, CustomStringConvertible {
    public let keyPath: [String]
    /// The value as YAML text (`0.001`, `[dense 64, relu]`).
    public let value: String

    /// Parses `key.path=value`. A null value (`null`, `~` or nothing) is
    /// refused: in an experiment file it means "the default", so it would
    /// reset the key silently; `Override(unsetting:)` (`--unset`) says so.
    public init(parsing text: String) throws {
        guard let equals = text.firstIndex(of: "=") else {
            throw OverrideError("`--set \(text)` needs the form key.path=value")
        }
        let path = text[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.isEmpty, path.allSatisfy({ !$0.isEmpty }) else {
            throw OverrideError("`--set \(text)`: the key path has an empty part")
        }
        keyPath = Self.keepingSweptKeysWhole(path)
        value = String(text[text.index(after: equals)...])
        if Self.isNull(value) {
            let key = keyPath.joined(separator: ".")
            throw OverrideError("`--set \(text)`: a null value resets `\(key)` to its default; "
                                + "say so with `--unset \(key)` (or quote the text: --set '\(key)=\"\(value)\"')")
        }
    }

    /// Parses `key.path` of `--unset`: the key as if the file did not give it, so it takes its default.
    public init(unsetting text: String) throws {
        let path = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !text.contains("="), path.allSatisfy({ !$0.isEmpty }) else {
            throw OverrideError("`--unset \(text)` needs a key path such as training.epochs")
        }
        self.init(keyPath: Self.keepingSweptKeysWhole(path), value: "null")
    }

    /// The overrides of a command line: every `--set`, then every `--unset`.
    public static func commandLine(set: [String], unset: [String]) throws -> [Override] {
        try set.map(Override.init(parsing:)) + unset.map(Override.init(unsetting:))
    }

    /// Whether YAML reads `text` as null.
    private static func isNull(_ text: String) -> Bool {
        ["", "~", "null", "Null", "NULL"].contains(text.trimmingCharacters(in: .whitespaces))
    }

    /// A grid or zip sweep names the keys it varies by their dotted paths
    /// (`sweep: {grid: {optimizer.lr: [...]}}`), so in `sweep.grid.optimizer.lr`
    /// everything after `grid` is one key.
    private static func keepingSweptKeysWhole(_ path: [String]) -> [String] {
        guard path.count > 3, path[0] == "sweep", ["grid", "zip"].contains(path[1]) else { return path }
        return Array(path[0...1]) + [path[2...].joined(separator: ".")]
    }

    public init(keyPath: [String], value: String) {
        self.keyPath = keyPath
        self.value = value
    }

    public var description: String { "\(keyPath.joined(separator: "."))=\(value)" }

    /// `root` with this override's value placed at its key path, creating
    /// mappings on the way where keys are missing. A path that cannot be
    /// followed is reported to `log` at the value in the way, and `root` is
    /// returned unchanged.
    func apply(to root: Node, log: DiagnosticLog) -> Node {
        let dotted = keyPath.joined(separator: ".")
        guard keyPath.first != ExtendsResolver.key else {
            log.report("`--set \(self)`: the files an experiment extends are read before --set applies, so `extends` cannot be set",
                       at: nil, path: dotted)
            return root
        }
        let parsed: Node
        do {
            parsed = try Yams.compose(yaml: value) ?? Node("", Tag(.null))
        } catch {
            log.report("`--set \(self)`: the value is not valid YAML", at: nil, path: dotted)
            return root
        }
        do {
            return try place(parsed.withoutMarks, at: keyPath[...], in: root, path: "")
        } catch {
            log.report("`--set \(self)`: \(error.message)", at: error.node, path: error.path)
            return root
        }
    }

    /// A value on the key path that cannot hold the next key.
    private struct BlockedPath: Error {
        let message: String
        let node: Node
        let path: String
    }

    private func place(_ value: Node, at path: ArraySlice<String>, in node: Node,
                       path walked: String) throws(BlockedPath) -> Node {
        guard let key = path.first else { return value }
        let here = walked.isEmpty ? "the file" : "`\(walked)`"
        switch node {
        case .mapping(var mapping):
            let existing = mapping[key] ?? Node.mapping(Node.Mapping([]))
            let next = walked.isEmpty ? key : "\(walked).\(key)"
            mapping[key] = try place(value, at: path.dropFirst(), in: existing, path: next)
            return .mapping(mapping)
        case .sequence(var sequence):
            guard let index = Int(key), sequence.indices.contains(index) else {
                throw BlockedPath(message: "`\(key)` is not an index of the list at \(here) (0..<\(sequence.count))",
                                  node: node, path: walked)
            }
            sequence[index] = try place(value, at: path.dropFirst(), in: sequence[index], path: "\(walked)[\(index)]")
            return .sequence(sequence)
        default:
            if case .scalar(let scalar) = node, scalar.string.isEmpty {
                return try place(value, at: path, in: .mapping(Node.Mapping([])), path: walked)
            }
            let found = node.scalar.map { "`\($0.string)`" } ?? "an alias"
            throw BlockedPath(message: "\(here) is \(found), not a mapping, so it has no key `\(key)`",
                              node: node, path: walked)
        }
    }
}

/// A malformed `--set`.
public struct OverrideError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

extension Node {
    /// The same tree with no source positions: values from the command line
    /// have no line in the file.
    var withoutMarks: Node {
        switch self {
        case .scalar(var scalar):
            scalar.mark = nil
            return .scalar(scalar)
        case .mapping(let mapping):
            return .mapping(Node.Mapping(mapping.map { ($0.key.withoutMarks, $0.value.withoutMarks) },
                                         mapping.tag, mapping.style))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map(\.withoutMarks), sequence.tag, sequence.style))
        case .alias:
            return self
        }
    }
}
