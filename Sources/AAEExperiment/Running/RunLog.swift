import AAECore
import AAEReport
import Foundation

/// The logging of a run: the step metrics summed over the log window, and at each log
/// step one metrics.csv row (the window's averages, the reconstruction errors, the
/// periodic evaluation's cells), written to metrics.csv and the TensorBoard log, and
/// shown as the progress.
final class RunLog {
    let metrics: MetricsLog
    let names: [String]
    private let url: URL
    private let reconstruction: ReconstructionEvaluator
    /// The window's sums, one per step metric; the step metrics are summed in place.
    private(set) var sums: [Double]
    private(set) var stepsInWindow = 0
    private var windowStart = Date()

    /// The log of a model reporting the step metrics `names`, with `evaluationColumns`
    /// after the reconstruction errors, written to `url`.
    init(names: [String], evaluationColumns: [String], reconstruction: ReconstructionEvaluator, url: URL) {
        self.names = names
        self.url = url
        self.reconstruction = reconstruction
        metrics = MetricsLog(columns: Self.columns(names: names) + evaluationColumns)
        sums = [Double](repeating: 0, count: names.count)
    }

    /// The columns of metrics.csv for the step metrics `names`, before any evaluation column.
    static func columns(names: [String]) -> [String] {
        ["step"] + names + ["train_recon_mse", "heldout_recon_mse"]
    }

    /// Continues the window and the rows of a checkpoint.
    func restore(sums: [Double], stepsInWindow: Int, rows: [[String]]) {
        self.sums = sums
        self.stepsInWindow = stepsInWindow
        for row in rows { metrics.append(row) }
    }

    /// Adds one step's metrics to the window.
    func accumulate(_ stepMetrics: StepMetrics) {
        for (i, metric) in stepMetrics.enumerated() { sums[i] += Double(metric.value) }
        stepsInWindow += 1
    }

    /// Appends the row of `step` (`evaluationCells` fill the evaluation columns), writes
    /// metrics.csv (a failed write is retried at the next row and at the end), and starts
    /// the next window; returns what the progress display shows.
    func logRow(step: Int, of steps: Int, model: TrainableModel, evaluationCells: [String],
                tensorBoard: RunTensorBoard, trainedSteps: Int, started: Date) throws -> TrainingProgress {
        let averages = sums.map { $0 / Double(stepsInWindow) }
        let trainMSE = reconstruction.trainMSE(model), heldOutMSE = reconstruction.heldOutMSE(model)
        let cells = ([Double(step)] + averages + [trainMSE, heldOutMSE]).map { CSVFormat.float($0) } + evaluationCells
        metrics.append(cells)
        try? metrics.write(to: url)
        try tensorBoard.logged(cells)
        let now = Date()
        let progress = TrainingProgress(
            step: step, steps: steps, metrics: zip(names, averages).map { Metric(name: $0, value: $1) },
            heldOutMSE: heldOutMSE, rate: Double(stepsInWindow) / max(now.timeIntervalSince(windowStart), 1e-9),
            secondsLeft: TrainingProgress.secondsLeft(step: step, steps: steps, trainedSteps: trainedSteps,
                                                      elapsedSeconds: now.timeIntervalSince(started)))
        for i in sums.indices { sums[i] = 0 }
        stepsInWindow = 0
        windowStart = now
        return progress
    }

    /// Writes metrics.csv with every row appended.
    func write() throws {
        try metrics.write(to: url)
    }
}
