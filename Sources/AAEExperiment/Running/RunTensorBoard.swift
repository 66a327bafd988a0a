import AAECore
import AAEReport
import Foundation

/// What a run shows in TensorBoard, in its `tb/` folder: every metrics.csv column (but
/// `step`) as a scalar at its row's step, the snapshots (`report.snapshot_every`) as
/// `snapshots/<figure>` images at their steps, the eval.csv values as `eval/<metric>` and
/// the figures as `figures/<name>` images at the last step, and, in a sweep, the HParams
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
    /// The tag prefix of the snapshots.
    static let snapshotTagPrefix = "snapshots/"

    private let log: TensorBoardLog
    private let columns: [String]
    private let isSession: Bool
    /// Whether the HParams session end is written: a session ends once.
    private var hasEnded = false

    /// Starts the run's event file with its HParams session start (when `hyperparameters`
    /// is not empty), then the rows already logged and the snapshots already taken (a
    /// resumed run's), by step, each snapshot before the row of its step as the run wrote them.
    init(directory: URL, columns: [String], loggedRows: [[String]], snapshots: [RunSnapshots.Snapshot] = [],
         hyperparameters: [(name: String, value: HParamValue)]) throws {
        log = try TensorBoardLog(directory: directory)
        self.columns = columns
        isSession = !hyperparameters.isEmpty
        if isSession { try log.writeSessionStart(hyperparameters: hyperparameters) }
        var pending = snapshots[...]
        for row in loggedRows {
            let step = Self.step(of: row) ?? Int.max
            let due = pending.prefix { $0.step <= step }
            try took(Array(due))
            pending = pending.dropFirst(due.count)
            try logged(row)
        }
        try took(Array(pending))
    }

    /// Rewrites the event file of the ended run in `directory` from the files it holds:
    /// metrics.csv's rows, the snapshots, `evaluation` and the figures on disk at `step`
    /// (the last), and the HParams session, ended as `record` says (left open when the run
    /// was interrupted). What `aae-run eval` does after rewriting eval.csv.
    static func rewrite(directory: URL, evaluation: [Metric], step: Int, record: RunRecord?,
                        hyperparameters: [(name: String, value: HParamValue)]) throws {
        let metrics = try CSVTable.read(from: RunFolderLayout(directory).metrics)
        let log = try RunTensorBoard(directory: directory, columns: metrics.header, loggedRows: metrics.rows,
                                     snapshots: RunSnapshots.taken(in: directory).filter { $0.step <= step },
                                     hyperparameters: hyperparameters)
        let figures = RunFigures.fileNames.map { RunFolderLayout(directory).file($0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        try log.finished(step: step, evaluation: evaluation, figures: figures)
        switch record?.status {
        case .completed: try log.ended(.completed, steps: step)
        case .diverged: try log.ended(.diverged(step: record?.divergedAtStep ?? step), steps: step)
        case .failed: try log.failed(step: step)
        case .interrupted, .pending, .running, nil: break
        }
    }

    /// Appends one metrics.csv row.
    func logged(_ fields: [String]) throws {
        guard let step = Self.step(of: fields) else { return }
        let values = zip(columns, fields).dropFirst().compactMap { column, field in
            Double(field).map { (tag: column, value: $0) }
        }
        try log.writeScalars(step: step, values)
    }

    /// Appends the snapshots of one step (`RunSnapshots.takeIfDue`'s), each as
    /// `snapshots/<figure>` at its step.
    func took(_ snapshots: [RunSnapshots.Snapshot]) throws {
        for step in Set(snapshots.map(\.step)).sorted() {
            try log.writeImages(step: step, snapshots.filter { $0.step == step }.map {
                (tag: Self.snapshotTagPrefix + $0.figure, png: $0.url)
            })
        }
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
        switch status {
        case .completed: try endSession(.success, step: steps)
        case .diverged(let step): try endSession(.failure, step: step)
        case .interrupted: break
        }
    }

    /// Appends the HParams session end of a run that failed (threw) after `step`,
    /// unless the session has already ended.
    func failed(step: Int) throws {
        try endSession(.failure, step: step)
    }

    private func endSession(_ status: HParamsSessionStatus, step: Int) throws {
        guard isSession, !hasEnded else { return }
        hasEnded = true
        try log.writeSessionEnd(status: status, step: step)
    }

    private static func step(of row: [String]) -> Int? {
        row.first.flatMap(Double.init).map(Int.init)
    }
}
