import Foundation

/// The HParams plugin's experiment of a sweep, `tb/events.out.tfevents.aae-run` in the
/// sweep's folder: the swept keys with the values each takes, and the metrics (scalar
/// tags) the dashboard shows as columns. TensorBoard's HParams dashboard pairs it with
/// the session start and end each run writes into its own event file.
public enum HParamsExperimentFile {
    /// Atomically replaces the experiment file of the sweep in `directory`.
    public static func write(hyperparameters: [(name: String, values: [HParamValue])], metrics: [String],
                             in directory: URL,
                             clock: () -> Double = { Date().timeIntervalSince1970 }) throws {
        let summary = try HParamsSummary.experiment(hyperparameters: hyperparameters, metrics: metrics)
        let wallTime = clock()
        var contents = try EventFileWriter.record(EventFileWriter.versionEvent(wallTime: wallTime))
        contents.append(try EventFileWriter.record(EventFileWriter.event(step: 0, summary: summary, wallTime: wallTime)))
        try AtomicFile.write(contents, to: TensorBoardLog.url(in: directory))
    }
}
