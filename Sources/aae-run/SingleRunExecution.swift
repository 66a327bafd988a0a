import AAEExperiment
import AAEReport
import ArgumentParser
import Foundation

/// Trains one run for a command: progress on stderr (a bar on a terminal), the summary on
/// stdout, exit status 3 when it diverged and 130 when a signal stopped it (after a
/// checkpoint, so that `aae-run resume` continues it). A run that fails once it has
/// started writing its folder leaves status.csv saying `failed` and why.
/// A run estimated above the memory budget (`memoryLimit` as `--memory-limit` gives it,
/// the default when nil) is refused before it starts.
enum SingleRunExecution {
    static func run(_ experiment: Experiment, options: RunOptions, memoryLimit: String? = nil) throws {
        let stop = StopRequest()
        let display = ProgressDisplay()
        let signals = InterruptSignals(stop: stop) { display.message($0) }
        defer { signals.cancel() }
        var options = options
        options.stopRequest = stop
        options.memoryBudget = try MemoryBudget(limit: memoryLimit)
        let runner = ExperimentRunner(experiment: experiment, options: options)
        runner.progress = { display.show($0) }
        let start = Date()
        let result: RunResult
        do {
            result = try runner.run()
            display.finish()
        } catch {
            display.finish()
            if runner.hasBegunWriting {
                try? RunRecord(status: .failed, wallTimeSeconds: Date().timeIntervalSince(start), error: FileErrorMessage.describe(error))
                    .write(in: runner.outputDirectory)
            }
            throw error
        }
        print(RunSummary(experiment: experiment, result: result).text)
        switch result.status {
        case .completed: break
        case .diverged: throw ExitCode(3)
        case .interrupted: throw ExitCode(130)
        }
    }
}
