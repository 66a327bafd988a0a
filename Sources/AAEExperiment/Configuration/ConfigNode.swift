import Yams

/// Collects the diagnostics of one experiment file while it is read, each at
/// the file and line its value was written in (a file it extends, perhaps).
final class DiagnosticLog {
    /// The file being read: the one the user named.
    let file: String
    let sources: SourceMap
    private(set) var diagnostics: [ConfigDiagnostic] = []

    init(file: String, sources: SourceMap? = nil) {
        self.file = file
        self.sources = sources ?? SourceMap(file: file)
    }

    /// Adds `diagnostic`; a position in the merged tree of `file` is moved to
    /// the file and line it came from.
    func appendDiagnostic(_ diagnostic: ConfigDiagnostic) {
        guard diagnostic.file == file, diagnostic.line > 0 else {
            diagnostics.append(diagnostic)
            return
        }
        let location = sources.locate(line: diagnostic.line)
        diagnostics.append(ConfigDiagnostic(file: location.file, line: location.line, column: diagnostic.column,
                                            keyPath: diagnostic.keyPath, message: diagnostic.message))
    }

    func report(_ message: String, at node: Node?, path: String) {
        let mark = node?.mark
        appendDiagnostic(ConfigDiagnostic(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0,
                                          keyPath: path, message: message))
    }

    /// The diagnostics in reading order: the extending file first, then the
    /// files it extends, each by line and column.
    var sortedDiagnostics: [ConfigDiagnostic] {
        diagnostics.sorted {
            (sources.rank(of: $0.file), $0.line, $0.column) < (sources.rank(of: $1.file), $1.line, $1.column)
        }
    }
}

/// A value of an experiment file with its key path, read with typed accessors
/// that report what was expected and what was found instead of failing.
struct ConfigNode {
    let node: Node
    let path: String
    let log: DiagnosticLog

    func child(_ key: String, _ node: Node) -> ConfigNode {
        ConfigNode(node: node, path: path.isEmpty ? key : "\(path).\(key)", log: log)
    }

    func element(_ index: Int, _ node: Node) -> ConfigNode {
        ConfigNode(node: node, path: "\(path)[\(index)]", log: log)
    }

    func error(_ message: String) {
        log.report(message, at: node, path: path)
    }

    /// A short description of what this value is, for "found …" messages.
    var found: String {
        switch node {
        case .scalar(let scalar):
            if scalar.string.isEmpty && scalar.style == .plain { return "an empty value" }
            return "`\(scalar.string)`"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The plain text of a scalar.
    var text: String? {
        guard case .scalar(let scalar) = node else { return nil }
        return scalar.string
    }

    func string() -> String? {
        guard let text, !isNull else {
            error("expected a string, found \(found)")
            return nil
        }
        return text
    }

    func string(oneOf choices: [String]) -> String? {
        guard let value = string() else { return nil }
        guard choices.contains(value) else {
            let hint = Suggestions.nearest(to: value, in: choices).map { " (did you mean `\($0)`?)" } ?? ""
            error("expected one of \(Suggestions.list(choices)), found `\(value)`\(hint)")
            return nil
        }
        return value
    }

    func int(in range: ClosedRange<Int>? = nil) -> Int? {
        guard let text, !isNull, let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
            error("expected an integer, found \(found)")
            return nil
        }
        if let range, !range.contains(value) {
            error("expected an integer in \(describe(range)), found \(value)")
            return nil
        }
        return value
    }

    func double(in range: ClosedRange<Double>? = nil, excludingLower: Bool = false, excludingUpper: Bool = false) -> Double? {
        guard let text, !isNull, let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else {
            error("expected a number, found \(found)")
            return nil
        }
        if let range {
            let tooLow = excludingLower ? value <= range.lowerBound : value < range.lowerBound
            let tooHigh = excludingUpper ? value >= range.upperBound : value > range.upperBound
            if tooLow || tooHigh {
                let unboundedBelow = range.lowerBound <= -Double.greatestFiniteMagnitude
                let unboundedAbove = range.upperBound >= Double.greatestFiniteMagnitude
                let open = excludingLower || unboundedBelow ? "(" : "["
                let close = excludingUpper || unboundedAbove ? ")" : "]"
                let lower = unboundedBelow ? "-∞" : range.lowerBound.formatted
                let upper = unboundedAbove ? "∞" : range.upperBound.formatted
                error("expected a number in \(open)\(lower), \(upper)\(close), found \(text)")
                return nil
            }
        }
        return value
    }

    func float(in range: ClosedRange<Double>? = nil, excludingLower: Bool = false, excludingUpper: Bool = false) -> Float? {
        double(in: range, excludingLower: excludingLower, excludingUpper: excludingUpper).map(Float.init)
    }

    func bool() -> Bool? {
        switch text {
        case "true", "True", "TRUE", "yes", "on": return true
        case "false", "False", "FALSE", "no", "off": return false
        default:
            error("expected true or false, found \(found)")
            return nil
        }
    }

    func list() -> [ConfigNode]? {
        guard case .sequence(let sequence) = node else {
            error("expected a list, found \(found)")
            return nil
        }
        return sequence.enumerated().map { element($0.offset, $0.element) }
    }

    /// The keys of a mapping, checked against `allowed`: an unknown key is reported
    /// with the nearest allowed one as a suggestion.
    func fields(_ allowed: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error("expected a mapping with keys \(Suggestions.list(allowed)), found \(found)")
            return nil
        }
        var values: [String: ConfigNode] = [:]
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalar?.string else {
                log.report("keys must be plain names", at: keyNode, path: path)
                continue
            }
            guard allowed.contains(key) else {
                let hint = Suggestions.nearest(to: key, in: allowed).map { "did you mean `\($0)`?" }
                    ?? "valid keys: \(Suggestions.list(allowed))"
                log.report("unknown key `\(key)`; \(hint)", at: keyNode, path: path.isEmpty ? key : "\(path).\(key)")
                continue
            }
            values[key] = child(key, valueNode)
        }
        return Fields(owner: self, values: values)
    }

    private func describe(_ range: ClosedRange<Int>) -> String {
        range.upperBound == Int.max ? "[\(range.lowerBound), ∞)" : "[\(range.lowerBound), \(range.upperBound)]"
    }
}

/// The values of a mapping by key, with accessors for required and optional keys.
struct Fields {
    let owner: ConfigNode
    let values: [String: ConfigNode]

    subscript(key: String) -> ConfigNode? {
        guard let value = values[key], !value.isNull else { return nil }
        return value
    }

    /// The value of a key that must be present; reports its absence at the mapping.
    func required<T>(_ key: String, _ read: (ConfigNode) -> T?) -> T? {
        guard let value = self[key] else {
            let path = owner.path.isEmpty ? key : "\(owner.path).\(key)"
            owner.log.report("missing required key `\(key)`", at: owner.node, path: path)
            return nil
        }
        return read(value)
    }

    /// The value of an optional key, or `fallback` when it is absent or invalid.
    func optional<T>(_ key: String, _ fallback: T, _ read: (ConfigNode) -> T?) -> T {
        guard let value = self[key] else { return fallback }
        return read(value) ?? fallback
    }
}
