import AAEExperiment
import ArgumentParser

/// Trains one run for a command: progress on stderr, the summary on stdout,
/// exit status 3 when it diverged and 130 when a signal stopped it (after a
/// checkpoint, so that `aae-run resume` continues it).
enum SingleRunExecution {
    static func run(_ experiment: Experiment, options: RunOptions) throws {
        let stop = StopRequest()
        let signals = InterruptSignals(stop: stop) { CommandLineFailure.printError($0) }
        defer { signals.cancel() }
        var options = options
        options.stopRequest = stop
        let runner = ExperimentRunner(experiment: experiment, options: options)
        runner.progress = { CommandLineFailure.printError($0) }
        let result = try runner.run()
        print(RunSummary(experiment: experiment, result: result).text)
        switch result.status {
        case .completed: break
        case .diverged: throw ExitCode(3)
        case .interrupted: throw ExitCode(130)
        }
    }
}
