import AAECore
import Foundation

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
        case .window: return "a positive size or `HxW` such as `3x3`"
        case .choice(let words): return words.map { "`\($0)`" }.joined(separator: " or ")
        case .shape: return "a map shape `HxWxC` or `[H, W, C]` of positive sizes"
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
        case .window:
            let sizes = text.split(separator: "x", omittingEmptySubsequences: false).map { Int($0) }
            if sizes.count == 1, let side = sizes[0], side > 0 { return .window(height: side, width: side) }
            if sizes.count == 2, let height = sizes[0], let width = sizes[1], height > 0, width > 0 {
                return .window(height: height, width: width)
            }
        case .choice(let words):
            if words.contains(text) { return .choice(text) }
        case .shape:
            let inner = text.hasPrefix("[") && text.hasSuffix("]") ? String(text.dropFirst().dropLast()) : text
            let separator: Character = inner.contains(",") ? "," : "x"
            let sizes = inner.split(separator: separator, omittingEmptySubsequences: false)
                .map { Int($0.trimmingCharacters(in: .whitespaces)) }
            if sizes.count == 3, let height = sizes[0], let width = sizes[1], let channels = sizes[2],
               height > 0, width > 0, channels > 0 {
                return .shape(height: height, width: width, channels: channels)
            }
        }
        node.error("`\(layer)` argument `\(name)` expects \(expected), found `\(text)`")
        return nil
    }
}

extension LayerDefinition {
    /// `<units> [bias]`: required arguments in angle brackets, optional ones in
    /// square brackets, a keyword argument after its name (`[stride N]`).
    var usage: String {
        arguments.isEmpty ? "no arguments" : arguments.map { argument in
            let written = argument.keyword ? "\(argument.name) N" : argument.name
            return argument.defaultValue == nil ? "<\(written)>" : "[\(written)]"
        }.joined(separator: " ")
    }
}
