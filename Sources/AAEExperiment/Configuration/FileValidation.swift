/// The outcome of checking one experiment file without training: the summary
/// of its networks when it is valid, every diagnostic when it is not. A sweep
/// file is valid when every run it expands to is (the same check as `aae-run
/// sweep --dry-run`).
///
/// `aae-run validate` prints one per file; the logic lives here so that it is
/// tested without the command line.
public struct FileValidation: Sendable {
    public let file: String
    /// The built networks' summary; nil when the file is invalid.
    public let summary: ExperimentSummary?
    /// Every problem found, in reading order; empty when the file is valid.
    public let diagnostics: [ConfigDiagnostic]
    /// How many runs the file's sweep expands to; nil for a single experiment or an invalid file.
    public let sweepRunCount: Int?

    public var isValid: Bool { summary != nil }

    /// Reads `path` with `overrides` applied and, when it is valid, builds its networks.
    public init(path: String, overrides: [Override] = []) {
        file = path
        do {
            let experiment = try ExperimentReader.load(path: path, overrides: overrides)
            sweepRunCount = experiment.sweep == nil
                ? nil : try SweepPlan.load(path: path, overrides: overrides).runs.count
            summary = ExperimentSummary(experiment: experiment)
            diagnostics = []
        } catch let errors as ConfigErrors {
            summary = nil
            sweepRunCount = nil
            diagnostics = errors.diagnostics
        } catch {
            summary = nil
            sweepRunCount = nil
            diagnostics = [ConfigDiagnostic(file: path, line: 0, column: 0, keyPath: "", message: "\(error)")]
        }
    }

    /// `FILE: valid` and the summary (of the base experiment, for a sweep), or
    /// `FILE: N errors` and the diagnostics.
    public var text: String {
        if let summary {
            let runs = sweepRunCount.map { "sweep: \($0 == 1 ? "1 run" : "\($0) runs"), each valid; the base experiment:\n" }
            return "\(file): valid\n" + (runs ?? "") + summary.text
        }
        let count = diagnostics.count == 1 ? "1 error" : "\(diagnostics.count) errors"
        return "\(file): invalid, \(count)\n" + diagnostics.map { "\($0)\n" }.joined()
    }
}
