/// Why `aae-run table` cannot list a run folder, with the fix.
public enum EvaluationTableError: Error, CustomStringConvertible, Equatable {
    /// The folder has no eval.csv; `status` is what its status.csv says, when it has one.
    case noEvaluation(run: String, status: String?)
    /// eval.csv exists but cannot be read or parsed.
    case unreadable(path: String, reason: String)
    /// `--metrics` names a metric no listed run reports; `reported` are those they do.
    case unknownMetric(String, reported: [String])

    public var description: String {
        switch self {
        case .noEvaluation(let run, let status):
            let why = status.map { "the run ended \($0), and only completed runs are evaluated" }
                ?? "it is not a finished run's folder"
            return "\(run): no eval.csv (\(why)); list only completed runs, or run `aae-run eval \(run)` on a "
                + "completed one whose evaluation is missing"
        case .unreadable(let path, let reason):
            return "\(path): cannot read the evaluation: \(reason)"
        case .unknownMetric(let metric, let reported):
            return "--metrics: no listed run reports `\(metric)`; their eval.csv metrics are "
                + reported.joined(separator: ", ")
        }
    }
}
