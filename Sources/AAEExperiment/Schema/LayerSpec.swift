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

    /// The short form: `dense 512`, `leaky_relu 0.2`, `tanh`; trailing arguments
    /// that equal their defaults are left out.
    public var shortForm: String {
        guard let definition = LayerRegistry.definition(kind) else { return kind }
        var values = definition.arguments.map { (arguments[$0.name], $0.defaultValue) }
        while let last = values.last, last.0 == last.1 { values.removeLast() }
        return ([kind] + values.compactMap { $0.0?.description }).joined(separator: " ")
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
            let words = scalar.string.split(separator: " ").map(String.init)
            guard let kind = words.first, let definition = definition(kind, at: node) else {
                if scalar.string.isEmpty { node.error("expected a layer such as `dense 512`, found an empty value") }
                return nil
            }
            let values = Array(words.dropFirst())
            let required = definition.arguments.filter { $0.defaultValue == nil }
            guard values.count <= definition.arguments.count, values.count >= required.count else {
                node.error("`\(kind)` takes \(definition.usage), found `\(scalar.string)`")
                return nil
            }
            var arguments: [String: LayerArgument] = [:]
            for (argument, text) in zip(definition.arguments, values) {
                guard let value = argument.parse(text, at: node, kind: kind) else { return nil }
                arguments[argument.name] = value
            }
            for argument in definition.arguments.dropFirst(values.count) {
                arguments[argument.name] = argument.defaultValue
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
                        guard let text = value.text, let parsed = argument.parse(text, at: value, kind: kind) else {
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

    private static func definition(_ kind: String, at node: ConfigNode) -> LayerDefinition? {
        if let definition = LayerRegistry.definition(kind) { return definition }
        let hint = Suggestions.nearest(to: kind, in: LayerRegistry.names).map { "did you mean `\($0)`?" }
            ?? "known layers: \(LayerRegistry.names.joined(separator: ", "))"
        node.error("unknown layer `\(kind)`; \(hint)")
        return nil
    }
}
