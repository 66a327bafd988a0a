import AAEExperiment
import ArgumentParser
import Foundation

/// Runs a planned sweep for a command: the run count first, then the progress
/// on stderr, the outcome on stdout, and its exit status. Ctrl-C (SIGINT) or
/// SIGTERM stops the runs at a step boundary with a checkpoint. A sweep whose runs
/// trained at once are estimated above the memory budget (`memoryLimit` as
/// `--memory-limit` gives it, the default when nil) is refused before any starts.
enum SweepExecution {
    static func run(_ plan: SweepPlan, jobs: Int?, threads: Int? = nil, dataDirectory: String?, dryRun: Bool = false,
                    memoryLimit: String? = nil) throws {
        let jobs = max(jobs ?? SweepOptions.defaultJobs, 1)
        let threads = max(threads ?? 1, 1)
        if !dryRun { try MemoryBudget(limit: memoryLimit)?.check(plan, jobs: min(jobs, plan.runs.count)) }
        print("\(plan.name): \(plan.runs.count) run\(plan.runs.count == 1 ? "" : "s") → \(plan.outputDirectory.relativePath)"
              + (dryRun ? "" : " (\(jobs) job\(jobs == 1 ? "" : "s"), \(threads) thread\(threads == 1 ? "" : "s") each)"))
        fflush(stdout)
        if dryRun {
            print(plan.listing)
            return
        }
        let stop = StopRequest()
        let signals = InterruptSignals(stop: stop) { CommandLineFailure.printError($0) }
        defer { signals.cancel() }
        let runner = SweepRunner(plan: plan, options: SweepOptions(jobs: jobs, threadsPerRun: threads,
                                                                   dataDirectory: dataDirectory, stopRequest: stop))
        runner.progress = { CommandLineFailure.printError($0) }
        let outcome = try runner.run()
        print(outcome.text)
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
