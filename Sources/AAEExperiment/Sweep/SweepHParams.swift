import AAEReport
import Foundation

/// A sweep as TensorBoard's HParams dashboard sees it: each swept key is a
/// hyperparameter, each run a session with its values, each logged metric and
/// evaluation a metric column.
///
/// A key's values are numbers when every run's label reads as a number, booleans when
/// every label is `true` or `false`, and text otherwise, so that one key has one type
/// in every run and the dashboard sorts and filters numbers as numbers.
struct SweepHParams {
    let plan: SweepPlan

    /// The values of every key, one per run in the plan's order.
    private var columns: [[HParamValue]] {
        plan.keyPaths.indices.map { key in HParamValue.column(plan.runs.map { $0.values[key] }) }
    }

    /// The swept values of the run at `index`.
    func session(ofRun index: Int) -> [(name: String, value: HParamValue)] {
        zip(plan.keyPaths, columns).map { (name: $0, value: $1[index]) }
    }

    /// Atomically replaces the experiment file in the sweep's `tb/` folder: the swept
    /// keys with their distinct values, and as metrics the columns of `summary`'s runs'
    /// metrics.csv (but `step`) and their eval.csv values (`eval/<metric>`).
    func writeExperiment(metricNames: [String], evaluationNames: [String]) throws {
        let hyperparameters = zip(plan.keyPaths, columns).map { name, values in
            (name: name, values: values.reduce(into: [HParamValue]()) { if !$0.contains($1) { $0.append($1) } })
        }
        let metrics = metricNames.filter { $0 != "step" } + evaluationNames.map { RunTensorBoard.evaluationTagPrefix + $0 }
        try HParamsExperimentFile.write(hyperparameters: hyperparameters, metrics: metrics, in: plan.outputDirectory)
    }
}
