import AAEReport
import Foundation

/// What a sweep's summary says about one run: its status and, once it has
/// ended, its final metrics, best held-out error, evaluation and wall time,
/// read from its folder.
struct SweepRunEntry: Equatable {
    var status: RunState
    var divergedAtStep = ""
    /// The last metrics.csv row, by column.
    var finalMetrics: [(name: String, value: String)] = []
    /// The lowest `heldout_recon_mse` logged.
    var bestHeldOutMSE = ""
    /// The eval.csv values, by metric.
    var evaluation: [(name: String, value: String)] = []
    var wallTime = ""
    var error = ""

    static let pending = SweepRunEntry(status: .pending)
    static let running = SweepRunEntry(status: .running)

    /// The entry of a run that ended with `record`, completed with what its folder holds.
    init(directory: URL, record: RunRecord) {
        status = record.status
        divergedAtStep = record.divergedAtStep.map(String.init) ?? ""
        wallTime = CSVFormat.float(record.wallTimeSeconds)
        error = record.error
        let layout = RunFolderLayout(directory)
        if let metrics = try? CSVTable.read(from: layout.metrics),
           let last = metrics.rows.last {
            finalMetrics = zip(metrics.header, last).map { (name: $0, value: $1) }
            let heldOut = metrics.column(named: "heldout_recon_mse")?.compactMap(Double.init).filter { !$0.isNaN } ?? []
            bestHeldOutMSE = heldOut.min().map(CSVFormat.float) ?? ""
        }
        if let evaluation = try? CSVTable.read(from: layout.evaluation),
           evaluation.header.first == "metric", evaluation.header.count >= 2 {
            self.evaluation = evaluation.rows.map { (name: $0[0], value: $0[1]) }
        }
    }

    init(status: RunState) {
        self.status = status
    }

    /// The value of a final metric or an evaluation metric, for progress lines.
    func value(of name: String) -> String? {
        evaluation.first { $0.name == name }?.value ?? finalMetrics.first { $0.name == name }?.value
    }

    static func == (a: SweepRunEntry, b: SweepRunEntry) -> Bool {
        a.status == b.status && a.divergedAtStep == b.divergedAtStep && a.bestHeldOutMSE == b.bestHeldOutMSE
            && a.wallTime == b.wallTime && a.error == b.error
            && a.finalMetrics.map { [$0.name, $0.value] } == b.finalMetrics.map { [$0.name, $0.value] }
            && a.evaluation.map { [$0.name, $0.value] } == b.evaluation.map { [$0.name, $0.value] }
    }
}
