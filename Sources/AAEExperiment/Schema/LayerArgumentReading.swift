import AAECore

/// How the reader checks a layer's arguments against their definitions, with
/// the messages a bad value gets.
extension LayerArgumentDefinition {
    var expected: String {
        switch kind {
        case .size: return "a positive size, `latent`, `input` or `labels`"
        case .number(let range, let openUpper):
            let upper = range.upperBound == .infinity ? "∞" : range.upperBound.formatted
            return "a number in [\(range.lowerBound.formatted), \(upper)\(openUpper ? ")" : "]")"
        case .flag: return "true or false"
        }
    }

    func parse(_ text: String, at node: ConfigNode, kind layer: String) -> LayerArgument? {
        switch kind {
        case .size:
            switch text {
            case "latent": return .size(.latent)
            case "input": return .size(.input)
            case "labels": return .size(.labels)
            default:
                if let value = Int(text), value > 0 { return .size(.literal(value)) }
            }
        case .number(let range, let openUpper):
            if let value = Double(text), value >= range.lowerBound,
               openUpper ? value < range.upperBound : value <= range.upperBound {
                return .number(value)
            }
        case .flag:
            if text == "true" { return .flag(true) }
            if text == "false" { return .flag(false) }
        }
        node.error("`\(layer)` argument `\(name)` expects \(expected), found `\(text)`")
        return nil
    }
}

extension LayerDefinition {
    /// `<units> [bias]`: required arguments in angle brackets, optional ones in square brackets.
    var usage: String {
        arguments.isEmpty ? "no arguments"
            : arguments.map { $0.defaultValue == nil ? "<\($0.name)>" : "[\($0.name)]" }.joined(separator: " ")
    }
}
