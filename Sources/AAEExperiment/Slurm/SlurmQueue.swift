import Foundation

/// What `squeue` says of a submission's jobs: the state of whatever is still
/// queued or running. Ended jobs leave squeue, and their outcome is read from
/// the run folders, so no accounting database (`sacct`) is needed.
public enum SlurmQueue {
    /// The jobs and array tasks of `jobIDs` still in the queue, as `id state` lines
    /// (`12_3 RUNNING`); empty when all have ended.
    public static func unfinished(_ jobIDs: [String]) throws -> [String] {
        guard !jobIDs.isEmpty else { return [] }
        let output = try SlurmCommand.run("squeue", ["-h", "-j", jobIDs.joined(separator: ","), "-o", "%i %T"])
        return output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Returns once none of `jobIDs` is queued or running, checking every `interval` seconds.
    public static func wait(for jobIDs: [String], interval: Double = 2) throws {
        while !(try unfinished(jobIDs)).isEmpty {
            Thread.sleep(forTimeInterval: interval)
        }
    }
}
