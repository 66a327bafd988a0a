import AAECore
import AAEReport
import Foundation

/// What a run shows in TensorBoard, in its `tb/` folder: every metrics.csv column (but
/// `step`) as a scalar at its row's step, the eval.csv values as `eval/<metric>` and the
/// figures as `figures/<name>` images at the last step, and, in a sweep, the HParams
/// session (start with the run's swept values, end with its status).
///
/// The scalars are the metrics.csv and eval.csv cells read back, so TensorBoard shows
/// exactly the logged values (as float32); empty cells (evaluation columns between
/// evaluations) are left out.
final class RunTensorBoard {
    /// The tag prefix of eval.csv's values.
    static let evaluationTagPrefix = "eval/"
    /// The tag prefix of the figures.
    static let figureTagPrefix = "figures/"

    private let log: TensorBoardLog
    private let columns: [String]
    private let isSession: Bool

    /// Starts the run's event file with its HParams session start (when
    /// `hyperparameters` is not empty) and the rows already logged (a resumed run's).
    init(directory: URL, columns: [String], loggedRows: [[String]],
         hyperparameters: [(name: String, value: HParamValue)]) throws {
        log = try TensorBoardLog(directory: directory)
        self.columns = columns
        isSession = !hyperparameters.isEmpty
        if isSession { try log.writeSessionStart(hyperparameters: hyperparameters) }
        for row in loggedRows { try logged(row) }
    }

    /// Appends one metrics.csv row.
    func logged(_ fields: [String]) throws {
        guard let stepField = fields.first, let step = Double(stepField).map(Int.init) else { return }
        let values = zip(columns, fields).dropFirst().compactMap { column, field in
            Double(field).map { (tag: column, value: $0) }
        }
        try log.writeScalars(step: step, values)
    }

    /// Appends the evaluation and the figures of a completed run at its last step.
    func finished(step: Int, evaluation: [Metric], figures: [URL]) throws {
        try log.writeScalars(step: step, evaluation.compactMap { metric in
            Double(CSVFormat.float(metric.value)).map { (tag: Self.evaluationTagPrefix + metric.name, value: $0) }
        })
        try log.writeImages(step: step, figures.map {
            (tag: Self.figureTagPrefix + $0.deletingPathExtension().lastPathComponent, png: $0)
        })
    }

    /// Appends the HParams session end of a completed or diverged run; an interrupted
    /// run's session stays open until it is resumed.
    func ended(_ status: RunStatus, steps: Int) throws {
        guard isSession else { return }
        switch status {
        case .completed: try log.writeSessionEnd(status: .success, step: steps)
        case .diverged(let step): try log.writeSessionEnd(status: .failure, step: step)
        case .interrupted: break
        }
    }
}
