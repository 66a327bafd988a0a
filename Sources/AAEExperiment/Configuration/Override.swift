import Yams

/// A `--set key.path=value` given on the command line, applied to the file's
/// YAML before it is read, so the value is typed and validated by the schema.
public struct Override: Sendable, Equatable, CustomStringConvertible {
    public let keyPath: [String]
    /// The value as YAML text (`0.001`, `[dense 64, relu]`).
    public let value: String

    /// Parses `key.path=value`.
    public init(parsing text: String) throws {
        guard let equals = text.firstIndex(of: "=") else {
            throw OverrideError("`--set \(text)` needs the form key.path=value")
        }
        let path = text[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.isEmpty, path.allSatisfy({ !$0.isEmpty }) else {
            throw OverrideError("`--set \(text)`: the key path has an empty part")
        }
        keyPath = path
        value = String(text[text.index(after: equals)...])
    }

    public init(keyPath: [String], value: String) {
        self.keyPath = keyPath
        self.value = value
    }

    public var description: String { "\(keyPath.joined(separator: "."))=\(value)" }

    /// `root` with this override's value placed at its key path, creating
    /// mappings on the way where keys are missing.
    func apply(to root: Node) throws -> Node {
        let parsed: Node
        do {
            parsed = try Yams.compose(yaml: value) ?? Node("", Tag(.null))
        } catch {
            throw OverrideError("`--set \(self)`: the value is not valid YAML")
        }
        return try place(parsed.withoutMarks, at: keyPath[...], in: root)
    }

    private func place(_ value: Node, at path: ArraySlice<String>, in node: Node) throws -> Node {
        guard let key = path.first else { return value }
        switch node {
        case .mapping(var mapping):
            let existing = mapping[key] ?? Node.mapping(Node.Mapping([]))
            mapping[key] = try place(value, at: path.dropFirst(), in: existing)
            return .mapping(mapping)
        case .sequence(var sequence):
            guard let index = Int(key), sequence.indices.contains(index) else {
                throw OverrideError("`--set \(self)`: `\(key)` is not an index of the list at that path (0..<\(sequence.count))")
            }
            sequence[index] = try place(value, at: path.dropFirst(), in: sequence[index])
            return .sequence(sequence)
        default:
            if case .scalar(let scalar) = node, scalar.string.isEmpty {
                return try place(value, at: path, in: .mapping(Node.Mapping([])))
            }
            throw OverrideError("`--set \(self)`: the value before `\(key)` is not a mapping")
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
