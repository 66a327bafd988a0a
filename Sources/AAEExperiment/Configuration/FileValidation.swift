/// The outcome of checking one experiment file without training: the summary
/// of its networks when it is valid, every diagnostic when it is not.
///
/// `aae-run validate` prints one per file; the logic lives here so that it is
/// tested without the command line.
public struct FileValidation: Sendable {
    public let file: String
    /// The built networks' summary; nil when the file is invalid.
    public let summary: ExperimentSummary?
    /// Every problem found, in reading order; empty when the file is valid.
    public let diagnostics: [ConfigDiagnostic]

    public var isValid: Bool { summary != nil }

    /// Reads `path` with `overrides` applied and, when it is valid, builds its networks.
    public init(path: String, overrides: [Override] = []) {
        file = path
        do {
            summary = ExperimentSummary(experiment: try ExperimentReader.load(path: path, overrides: overrides))
            diagnostics = []
        } catch let errors as ConfigErrors {
            summary = nil
            diagnostics = errors.diagnostics
        } catch {
            summary = nil
            diagnostics = [ConfigDiagnostic(file: path, line: 0, column: 0, keyPath: "", message: "\(error)")]
        }
    }

    /// `FILE: valid` and the summary, or `FILE: N errors` and the diagnostics.
    public var text: String {
        if let summary { return "\(file): valid\n\(summary.text)" }
        let count = diagnostics.count == 1 ? "1 error" : "\(diagnostics.count) errors"
        return "\(file): invalid, \(count)\n" + diagnostics.map { "\($0)\n" }.joined()
    }
}
