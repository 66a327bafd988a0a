/// One problem found in an experiment file: where it is, which key, and what is wrong.
public struct ConfigDiagnostic: Error, CustomStringConvertible, Sendable, Equatable {
    public let file: String
    public let line: Int
    public let column: Int
    /// The key path of the offending value, e.g. `model.encoder[3].units`.
    public let keyPath: String
    public let message: String

    public init(file: String, line: Int, column: Int, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    /// `file:line:column: error: key.path: message`, the form editors jump to.
    public var description: String {
        let location = line > 0 ? "\(file):\(line):\(column)" : file
        let key = keyPath.isEmpty ? "" : "\(keyPath): "
        return "\(location): error: \(key)\(message)"
    }
}

/// Every problem found in an experiment file, reported together.
public struct ConfigErrors: Error, CustomStringConvertible, Sendable {
    public let diagnostics: [ConfigDiagnostic]

    public init(_ diagnostics: [ConfigDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Diagnostics printed at most: past them a file has more wrong with it
    /// than one reading can help with, and the rest are counted in one line.
    public static let printedLimit = 50

    /// The first `printedLimit` diagnostics, one a line, then how many more there are.
    public var description: String {
        Self.lines(diagnostics).joined(separator: "\n")
    }

    /// The lines that print `diagnostics`: at most `printedLimit` and a last line counting the others.
    public static func lines(_ diagnostics: [ConfigDiagnostic]) -> [String] {
        let shown = diagnostics.prefix(printedLimit).map(\.description)
        let more = diagnostics.count - shown.count
        return more > 0 ? shown + ["… and \(more) more error\(more == 1 ? "" : "s") (fix the ones above first)"] : shown
    }
}
