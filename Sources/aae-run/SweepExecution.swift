import AAEExperiment
import ArgumentParser
import Foundation

/// Runs a planned sweep for a command: the run count first, then the progress
/// on stderr, the outcome on stdout, and its exit status. Ctrl-C (SIGINT) or
/// SIGTERM stops the runs at a step boundary with a checkpoint.
enum SweepExecution {
    static func run(_ plan: SweepPlan, jobs: Int?, dataDirectory: String?, dryRun: Bool = false) throws {
        let jobs = max(jobs ?? SweepOptions.defaultJobs, 1)
        print("\(plan.name): \(plan.runs.count) run\(plan.runs.count == 1 ? "" : "s") → \(plan.outputDirectory.relativePath)"
              + (dryRun ? "" : " (\(jobs) job\(jobs == 1 ? "" : "s"), 1 BLAS thread each)"))
        fflush(stdout)
        if dryRun {
            print(plan.listing)
            return
        }
        let stop = StopRequest()
        let signals = InterruptSignals(stop: stop) { CommandLineFailure.printError($0) }
        defer { signals.cancel() }
        let runner = SweepRunner(plan: plan, options: SweepOptions(jobs: jobs, dataDirectory: dataDirectory, stopRequest: stop))
        runner.progress = { CommandLineFailure.printError($0) }
        let outcome = try runner.run()
        print(outcome.text)
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
