import AAEExperiment
import AAEReport
import ArgumentParser
import Foundation

/// One SLURM array task: trains its shard of the frozen sweep, then, when
/// SIGUSR1 announced the time limit, requeues itself (up to a bound) so that
/// the task continues from its checkpoints.
///
/// Exit status: 0 when the shard's runs completed or diverged (a diverged run
/// is a result) and when the task requeued itself; 1 when a run failed (its
/// reason is in its status.csv); 130 when runs were left interrupted.
enum SlurmTaskExecution {
    static func run(directory: URL, shard: SweepShard, jobs: Int?, threads: Int?, dataDirectory: String?, maxRequeues: Int) throws {
        let plan = try FrozenSweep.load(directory: directory)
        let stop = StopRequest()
        let signals = InterruptSignals(stop: stop, repeatsQuit: false, requeueOnUSR1: true) { CommandLineFailure.printError($0) }
        defer { signals.cancel() }
        let jobs = max(jobs ?? 1, 1)
        let runner = SweepRunner(plan: plan, options: SweepOptions(jobs: jobs, threadsPerRun: threads ?? 1,
                                                                   dataDirectory: dataDirectory,
                                                                   stopRequest: stop, shard: shard))
        runner.progress = { CommandLineFailure.printError($0) }
        print("\(plan.name): shard \(shard) of \(plan.runs.count) runs → \(directory.path) (\(jobs) job\(jobs == 1 ? "" : "s"))")
        fflush(stdout)
        let outcome = try runner.run()
        print(outcome.text.split(separator: "\n").first.map(String.init) ?? "")
        if signals.isRequeueRequested, outcome.unfinishedCount > 0 {
            if let task = SlurmTask(), task.mayRequeue(maxRequeues: maxRequeues) {
                print("requeueing job \(task.jobID) (requeue \(task.restartCount + 1) of at most \(maxRequeues))")
                fflush(stdout)
                try task.requeue()
                return
            }
            CommandLineFailure.printError("aae-run: not requeued (requeued \(SlurmTask()?.restartCount ?? 0) times, at most "
                                          + "\(maxRequeues)); continue with `aae-run resume \(directory.path)`")
        }
        if outcome.count(.failed) > 0 { throw ExitCode.failure }
        if outcome.unfinishedCount > 0 { throw ExitCode(130) }
    }
}
