import AAECore
import Yams

/// One layer of a network as written in an experiment file, validated against
/// its kind's declared arguments but not yet built (sizes may be symbolic).
public struct LayerSpec: Sendable, Equatable {
    /// The registry name of the layer kind (`dense`, `leaky_relu`, …).
    public let kind: String
    /// The arguments by name, after defaults are filled in.
    public let arguments: [String: LayerArgument]
    /// Where the layer was written, for errors found when sizes are resolved.
    public let keyPath: String
    public let line: Int
    public let column: Int

    /// The short form: `dense 512`, `leaky_relu 0.2`, `tanh`, `conv2d 32 3x3 stride 2 same`;
    /// trailing arguments that equal their defaults are left out, and so are keyword
    /// arguments that do.
    public var shortForm: String {
        guard let definition = LayerRegistry.definition(kind) else { return kind }
        var values = definition.arguments.map { (argument: $0, value: arguments[$0.name]) }
        while let last = values.last, last.value == last.argument.defaultValue { values.removeLast() }
        let words = values.flatMap { argument, value -> [String] in
            guard let value else { return [] }
            guard argument.keyword else { return [argument.text(value)] }
            return value == argument.defaultValue ? [] : [argument.name, argument.text(value)]
        }
        return ([kind] + words).joined(separator: " ")
    }

    /// The words of a short form, a bracketed list (`[7, 7, 64]`) kept as one word.
    private static func words(_ text: String) -> [String] {
        var words: [String] = []
        var open = false
        for piece in text.split(separator: " ").map(String.init) {
            if open, let last = words.popLast() {
                words.append(last + " " + piece)
            } else {
                words.append(piece)
            }
            if piece.hasPrefix("[") { open = true }
            if piece.hasSuffix("]") { open = false }
        }
        return words
    }

    /// Reads a layer in short form (`dense 512`) or long form (`{dense: {units: 512, bias: false}}`).
    static func read(_ node: ConfigNode) -> LayerSpec? {
        let mark = node.node.mark
        func make(_ kind: String, _ arguments: [String: LayerArgument]) -> LayerSpec {
            LayerSpec(kind: kind, arguments: arguments, keyPath: node.path,
                      line: mark?.line ?? 0, column: mark?.column ?? 0)
        }
        switch node.node {
        case .scalar(let scalar):
            let words = Self.words(scalar.string)
            guard let kind = words.first, let definition = definition(kind, at: node) else {
                if scalar.string.isEmpty { node.error("expected a layer such as `dense 512`, found an empty value") }
                return nil
            }
            let usage = "`\(kind)` takes \(definition.usage), found `\(scalar.string)`"
            var positional = definition.arguments.filter { !$0.keyword }[...]
            var arguments: [String: LayerArgument] = [:]
            var remaining = words.dropFirst()
            while let word = remaining.popFirst() {
                let argument: LayerArgumentDefinition
                let text: String
                if let keyword = definition.arguments.first(where: { $0.keyword && $0.name == word }) {
                    guard arguments[keyword.name] == nil, let value = remaining.popFirst() else {
                        node.error(usage)
                        return nil
                    }
                    (argument, text) = (keyword, value)
                } else {
                    guard let next = positional.popFirst() else {
                        node.error(usage)
                        return nil
                    }
                    (argument, text) = (next, word)
                }
                guard let value = argument.parse(text, at: node, kind: kind) else { return nil }
                arguments[argument.name] = value
            }
            for argument in definition.arguments where arguments[argument.name] == nil {
                guard let fallback = argument.defaultValue else {
                    node.error(usage)
                    return nil
                }
                arguments[argument.name] = fallback
            }
            return make(kind, arguments)
        case .mapping(let mapping):
            guard mapping.count == 1, let (keyNode, valueNode) = mapping.first, let kind = keyNode.scalar?.string else {
                node.error("expected a layer as `{kind: {argument: value}}`, found a mapping with \(mapping.count) keys")
                return nil
            }
            let kindNode = ConfigNode(node: keyNode, path: node.path, log: node.log)
            guard let definition = definition(kind, at: kindNode) else { return nil }
            let body = node.child(kind, valueNode)
            var arguments: [String: LayerArgument] = [:]
            if body.isNull {
                guard definition.arguments.allSatisfy({ $0.defaultValue != nil }) else {
                    body.error("`\(kind)` needs \(definition.usage)")
                    return nil
                }
            } else if let fields = body.fields(definition.arguments.map(\.name)) {
                for argument in definition.arguments {
                    if let value = fields[argument.name] {
                        guard let text = Self.argumentText(value, argument),
                              let parsed = argument.parse(text, at: value, kind: kind) else {
                            if value.text == nil { value.error("expected \(argument.expected), found \(value.found)") }
                            return nil
                        }
                        arguments[argument.name] = parsed
                    } else if let fallback = argument.defaultValue {
                        arguments[argument.name] = fallback
                    } else {
                        body.error("missing required argument `\(argument.name)` of `\(kind)`")
                        return nil
                    }
                }
            } else {
                return nil
            }
            for argument in definition.arguments where arguments[argument.name] == nil {
                arguments[argument.name] = argument.defaultValue
            }
            return make(kind, arguments)
        default:
            node.error("expected a layer such as `dense 512` or `{dense: {units: 512}}`, found \(node.found)")
            return nil
        }
    }

    /// The text of a long-form argument: a scalar, or a shape's list `[7, 7, 64]`.
    private static func argumentText(_ value: ConfigNode, _ argument: LayerArgumentDefinition) -> String? {
        if let text = value.text { return text }
        guard case .shape = argument.kind, case .sequence = value.node, let elements = value.list(),
              elements.allSatisfy({ $0.text != nil }) else { return nil }
        return "[" + elements.compactMap(\.text).joined(separator: ", ") + "]"
    }

    private static func definition(_ kind: String, at node: ConfigNode) -> LayerDefinition? {
        if let definition = LayerRegistry.definition(kind) { return definition }
        let hint = Suggestions.nearest(to: kind, in: LayerRegistry.names).map { "did you mean `\($0)`?" }
            ?? "known layers: \(LayerRegistry.names.joined(separator: ", "))"
        node.error("unknown layer `\(kind)`; \(hint)")
        return nil
    }
}
